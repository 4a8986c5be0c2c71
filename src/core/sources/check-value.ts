import type { ColumnSpec } from './catalogue.ts';

/**
 * Check one cell against its column's contract. Blank cells and suppressed codes (np, na, sp, NULL, -)
 * are fine — they become NULL in staging. Returns the problem in plain words, or undefined.
 */
export function checkValue(options: {
  column: ColumnSpec;
  value: string;
  suppressed: readonly string[];
}): string | undefined {
  const { column, suppressed } = options;
  const value = options.value.trim();
  if (isBlankCell(value, suppressed) || column.type === 'text') return undefined;
  const parsed = parseTyped(column.type, value);
  if (parsed === undefined) return `${column.name}: '${value}' is not ${ARTICLE[column.type]}`;
  if (
    typeof parsed === 'number' &&
    ((column.min !== undefined && parsed < column.min) || (column.max !== undefined && parsed > column.max))
  ) {
    return `${column.name}: ${value} is outside ${column.min ?? '…'}…${column.max ?? '…'}`;
  }
  return undefined;
}

/** A blank cell, or one holding a suppression code: a value that is absent, not malformed. */
export function isBlankCell(value: string, suppressed: readonly string[]): boolean {
  const trimmed = value.trim();
  return trimmed === '' || suppressed.includes(trimmed);
}

const ARTICLE: Record<ColumnSpec['type'], string> = {
  text: 'text',
  integer: 'a whole number',
  number: 'a number',
  money: 'an amount of money',
  percent: 'a percentage',
  date: 'a date (YYYY-MM-DD or DD/MM/YYYY)',
};

/** The number a cell holds (dates as epoch days), or undefined when it does not parse as its type. */
export function parseTyped(type: ColumnSpec['type'], value: string): number | undefined {
  switch (type) {
    case 'integer':
      return /^[-+]?\d+(\.0+)?$/.test(value) ? Number(value) : undefined;
    case 'number':
      return parseNumber(value.replaceAll(',', ''));
    case 'money':
      return /^-?\$?\s*-?[\d,]*\.?\d+$/.test(value) ? parseNumber(value.replace(/[$,\s]/g, '')) : undefined;
    case 'percent':
      return parseNumber(value.replace(/%$/, '').trim());
    case 'date':
      return parseDate(value);
    default:
      return undefined;
  }
}

function parseNumber(text: string): number | undefined {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
}

function parseDate(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const australian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : australian
      ? [australian[3], australian[2], australian[1]]
      : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? date.getTime() / 86_400_000 : undefined;
}
