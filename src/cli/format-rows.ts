import type { DecodedResult } from '../engine/decode-result.ts';

/** Render rows as an aligned text table, CSV (RFC 4180) or JSON (bigint-safe). */
export function formatRows(result: DecodedResult, format: 'table' | 'csv' | 'json'): string {
  const names = result.columns.map((column) => column.name);
  if (format === 'json') {
    return JSON.stringify(
      result.rows,
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
      2,
    );
  }
  const cells = result.rows.map((row) => names.map((name) => text(row[name])));
  if (format === 'csv') {
    return [names, ...cells].map((line) => line.map(csvField).join(',')).join('\n');
  }
  const numeric = result.columns.map((column) => column.kind === 'integer' || column.kind === 'number');
  const widths = names.map((name, i) => Math.max(name.length, ...cells.map((line) => (line[i] ?? '').length)));
  const pad = (value: string, i: number) =>
    numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0);
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (values: string[]) => `| ${values.map(pad).join(' | ')} |`;
  return [rule, line(names), rule, ...cells.map(line), rule].join('\n');
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
