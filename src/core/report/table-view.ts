import { formatNumber, numeric, VALUE_FORMATS, type ValueFormat } from './value-format.ts';

/** Evidence's built-in date formats, by the names its users write (`fmt=longdate`), in en-AU. */
export const DATE_FORMATS = ['shortdate', 'longdate', 'fulldate', 'dmy', 'mdy'] as const;

/** A format a table column can take: a number format or a date format. */
export type CellFormat = ValueFormat | (typeof DATE_FORMATS)[number];

/** Every format name a DataTable `<Column fmt=…>` accepts. */
export const CELL_FORMATS: readonly CellFormat[] = [...VALUE_FORMATS, ...DATE_FORMATS];

/**
 * How a total row sums a column up, as Evidence names it; any other text is shown as it is (Evidence's
 * custom total, e.g. `totalAgg="All schools"`).
 */
export const TOTAL_AGGREGATES = [
  'sum',
  'mean',
  'weightedMean',
  'median',
  'min',
  'max',
  'count',
  'countDistinct',
] as const;
export type TotalAggregate = (typeof TOTAL_AGGREGATES)[number];

/** One shown column of a table: its name in the result, its heading, format and total. */
export interface TableColumn {
  name: string;
  title: string;
  numeric: boolean;
  format: CellFormat | undefined;
  /** An aggregate, or text to show as the total; undefined: no total. */
  total: string | undefined;
  /** For `weightedMean`: the column weighting each row. */
  weight?: string | undefined;
}

/**
 * The columns a table shows: the `<Column>` tags' columns in their order when there are any, else every
 * column of the result. A column with no `fmt` takes one from an Evidence format tag ending its name
 * (`funding_usd`, `rate_pct1`); numeric columns are summed in the total row unless told otherwise.
 */
export function tableColumns(options: {
  result: readonly { name: string; kind: string }[];
  chosen: readonly {
    id: string;
    title?: string | undefined;
    fmt?: CellFormat | undefined;
    totalAgg?: string | undefined;
    weightCol?: string | undefined;
  }[];
}): TableColumn[] {
  const kinds = new Map(options.result.map((column) => [column.name, column.kind]));
  const picks = options.chosen.length > 0 ? options.chosen : options.result.map((column) => ({ id: column.name }));
  return picks.flatMap((pick) => {
    const kind = kinds.get(pick.id);
    if (kind === undefined) return [];
    const isNumeric = kind === 'integer' || kind === 'number';
    const format = ('fmt' in pick ? pick.fmt : undefined) ?? formatTagOf(pick.id);
    // A year, a code or an id is a label that happens to be a number, and a sum of rates or shares is no
    // total: by default only other numbers are summed (a Column's totalAgg says otherwise).
    const label = /^(?:calendar_)?year$|_code$|_id$|^id$/i.test(pick.id) || format === 'id';
    const share = format !== undefined && format.startsWith('pct');
    const total =
      ('totalAgg' in pick ? pick.totalAgg : undefined) ?? (isNumeric && !label && !share ? 'sum' : undefined);
    const weight = 'weightCol' in pick ? pick.weightCol : undefined;
    return [
      {
        name: pick.id,
        title: ('title' in pick ? pick.title : undefined) ?? pick.id,
        numeric: isNumeric,
        format,
        total,
        ...(weight !== undefined && { weight }),
      },
    ];
  });
}

/** The format named by a column name's last `_word`, if it is one. */
function formatTagOf(name: string): CellFormat | undefined {
  const tag = /_([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return CELL_FORMATS.find((format) => format === tag);
}

/** A cell as text in its column's format; `fallback` writes what has no format. */
export function formatCell(
  value: unknown,
  format: CellFormat | undefined,
  fallback: (value: unknown) => string,
): string {
  if (value === null || value === undefined) return fallback(value);
  if (format && (DATE_FORMATS as readonly string[]).includes(format))
    return formatDate(value, format) ?? fallback(value);
  const number = numeric(value);
  if (format && number !== undefined)
    return formatNumber(typeof value === 'bigint' ? value : number, format as ValueFormat);
  return fallback(value);
}

const DATE_OPTIONS: Record<string, Intl.DateTimeFormatOptions> = {
  shortdate: { day: 'numeric', month: 'short', year: '2-digit' },
  longdate: { day: 'numeric', month: 'long', year: 'numeric' },
  fulldate: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dmy: { day: '2-digit', month: '2-digit', year: 'numeric' },
};

function formatDate(value: unknown, format: CellFormat): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  // A DATE arrives as YYYY-MM-DD: read it as that calendar day, not as UTC midnight shifted to local time.
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  if (format === 'mdy') {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()}`;
  }
  return new Intl.DateTimeFormat('en-AU', DATE_OPTIONS[format]).format(date);
}

/** Rows whose shown cells contain every word of the search, case-insensitively. */
export function searchRows<Row extends Record<string, unknown>>(options: {
  rows: readonly Row[];
  columns: readonly TableColumn[];
  search: string;
  text: (value: unknown, column: TableColumn) => string;
}): Row[] {
  const words = options.search.toLocaleLowerCase('en-AU').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options.rows];
  return options.rows.filter((row) => {
    const haystack = options.columns
      .map((column) => options.text(row[column.name], column))
      .join('\u0000')
      .toLocaleLowerCase('en-AU');
    return words.every((word) => haystack.includes(word));
  });
}

/** Rows sorted by a column: numbers as numbers, text in en-AU order, nulls last either way. Stable. */
export function sortRows<Row extends Record<string, unknown>>(options: {
  rows: readonly Row[];
  column: string;
  descending: boolean;
}): Row[] {
  const { column, descending } = options;
  const collator = new Intl.Collator('en-AU', { numeric: true, sensitivity: 'base' });
  return options.rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const left = a.row[column];
      const right = b.row[column];
      if (left === null || left === undefined) return right === null || right === undefined ? a.index - b.index : 1;
      if (right === null || right === undefined) return -1;
      const l = numeric(left);
      const r = numeric(right);
      const order = l !== undefined && r !== undefined ? l - r : collator.compare(String(left), String(right));
      return (descending ? -order : order) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/**
 * A column's total over rows, as its aggregate says: a number, text (a custom total), or undefined when
 * nothing can be totalled (no aggregate, no numbers, no weights).
 */
export function columnTotal(
  rows: readonly Record<string, unknown>[],
  column: TableColumn,
): number | string | undefined {
  const aggregate = column.total;
  if (aggregate === undefined) return undefined;
  if (!(TOTAL_AGGREGATES as readonly string[]).includes(aggregate)) return aggregate;
  const present = rows.filter((row) => row[column.name] !== null && row[column.name] !== undefined);
  if (aggregate === 'count') return present.length;
  if (aggregate === 'countDistinct') return new Set(present.map((row) => String(row[column.name]))).size;
  const numbers = rows.flatMap((row) => {
    const number = numeric(row[column.name]);
    return number === undefined ? [] : [number];
  });
  if (numbers.length === 0) return undefined;
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  switch (aggregate) {
    case 'sum':
      return sum(numbers);
    case 'mean':
      return sum(numbers) / numbers.length;
    case 'weightedMean': {
      const pairs = rows.flatMap((row) => {
        const value = numeric(row[column.name]);
        const weight = column.weight ? numeric(row[column.weight]) : undefined;
        return value === undefined || weight === undefined ? [] : [[value, weight] as const];
      });
      const weights = sum(pairs.map(([, weight]) => weight));
      return weights === 0 ? undefined : sum(pairs.map(([value, weight]) => value * weight)) / weights;
    }
    case 'median': {
      const sorted = [...numbers].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    }
    case 'min':
      return numbers.reduce((a, b) => Math.min(a, b));
    case 'max':
      return numbers.reduce((a, b) => Math.max(a, b));
  }
  return undefined;
}
