/**
 * Read the raw text of an XLSX sheet. Written on fflate plus a small scanner of the sheet XML rather than
 * taken from a library (docs/tech-notes.md, XLSX): the loaders need the text exactly as stored (padded year
 * headers, numbers as written, no date or number formatting), workers have no DOMParser, and it costs ~4 KB.
 */
import { openWorkbook } from './open-workbook.ts';
import { readStringItem, unescapeXstring } from './string-item.ts';
import { XlsxError } from './xlsx-error.ts';
import { decodeText, firstElement, scanElements, type XmlElement } from './xml-scan.ts';

export { XlsxError };

/** Options of `readSheet`. */
export interface ReadSheetOptions {
  /** The bytes of the .xlsx file. */
  bytes: Uint8Array;
  /** The sheet's tab name, matched exactly; the first sheet when omitted. */
  sheet?: string;
  /** The file's name or URL, for error messages; "The file" when omitted. */
  path?: string;
}

/**
 * The cells of one sheet as rows of text, placed by their cell references: row N of the sheet is index
 * N - 1, column A is index 0, and cells or rows missing in between are '' or []. A row ends at its last
 * non-empty cell, and the result at the last non-empty row. Values are the stored text: numbers as written
 * (`1234`, `12.5`, never formatted), strings with their whitespace, booleans as TRUE/FALSE, errors as
 * `#N/A` and the like, formulas as their cached result.
 * Throws `XlsxError` when the bytes are not an XLSX file, are damaged, or lack the sheet.
 */
export function readSheet(options: ReadSheetOptions): string[][] {
  const label = options.path ?? 'The file';
  const workbook = openWorkbook(options.bytes, label);
  const names = workbook.sheets.map(({ name }) => name);
  const sheet =
    options.sheet === undefined ? workbook.sheets[0] : workbook.sheets.find(({ name }) => name === options.sheet);
  if (!sheet) {
    if (options.sheet === undefined) throw new XlsxError(`${label} has no sheets`);
    throw new XlsxError(`${label} has no sheet '${options.sheet}'; it has: ${names.join(', ')}`);
  }
  const xml = sheet.part === undefined ? undefined : workbook.readPart(sheet.part);
  if (xml === undefined) throw new XlsxError(`${label} is damaged: the part of sheet '${sheet.name}' is missing`);
  try {
    return readRows(xml, workbook.sharedStrings);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`${label} is damaged: sheet '${sheet.name}' cannot be read (${(error as Error).message})`);
  }
}

/** The tab names of an XLSX file's sheets, in order. Throws `XlsxError` as `readSheet` does. */
export function listSheets(bytes: Uint8Array, path = 'The file'): string[] {
  return openWorkbook(bytes, path).sheets.map(({ name }) => name);
}

/** The limits of a sheet (ECMA-376 Part 1, §18.3.1.73 and Excel's specifications). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

function readRows(xml: string, sharedStrings: () => string[]): string[][] {
  const sheetData = firstElement(xml, 'sheetData');
  if (!sheetData) return []; // A chart sheet, or a worksheet with no cells.
  const rows: string[][] = [];
  let nextRow = 1;
  for (const row of scanElements(sheetData.inner, 'row')) {
    // `r` is optional on rows and cells: without it, they follow the previous one.
    const rowNumber = row.attributes.r === undefined ? nextRow : parseRowNumber(row.attributes.r);
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of scanElements(row.inner, 'c')) {
      const reference = cell.attributes.r;
      const column = reference === undefined ? nextColumn : parseCellReference(reference, rowNumber);
      nextColumn = column + 1;
      const value = readValue(cell, sharedStrings);
      if (value === '') continue;
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  }
  return Array.from(rows, (cells) => cells ?? []);
}

function readValue({ attributes, inner }: XmlElement, sharedStrings: () => string[]): string {
  const type = attributes.t ?? 'n';
  if (type === 'inlineStr') {
    const inline = firstElement(inner, 'is');
    return inline ? readStringItem(inline.inner) : '';
  }
  const stored = firstElement(inner, 'v');
  if (!stored) return '';
  const text = decodeText(stored.inner);
  switch (type) {
    case 's': {
      const strings = sharedStrings();
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
      const value = strings[index];
      if (value === undefined) {
        throw new SyntaxError(`cell ${attributes.r ?? ''} points at shared string ${text}, of ${strings.length}`);
      }
      return value;
    }
    case 'b':
      return text === '1' ? 'TRUE' : text === '0' ? 'FALSE' : text;
    case 'str':
      return unescapeXstring(text);
    default:
      // n (number), e (error such as #N/A), d (ISO 8601 date): the stored text.
      return text;
  }
}

function parseRowNumber(text: string): number {
  const row = /^\d+$/.test(text) ? Number(text) : 0;
  if (row < 1 || row > MAX_ROWS) throw new SyntaxError(`bad row number '${text}'`);
  return row;
}

/** The 0-based column of a reference like `B3`. */
function parseCellReference(reference: string, rowNumber: number): number {
  const match = /^([A-Z]{1,3})(\d+)$/i.exec(reference);
  let column = 0;
  for (const letter of match?.[1]?.toUpperCase() ?? '') column = column * 26 + letter.charCodeAt(0) - 64;
  if (!match || column > MAX_COLUMNS) {
    throw new SyntaxError(`bad cell reference '${reference}' in row ${rowNumber}`);
  }
  return column - 1;
}
