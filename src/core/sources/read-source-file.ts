import { strFromU8 } from 'fflate';
import { readSheet } from '../xlsx/read-xlsx.ts';
import type { SourceFileSpec, SourceSpec } from './catalogue.ts';
import { parseCsv } from './csv.ts';
import { messageOf } from '../text/message-of.ts';

/** A file that could not be read as its format, with what came back instead. */
export class SourceFileError extends Error {
  override name = 'SourceFileError';
}

/**
 * Read a downloaded (or hand-loaded) file into rows of cell text, by the source's format: CSV text, an
 * XLSX sheet (title rows included; the contract finds the header), or a CKAN DataStore document (all
 * records; the `_id` field CKAN adds is left out).
 */
export function readSourceFile(options: { spec: SourceSpec; file: SourceFileSpec; bytes: Uint8Array }): string[][] {
  const { spec, file, bytes } = options;
  if (spec.format === 'xlsx') return readSheet({ bytes, sheet: spec.sheet, path: file.fileName });
  const text = strFromU8(bytes);
  refuseHtml(text, file.fileName);
  if (spec.format === 'datastore') return readDataStore(text, file.fileName);
  return parseCsv(text);
}

function readDataStore(text: string, fileName: string): string[][] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SourceFileError(`${fileName} is not valid JSON (${messageOf(error)}).`);
  }
  const result = (document as { result?: { fields?: unknown; records?: unknown } } | null)?.result;
  if (!result || !Array.isArray(result.fields) || !Array.isArray(result.records)) {
    throw new SourceFileError(`${fileName} is not a DataStore document: it has no result.fields and result.records.`);
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
    throw new SourceFileError(
      `${fileName} is a web page${title ? ` ('${title}')` : ''}, not data: the portal probably answered with an error page.`,
    );
  }
}
