/** How the portal's CSV files are laid out byte by byte: quoting, byte order mark and line endings. */
export interface CsvLayout {
  /** Start with a UTF-8 byte order mark (U+FEFF), as files saved by Excel do. Default false. */
  bom?: boolean;
  /** The line ending written after every row, the last one included. Default LF. */
  lineEnding?: '\n' | '\r\n';
}

/** CSV text of `rows` (the header first): RFC 4180 quoting, one line ending after every row. */
export function formatCsv(rows: readonly (readonly string[])[], layout: CsvLayout = {}): string {
  const { bom = false, lineEnding = '\n' } = layout;
  const lines = rows.map((fields) => fields.map(quoteCsv).join(','));
  return (bom ? '\uFEFF' : '') + lines.map((line) => line + lineEnding).join('');
}

/** A field as RFC 4180 writes it: quoted (quotes doubled) only when it holds a comma, quote or line break. */
export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
