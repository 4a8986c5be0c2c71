import { Decimal, Field, Int64, Schema } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { nextSort, sortedOrder, typeLabel, visibleRange } from './results-grid.ts';

describe('sortedOrder', () => {
  const rows = [
    { n: 3, name: 'item 10', big: 2n ** 60n },
    { n: null, name: 'item 2', big: 1n },
    { n: 1, name: null, big: 5 },
    { n: 3, name: 'Item 1', big: null },
  ];

  it("keeps the query's order without a sort", () => {
    expect([...sortedOrder(rows, undefined)]).toEqual([0, 1, 2, 3]);
  });

  it('sorts numbers numerically with nulls last and ties in query order', () => {
    expect([...sortedOrder(rows, { column: 'n', direction: 'ascending' })]).toEqual([2, 0, 3, 1]);
    expect([...sortedOrder(rows, { column: 'n', direction: 'descending' })]).toEqual([0, 3, 2, 1]);
  });

  it('sorts text naturally (item 2 before item 10) and bigints beside numbers', () => {
    expect([...sortedOrder(rows, { column: 'name', direction: 'ascending' })]).toEqual([3, 1, 0, 2]);
    expect([...sortedOrder(rows, { column: 'big', direction: 'descending' })]).toEqual([0, 2, 1, 3]);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, none; another column starts ascending', () => {
    const first = nextSort(undefined, 'n');
    expect(first).toEqual({ column: 'n', direction: 'ascending' });
    const second = nextSort(first, 'n');
    expect(second).toEqual({ column: 'n', direction: 'descending' });
    expect(nextSort(second, 'n')).toBeUndefined();
    expect(nextSort(second, 'name')).toEqual({ column: 'name', direction: 'ascending' });
  });
});

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan, clamped to the table', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 260, rowHeight: 26, rowCount: 100_000 })).toEqual({
      start: 0,
      end: 21,
    });
    expect(visibleRange({ scrollTop: 26 * 50_000, viewportHeight: 260, rowHeight: 26, rowCount: 100_000 })).toEqual({
      start: 49_990,
      end: 50_021,
    });
    expect(
      visibleRange({ scrollTop: 26 * 99_995, viewportHeight: 260, rowHeight: 26, rowCount: 100_000, overscan: 2 }),
    ).toEqual({ start: 99_993, end: 100_000 });
    expect(visibleRange({ scrollTop: 0, viewportHeight: 260, rowHeight: 26, rowCount: 0 })).toEqual({
      start: 0,
      end: 0,
    });
  });
});

describe('typeLabel', () => {
  it("names Arrow's types as DuckDB does", () => {
    const schema = new Schema([new Field('a', new Int64()), new Field('b', new Decimal(2, 10, 128))]);
    expect(schema.fields.map((field) => typeLabel(String(field.type)))).toEqual(['BIGINT', 'DECIMAL(10,2)']);
    expect(typeLabel('Utf8')).toBe('VARCHAR');
    expect(typeLabel('Date32<DAY>')).toBe('DATE');
    expect(typeLabel('Float64')).toBe('DOUBLE');
  });
});
