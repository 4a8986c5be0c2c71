import { describe, expect, it } from 'vitest';
import { chartSeries, shareOfCategory } from './series.ts';

const label = (value: unknown) => (value === null || value === undefined ? '∅' : String(value));

describe('chartSeries', () => {
  it('splits rows into one series per value, categories sorted numerically, gaps as null', () => {
    const rows = [
      { year: 2021n, level: 'Primary', rate: 0.9 },
      { year: 2019n, level: 'Primary', rate: 0.92 },
      { year: 2021n, level: 'Secondary', rate: 0.85 },
      { year: 2020n, level: 'Primary', rate: null },
    ];
    expect(chartSeries({ rows, x: 'year', y: 'rate', series: 'level', label })).toEqual({
      categories: ['2019', '2020', '2021'],
      series: [
        { name: 'Primary', values: [0.92, null, 0.9] },
        { name: 'Secondary', values: [null, null, 0.85] },
      ],
    });
  });

  it('keeps text categories in the order of the query, one series named after y', () => {
    const rows = [
      { term: 'T3', n: 3 },
      { term: 'T1', n: 1 },
    ];
    expect(chartSeries({ rows, x: 'term', y: 'n', label })).toEqual({
      categories: ['T3', 'T1'],
      series: [{ name: 'n', values: [3, 1] }],
    });
  });
});

describe('shareOfCategory', () => {
  it("turns each category's values into shares of its absolute total, keeping gaps and a zero total empty", () => {
    const shares = shareOfCategory([
      { name: 'a', values: [1, 0, null, 2] },
      { name: 'b', values: [3, 0, 5, -2] },
    ]);
    expect(shares).toEqual([
      { name: 'a', values: [0.25, null, null, 0.5] },
      { name: 'b', values: [0.75, null, 1, -0.5] },
    ]);
  });
});
