import { describe, expect, it } from 'vitest';
import { describeTarget, formatNumber, median, ratioOf, verdictOf } from './stats.ts';

describe('median', () => {
  it.each([
    [[], Number.NaN],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => expect(median(values)).toBe(expected));
});

describe('ratioOf and verdictOf', () => {
  it('divides by a positive reference only', () => {
    expect(ratioOf(300, 200)).toBe(1.5);
    expect(ratioOf(300, 0)).toBeUndefined();
    expect(ratioOf(undefined, 2)).toBeUndefined();
  });
  it.each([
    [{ value: 150, target: { on: 'value', comparison: 'le', limit: 150 } }, 'pass'],
    [{ value: 2048, target: { on: 'value', comparison: 'lt', limit: 2048 } }, 'FAIL'],
    [{ value: 9, ratio: 1.01, target: { on: 'ratio', comparison: 'le', limit: 1 } }, 'FAIL'],
    [{ value: 9, ratio: 0.5, target: { on: 'ratio', comparison: 'le', limit: 1 } }, 'pass'],
    [{ value: 9, target: { on: 'ratio', comparison: 'le', limit: 1 } }, 'n/a'],
    [{ value: Number.NaN, target: { on: 'value', comparison: 'le', limit: 1 } }, 'n/a'],
  ] as const)('%j is %s', (options, expected) => expect(verdictOf(options)).toBe(expected));
});

describe('describeTarget and formatNumber', () => {
  it('reads as the issue writes targets', () => {
    expect(describeTarget({ on: 'ratio', comparison: 'le', limit: 2 }, 'ms')).toBe('≤ 2.0×');
    expect(describeTarget({ on: 'value', comparison: 'lt', limit: 2048 }, 'MB')).toBe('< 2,048 MB');
    expect(formatNumber(1234.56)).toBe('1,235');
    expect(formatNumber(0.12345)).toBe('0.123');
  });
});
