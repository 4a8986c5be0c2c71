import { describe, expect, it } from 'vitest';
import { formatAxisValue, formatNumber, numeric } from './value-format.ts';

describe('formatNumber', () => {
  it.each([
    [2216, undefined, '2,216'],
    [0.91234, undefined, '0.91'],
    [2216.4, 'num0', '2,216'],
    [2216.44, 'num1', '2,216.4'],
    [812_345, 'num1k', '812.3k'],
    [812_345_678, 'num1m', '812.3M'],
    [0.9123, 'pct', '91.2%'],
    [0.9123, 'pct0', '91%'],
    [-0.0123, 'pct1', '-1.2%'],
    [1_234, 'usd0', '$1,234'],
    [8_123_456_789, 'usd', '$8,123.5M'],
    [98_765, 'usd', '$98,765'],
    [8_123_456_789, 'usd1m', '$8,123.5M'],
    [4321, 'usd1k', '$4.3k'],
    [1234, 'id', '1234'],
  ] as const)('%s as %s is %s', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  it('formats bigints exactly beyond 2^53 and says nothing for a missing value', () => {
    expect(formatNumber(2n ** 60n)).toBe('1,152,921,504,606,846,976');
    expect(formatNumber(2n ** 60n, 'id')).toBe('1152921504606846976');
    expect(formatNumber(12n, 'num1')).toBe('12.0');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined, 'pct')).toBe('–');
  });
});

describe('numeric', () => {
  it('reads numbers and bigints, and nothing else', () => {
    expect(numeric(3)).toBe(3);
    expect(numeric(3n)).toBe(3);
    expect(numeric(Number.NaN)).toBeUndefined();
    expect(numeric('3')).toBeUndefined();
    expect(numeric(null)).toBeUndefined();
  });
});

describe('formatAxisValue', () => {
  const fallback = (value: unknown) => `[${String(value)}]`;
  it('writes a year column without separators, and anything else as the fallback does', () => {
    expect(formatAxisValue(2024n, 'calendar_year', fallback)).toBe('2024');
    expect(formatAxisValue(2024, 'Year', fallback)).toBe('2024');
    expect(formatAxisValue(2024, 'schools', fallback)).toBe('[2024]');
    expect(formatAxisValue('2024', 'calendar_year', fallback)).toBe('[2024]');
    expect(formatAxisValue(2024.5, 'calendar_year', fallback)).toBe('[2024.5]');
  });
});
