/** How a results grid is sorted: by one column, ascending or descending. */
export interface GridSort {
  column: string;
  direction: 'ascending' | 'descending';
}

/**
 * The order to show rows in, as indexes into `rows`: the column's values compared by type (numbers and
 * bigints numerically, text by locale, dates as their ISO text), nulls last in either direction, ties
 * kept in the query's order.
 */
export function sortedOrder(rows: readonly Record<string, unknown>[], sort: GridSort | undefined): Uint32Array {
  const order = Uint32Array.from(rows.keys());
  if (!sort) return order;
  const values = rows.map((row) => row[sort.column]);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator('en-AU', { numeric: true });
  return order.sort((a, b) => {
    const left = values[a];
    const right = values[b];
    const leftNull = left === null || left === undefined;
    const rightNull = right === null || right === undefined;
    if (leftNull || rightNull) return leftNull === rightNull ? a - b : leftNull ? 1 : -1;
    return sign * compare(left, right, collator) || a - b;
  });
}

function compare(left: unknown, right: unknown, collator: Intl.Collator): number {
  if (
    (typeof left === 'number' || typeof left === 'bigint') &&
    (typeof right === 'number' || typeof right === 'bigint')
  )
    return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  return collator.compare(String(left), String(right));
}

/** The next sort when a column header is clicked: ascending, then descending, then the query's order. */
export function nextSort(current: GridSort | undefined, column: string): GridSort | undefined {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : undefined;
}

/** The rows a virtualised grid renders: those in view plus `overscan` either side. */
export function visibleRange(options: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan?: number;
}): { start: number; end: number } {
  const overscan = options.overscan ?? 10;
  const first = Math.floor(Math.max(0, options.scrollTop) / options.rowHeight);
  const inView = Math.ceil(options.viewportHeight / options.rowHeight) + 1;
  return {
    start: Math.max(0, Math.min(first - overscan, options.rowCount)),
    end: Math.min(options.rowCount, first + inView + overscan),
  };
}

/** A short label for an Arrow type in a column header: `Int64` → `BIGINT`-style names readers know. */
export function typeLabel(arrowType: string): string {
  const known: [RegExp, string][] = [
    [/^Int8$/, 'TINYINT'],
    [/^Int16$/, 'SMALLINT'],
    [/^Int32$/, 'INTEGER'],
    [/^Int64$/, 'BIGINT'],
    [/^Uint(8|16|32|64)$/, 'UNSIGNED'],
    [/^Float32$/, 'FLOAT'],
    [/^Float64$/, 'DOUBLE'],
    [/^Utf8$|^LargeUtf8$/, 'VARCHAR'],
    [/^Bool$/, 'BOOLEAN'],
    [/^Date/, 'DATE'],
    [/^Timestamp/, 'TIMESTAMP'],
  ];
  const decimal = /^Decimal\[(\d+)e\+?(-?\d+)\]$/.exec(arrowType);
  if (decimal) return `DECIMAL(${decimal[1]},${Math.abs(Number(decimal[2]))})`;
  return known.find(([pattern]) => pattern.test(arrowType))?.[1] ?? arrowType.toUpperCase();
}
