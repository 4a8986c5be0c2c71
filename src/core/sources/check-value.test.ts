import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from './catalogue.ts';
import { checkValue } from './check-value.ts';

const SUPPRESSED = ['np', 'na', 'sp', 'NULL', '-'];
const column = (type: ColumnSpec['type'], bounds: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name: 'c',
  aliases: [],
  type,
  required: false,
  ...bounds,
});

describe('checkValue', () => {
  it.each<[string, ColumnSpec, string, string | undefined]>([
    ['blank is fine', column('integer'), '  ', undefined],
    ['suppressed codes are fine', column('number'), 'np', undefined],
    ['text accepts anything', column('text'), '$%^', undefined],
    ['integer', column('integer'), '1001', undefined],
    ['integer written as a float', column('integer'), '484.0', undefined],
    ['integer with a fraction', column('integer'), '484.5', "c: '484.5' is not a whole number"],
    ['number with float noise', column('number'), '381.79999999999995', undefined],
    ['number with thousands separators', column('number'), '12,345', undefined],
    ['not a number', column('number'), '12ab', "c: '12ab' is not a number"],
    ['money', column('money'), '$1,234,567', undefined],
    ['money with cents and spaces', column('money'), ' $367,074.50 ', undefined],
    ['negative money', column('money'), '-$1,200', undefined],
    ['money that is words', column('money'), 'TBC', "c: 'TBC' is not an amount of money"],
    ['percent', column('percent'), '94.3', undefined],
    ['percent sign', column('percent'), '94.3%', undefined],
    ['ISO date', column('date'), '2025-02-10', undefined],
    ['Australian date', column('date'), '10/02/2025', undefined],
    ['impossible date', column('date'), '2025-02-30', "c: '2025-02-30' is not a date (YYYY-MM-DD or DD/MM/YYYY)"],
    ['inside bounds', column('number', { min: -37.09, max: -28.16 }), '-33.8', undefined],
    ['outside bounds', column('number', { min: -37.09, max: -28.16 }), '-12.5', 'c: -12.5 is outside -37.09…-28.16'],
    ['only a lower bound', column('integer', { min: 2 }), '1', 'c: 1 is outside 2……'],
  ])('%s', (_name, spec, value, expected) => {
    expect(checkValue({ column: spec, value, suppressed: SUPPRESSED })).toBe(expected);
  });
});
