/**
 * RFC 4180 CSV, both ways. Written here rather than taken from a library: it is one small state machine,
 * the loaders need exact text (no type guessing, no trimming), and core must run without DOM or Node APIs.
 */

/** A CSV file that cannot be read, with the line where reading stopped. */
export class CsvError extends Error {
  override name = 'CsvError';
  /** 1-based line. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.line = line;
  }
}

/**
 * Parse CSV text into rows of exact cell text. A UTF-8 byte-order mark is dropped; LF, CRLF and CR all end
 * rows; quoted cells may hold commas, quotes (doubled) and line breaks. A final line break adds no row.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell.length === 0) {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvError('A quoted cell is never closed: the file may be truncated', quoteLine);
  if (cell.length > 0 || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Write rows as CSV with LF line ends, quoting only cells that need it. */
export function formatCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return rows.map((row) => row.map(formatCell).join(',')).join('\n') + (rows.length > 0 ? '\n' : '');
}

function formatCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}
