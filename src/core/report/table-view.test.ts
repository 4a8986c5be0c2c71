import { describe, expect, it } from 'vitest';
import { columnTotal, formatCell, searchRows, sortRows, tableColumns } from './table-view.ts';

const result = [
  { name: 'school_name', kind: 'text' },
  { name: 'calendar_year', kind: 'integer' },
  { name: 'funding_usd', kind: 'number' },
  { name: 'opened', kind: 'date' },
];
const plain = (value: unknown) => (value === null || value === undefined ? '∅' : String(value));

describe('tableColumns', () => {
  it('shows every column, takes a format from a name ending in a format tag, and totals real measures only', () => {
    const columns = tableColumns({
      result: [...result, { name: 'latest_year', kind: 'number' }, { name: 'change_pct', kind: 'number' }],
      chosen: [],
    });
    expect(columns.map((c) => [c.name, c.format, c.total])).toEqual([
      ['school_name', undefined, undefined],
      ['calendar_year', undefined, undefined],
      ['funding_usd', 'usd', 'sum'],
      ['opened', undefined, undefined],
      // A value named for a year is still a value; a share is not summed.
      ['latest_year', undefined, 'sum'],
      ['change_pct', 'pct', undefined],
    ]);
  });

  it('shows only the chosen columns, in their order, with their titles, formats and totals', () => {
    const columns = tableColumns({
      result,
      chosen: [
        { id: 'opened', title: 'Opened', fmt: 'longdate' },
        { id: 'funding_usd', fmt: 'usd0', totalAgg: 'mean' },
        { id: 'missing' },
      ],
    });
    expect(columns.map((c) => [c.name, c.title, c.format, c.total])).toEqual([
      ['opened', 'Opened', 'longdate', undefined],
      ['funding_usd', 'funding_usd', 'usd0', 'mean'],
    ]);
  });
});

describe('formatCell', () => {
  it('writes numbers and dates in their formats, and leaves the rest to the fallback', () => {
    expect(formatCell(1234567, 'usd', plain)).toBe('$1.2M');
    expect(formatCell(0.125, 'pct1', plain)).toBe('12.5%');
    expect(formatCell('2024-03-05', 'longdate', plain)).toBe('5 March 2024');
    expect(formatCell('2024-03-05', 'dmy', plain)).toBe('05/03/2024');
    expect(formatCell('2024-03-05', 'mdy', plain)).toBe('03/05/2024');
    expect(formatCell('not a date', 'longdate', plain)).toBe('not a date');
    expect(formatCell(null, 'usd', plain)).toBe('∅');
    expect(formatCell('text', 'usd', plain)).toBe('text');
  });
});

describe('searchRows and sortRows', () => {
  const rows = [
    { school_name: 'Zetland Public School', funding_usd: 10 },
    { school_name: 'abbotsford public school', funding_usd: null },
    { school_name: 'Bega High School', funding_usd: 2 },
  ];
  const columns = tableColumns({ result, chosen: [{ id: 'school_name' }, { id: 'funding_usd' }] });

  it('keeps rows holding every word, in any case', () => {
    const found = searchRows({ rows, columns, search: 'PUBLIC sch', text: (value) => plain(value) });
    expect(found.map((row) => row.school_name)).toEqual(['Zetland Public School', 'abbotsford public school']);
    expect(searchRows({ rows, columns, search: '  ', text: plain })).toHaveLength(3);
  });

  it('sorts numbers as numbers and text ignoring case, nulls last both ways', () => {
    const up = sortRows({ rows, column: 'funding_usd', descending: false }).map((row) => row.funding_usd);
    const down = sortRows({ rows, column: 'funding_usd', descending: true }).map((row) => row.funding_usd);
    expect(up).toEqual([2, 10, null]);
    expect(down).toEqual([10, 2, null]);
    const names = sortRows({ rows, column: 'school_name', descending: false }).map((row) => row.school_name);
    expect(names).toEqual(['abbotsford public school', 'Bega High School', 'Zetland Public School']);
  });
});

describe('columnTotal', () => {
  it('aggregates the numbers of a column as told, skipping nulls', () => {
    const rows = [{ v: 1 }, { v: 2 }, { v: null }, { v: 6 }];
    const column = (total: string) => ({
      name: 'v',
      title: 'v',
      numeric: true,
      format: undefined,
      total,
    });
    expect(columnTotal(rows, column('sum'))).toBe(9);
    expect(columnTotal(rows, column('mean'))).toBe(3);
    expect(columnTotal(rows, column('min'))).toBe(1);
    expect(columnTotal(rows, column('max'))).toBe(6);
    expect(columnTotal(rows, column('count'))).toBe(3);
    expect(columnTotal(rows, column('median'))).toBe(2);
    expect(columnTotal([{ v: 1 }, { v: 1 }, { v: 4 }], column('countDistinct'))).toBe(2);
    expect(columnTotal(rows, column('All schools'))).toBe('All schools');
    expect(columnTotal([{ v: null }], column('sum'))).toBeUndefined();
  });

  it('weights a mean by another column, so a mean of per-student rates is total over total', () => {
    // Funding per student of two schools: 1000 over 10 students and 3000 over 30 students.
    const rows = [
      { per_student: 100, students: 10 },
      { per_student: 100, students: 30 },
      { per_student: 400, students: 5 },
    ];
    const total = columnTotal(rows, {
      name: 'per_student',
      title: 'Per student',
      numeric: true,
      format: undefined,
      total: 'weightedMean',
      weight: 'students',
    });
    expect(total).toBeCloseTo((1000 + 3000 + 2000) / 45, 10);
  });
});
