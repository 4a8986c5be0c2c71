import { describe, expect, it } from 'vitest';
import type { DecodedResult } from '../../engine/decode-result.ts';
import { initialChoice, inputOptions, toInputValue } from './input-options.ts';

function result(rows: Record<string, unknown>[]): DecodedResult {
  const names = Object.keys(rows[0] ?? {});
  return { columns: names.map((name) => ({ name, type: 'VARCHAR' })), rows } as unknown as DecodedResult;
}

describe('inputOptions', () => {
  it('takes distinct values in query order, labelled by the label column', () => {
    const data = result([
      { code: 'P', name: 'Primary' },
      { code: 'S', name: 'Secondary' },
      { code: 'P', name: 'Primary again' },
    ]);
    expect(inputOptions({ data, value: 'code', label: 'name' })).toEqual([
      { value: 'P', label: 'Primary' },
      { value: 'S', label: 'Secondary' },
    ]);
  });

  it('uses the first column when no value column is named, and shows a null as (none)', () => {
    const data = result([{ level: null }, { level: 'Central' }]);
    expect(inputOptions({ data })).toEqual([
      { value: null, label: '(none)' },
      { value: 'Central', label: 'Central' },
    ]);
  });

  it('keeps 1 and "1" apart', () => {
    const data = result([{ v: 1 }, { v: '1' }]);
    expect(inputOptions({ data }).map((o) => o.value)).toEqual([1, '1']);
  });
});

describe('toInputValue', () => {
  it('turns exact big integers into numbers and inexact ones into text', () => {
    expect(toInputValue(2024n)).toBe(2024);
    expect(toInputValue(2n ** 60n)).toBe('1152921504606846976');
    expect(toInputValue(new Date(Date.UTC(2024, 1, 3)))).toBe('2024-02-03');
  });
});

describe('initialChoice', () => {
  const choices = [
    { value: 'P', label: 'Primary' },
    { value: 'S', label: 'Secondary' },
  ];
  it('starts on the default, by value or by label, else on the first', () => {
    expect(initialChoice({ choices, defaultValue: 'S' })?.value).toBe('S');
    expect(initialChoice({ choices, defaultValue: 'Secondary' })?.value).toBe('S');
    expect(initialChoice({ choices, defaultValue: 'nope' })?.value).toBe('P');
    expect(initialChoice({ choices })?.value).toBe('P');
  });
  it('starts on nothing with noDefault', () => {
    expect(initialChoice({ choices, noDefault: true })).toBeUndefined();
  });
});
