import { listSheets, readSheet, XlsxError } from '../xlsx/read-xlsx.ts';
import type { SourceFileSpec, SourceSpec } from './catalogue.ts';
import { NOT_LOADED, scoreHeader } from './contract.ts';
import { CsvError, parseCsv } from './csv.ts';
import { decodeText } from './decode-text.ts';
import { messageOf } from '../text/message-of.ts';

/** A file that could not be read as its format, with what came back instead and what to do. */
export class SourceFileError extends Error {
  override name = 'SourceFileError';
}

/** A file's cells, and what is worth knowing about how they were read. */
export interface ReadFile {
  /** Every row, title rows above the header included. */
  rows: string[][];
  /** How the file was read, when that was not the plain way (another text encoding, another sheet). */
  warnings: string[];
}

/**
 * Read a downloaded (or hand-loaded) file into rows of cell text, by the source's format: CSV text, an
 * XLSX sheet (title rows included; the contract finds the header), or a CKAN DataStore document (all
 * records; the `_id` field CKAN adds is left out). Throws `SourceFileError` saying what the file is
 * instead and what to do.
 */
export function readSourceFile(options: { spec: SourceSpec; file: SourceFileSpec; bytes: Uint8Array }): ReadFile {
  const { spec, file, bytes } = options;
  const name = file.fileName;
  const decoded = spec.format === 'xlsx' || bytes.length === 0 ? undefined : decodeText(bytes);
  if (bytes.length === 0 || (decoded && /^[\s\uFEFF]*$/.test(decoded.text))) {
    const size = bytes.length === 0 ? '0 bytes' : `${bytes.length} bytes of blank lines`;
    throw unreadable(
      `${name} is empty (${size}): the portal sent no data.`,
      "Try again later; if it stays empty, download the file from the dataset's page and load it from file.",
    );
  }
  if (!decoded) return readWorkbook(spec, name, bytes);
  const other = spec.format === 'csv' ? binaryKind(bytes) : undefined;
  if (other) {
    throw unreadable(
      `${name} is ${other}, not CSV text.`,
      "The publisher may have changed the format: check the dataset's page, then save the sheet as CSV and load it from file, or change the source's meta.format.",
    );
  }
  const warnings =
    decoded.encoding === 'utf-8'
      ? []
      : [
          `${name} is not UTF-8 text: it was read as Windows-1252 (Latin-1), which keeps letters such as '${decoded.first?.character ?? ''}' (first on line ${decoded.first?.line ?? 1}). Check the names with accents in the raw table; if any look wrong, save the file as UTF-8 and load it from file.`,
        ];
  refuseHtml(decoded.text, name);
  if (spec.format === 'datastore') return { rows: readDataStore(decoded.text, name), warnings };
  try {
    return { rows: parseCsv(decoded.text), warnings };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw unreadable(
      `${name} cannot be read as CSV: a quoted cell that starts on line ${error.line} is never closed, so the file may have been cut short.`,
      "Load the source again; if it happens again, check the file on the dataset's page.",
    );
  }
}

function unreadable(problem: string, advice: string): SourceFileError {
  return new SourceFileError(`${problem} ${NOT_LOADED} ${advice}`);
}

/**
 * The catalogue's sheet; without one, the first sheet, unless another has more of the expected columns
 * (publishers add a notes or cover sheet in front of the data).
 */
function readWorkbook(spec: SourceSpec, name: string, bytes: Uint8Array): ReadFile {
  try {
    if (spec.sheet !== undefined) return { rows: readSheet({ bytes, sheet: spec.sheet, path: name }), warnings: [] };
    const sheets = listSheets(bytes, name);
    const read = sheets.map((sheet) => ({ sheet, rows: readSheet({ bytes, sheet, path: name }) }));
    const score = ({ rows }: { rows: string[][] }) =>
      Math.max(0, ...rows.slice(0, 20).map((row) => scoreHeader(spec, row)));
    const best = read.reduce((a, b) => (score(b) > score(a) ? b : a), read[0] as (typeof read)[number]);
    const warnings =
      best === read[0]
        ? []
        : [`${name}: read sheet '${best.sheet}', the one with the expected columns (it has: ${sheets.join(', ')}).`];
    return { rows: best.rows, warnings };
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    const message = messageOf(error);
    if (/ has no sheet '/.test(message))
      throw unreadable(
        `${message}.`,
        "If the publisher renamed the sheet, set the source's meta.sheet to the one that holds the data.",
      );
    if (/damaged/.test(message))
      throw unreadable(
        message.endsWith('?') ? message : `${message}.`,
        "Load the source again; if it happens again, download the file from the dataset's page and load it from file.",
      );
    throw unreadable(
      `${message}.`,
      "Open the file's link in a browser to see what it is; if it is the data in another format, save it as XLSX and load it from file.",
    );
  }
}

/** What a file that should be CSV is instead, by its first bytes (undefined: it may be text). */
function binaryKind(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'an XLSX workbook (a ZIP file)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style .xls workbook';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x1f, 0x8b)) return 'a gzip-compressed file';
  return undefined;
}

const JSON_ADVICE =
  'Load the source again; if it happens again, check the resource id in the source catalogue against the portal.';

function readDataStore(text: string, fileName: string): string[][] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw unreadable(`${fileName} is not valid JSON (${messageOf(error)}).`, JSON_ADVICE);
  }
  const result = (document as { result?: { fields?: unknown; records?: unknown } } | null)?.result;
  if (!result || !Array.isArray(result.fields) || !Array.isArray(result.records)) {
    throw unreadable(
      `${fileName} is not a DataStore document: it has no result.fields and result.records.`,
      JSON_ADVICE,
    );
  }
  const fields = (result.fields as Array<{ id?: unknown }>)
    .map((field) => String(field.id ?? ''))
    .filter((id) => id !== '_id');
  const rows = (result.records as Array<Record<string, unknown>>).map((record) =>
    fields.map((field) => cellText(record[field])),
  );
  return [fields, ...rows];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Portals answer some failures with an HTML page and status 200: say so instead of loading it as data. */
function refuseHtml(text: string, fileName: string): void {
  const start = text.slice(0, 512).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    throw unreadable(
      `${fileName} is a web page${title ? ` ('${title}')` : ''}, not data: the portal probably answered with an error page.`,
      "Open the dataset's page, download the data file itself (not the page) and load it from file.",
    );
  }
}
