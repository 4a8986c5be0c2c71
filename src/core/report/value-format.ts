/**
 * Evidence's built-in value formats, by the names its users write (`fmt=usd1m`, `fmt=pct1`), so its habits
 * carry over. Formats the way an Australian reader expects (en-AU). Unknown names are refused by the
 * component spec before a value is ever formatted, so `formatNumber` needs no fallback for them.
 */
export const VALUE_FORMATS = [
  'num0',
  'num1',
  'num2',
  'num1k',
  'num1m',
  'pct',
  'pct0',
  'pct1',
  'usd',
  'usd0',
  'usd1k',
  'usd1m',
  'id',
] as const;

/** One of Evidence's format names. */
export type ValueFormat = (typeof VALUE_FORMATS)[number];

const cache = new Map<string, Intl.NumberFormat>();
function intl(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.NumberFormat('en-AU', options)));
  return format;
}

/** A number as text in a format; without one, integers get separators and fractions up to two places. */
export function formatNumber(value: number | bigint | null | undefined, format?: ValueFormat): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'bigint') {
    if (format === 'id') return value.toString();
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
      return intl({ maximumFractionDigits: 0 }).format(value);
    }
    value = Number(value);
  }
  if (!Number.isFinite(value)) return String(value);
  const fixed = (digits: number) => ({ minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = { style: 'currency', currency: 'AUD', currencyDisplay: 'narrowSymbol' } as const;
  switch (format) {
    case 'num0':
      return intl(fixed(0)).format(value);
    case 'num1':
      return intl(fixed(1)).format(value);
    case 'num2':
      return intl(fixed(2)).format(value);
    case 'num1k':
      return `${intl(fixed(1)).format(value / 1e3)}k`;
    case 'num1m':
      return `${intl(fixed(1)).format(value / 1e6)}M`;
    case 'pct0':
      return intl({ style: 'percent', ...fixed(0) }).format(value);
    case 'pct':
    case 'pct1':
      return intl({ style: 'percent', ...fixed(1) }).format(value);
    case 'usd0':
      return intl({ ...money, ...fixed(0) }).format(value);
    case 'usd':
      return Math.abs(value) >= 1e6
        ? `${intl({ ...money, ...fixed(1) }).format(value / 1e6)}M`
        : intl({ ...money, ...fixed(0) }).format(value);
    case 'usd1k':
      return `${intl({ ...money, ...fixed(1) }).format(value / 1e3)}k`;
    case 'usd1m':
      return `${intl({ ...money, ...fixed(1) }).format(value / 1e6)}M`;
    case 'id':
      return String(value);
    default:
      return Number.isInteger(value) ? intl(fixed(0)).format(value) : intl({ maximumFractionDigits: 2 }).format(value);
  }
}

/** A value of a query cell as a number, or undefined when it is not one (null, text, a date). */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/**
 * A category or axis value as text. As in Evidence, a whole number in a column named like a year
 * (`calendar_year`, `year`) is a year and has no thousands separator: 2024, not 2,024.
 */
export function formatAxisValue(value: unknown, column: string, fallback: (value: unknown) => string): string {
  const number = numeric(value);
  if (number !== undefined && Number.isInteger(number) && /year/i.test(column)) return String(number);
  return fallback(value);
}
