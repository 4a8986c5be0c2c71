const integerFormat = new Intl.NumberFormat('en-AU', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('en-AU', { maximumFractionDigits: 4 });

/**
 * Text for one cell. BIGINT/HUGEINT values beyond 2^53 arrive as `bigint` and are formatted exactly
 * (Intl handles bigint); everything else is formatted by kind. Never JSON.stringify: it throws on bigint.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'bigint') return integerFormat.format(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? integerFormat.format(value) : numberFormat.format(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
