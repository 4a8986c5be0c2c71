import { strFromU8, unzipSync, type UnzipFileInfo, type Unzipped } from 'fflate';
import { readStringItem } from './string-item.ts';
import { XlsxError } from './xlsx-error.ts';
import { scanElements } from './xml-scan.ts';

/** A sheet of a workbook: its tab name and the ZIP entry that holds it. */
export interface SheetEntry {
  /** The name on the sheet's tab. */
  name: string;
  /** The ZIP entry of its XML, e.g. `xl/worksheets/sheet1.xml`; undefined when the workbook does not say. */
  part: string | undefined;
}

/** An unzipped XLSX file: its sheets, and the text of its parts on demand. */
export interface Workbook {
  /** The sheets in tab order. */
  sheets: SheetEntry[];
  /** The shared string table (empty when the workbook has none). */
  sharedStrings(): string[];
  /** The text of a ZIP entry, or undefined when there is none. */
  readPart(part: string): string | undefined;
}

/**
 * Unzip an XLSX file and read its workbook part. `label` names the file in error messages. Follows the
 * package relationships (ECMA-376 Part 2) rather than assuming `xl/workbook.xml`, as some writers differ.
 */
export function openWorkbook(bytes: Uint8Array, label: string): Workbook {
  const { entries, names } = unzip(bytes, label);
  const readPart = (part: string): string | undefined => {
    const data = entries[part] ?? entries[findEntry(entries, part) ?? ''];
    if (!data) return undefined;
    const text = strFromU8(data);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  const parse = <T>(part: string, read: (xml: string) => T): T => {
    try {
      return read(readPart(part) ?? '');
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      throw new XlsxError(`${label} is damaged: ${part} cannot be read (${(error as Error).message})`);
    }
  };
  const rootRelations = parse('_rels/.rels', (xml) => readRelations(xml, ''));
  const workbookPart = rootRelations.find(({ type }) => type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = readPart(workbookPart);
  if (workbookXml === undefined) {
    const holds = names.length > 5 ? `${names.slice(0, 5).join(', ')}…` : names.join(', ') || 'nothing';
    throw new XlsxError(
      `${label} is a ZIP file but not an XLSX workbook: it has no ${workbookPart} (it holds ${holds})`,
    );
  }
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relationsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const relations = parse(relationsPart, (xml) => readRelations(xml, folder));
  const sheets = parse(workbookPart, (xml) =>
    Array.from(scanElements(xml, 'sheet'), ({ attributes }) => ({
      name: attributes.name ?? '',
      part: relations.find(({ id }) => id === attributes.id)?.target,
    })),
  );
  const sharedStringsPart =
    relations.find(({ type }) => type.endsWith('/sharedStrings'))?.target ?? `${folder}sharedStrings.xml`;
  let sharedStrings: string[] | undefined;
  return {
    sheets,
    readPart,
    sharedStrings: () =>
      (sharedStrings ??= parse(sharedStringsPart, (xml) =>
        Array.from(scanElements(xml, 'si'), ({ inner }) => readStringItem(inner)),
      )),
  };
}

/** The ZIP signature: a local file header, or the end record of an empty archive. */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
/** The OLE compound file signature: legacy .xls, and also any password-protected .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function unzip(bytes: Uint8Array, label: string): { entries: Unzipped; names: string[] } {
  if (!ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    throw new XlsxError(`${label} is not an XLSX file (${describeStart(bytes)})`);
  }
  const names: string[] = [];
  try {
    // Only XML parts are inflated: images and embedded objects are never read.
    const filter = ({ name }: UnzipFileInfo): boolean => {
      names.push(name);
      return /\.(xml|rels)$/i.test(name);
    };
    return { entries: unzipSync(bytes, { filter }), names };
  } catch (error) {
    const reason = (error as Error).message;
    throw new XlsxError(`${label} is a damaged XLSX file (${reason}); was the download cut short?`);
  }
}

/** What the file is instead, for the error message: its first characters when they look like text. */
function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'it is empty';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'it is an old-style .xls workbook, or a password-protected one';
  const head = bytes.subarray(0, 200);
  if (head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)) {
    const text = decodeUtf8(head).replace(/^\uFEFF/, '');
    // An XML declaration says nothing: show what follows (Azure Blob Storage answers `<Error><Code>…`).
    const line =
      text
        .trim()
        .replace(/^<\?xml[^>]*\?>\s*/, '')
        .split(/[\r\n]/, 1)[0] ?? '';
    const snippet = line.length > 40 ? `${line.slice(0, 40)}…` : line;
    const hint = /^[<{]/.test(snippet) ? ' — an error page?' : '';
    return `it starts with '${snippet}'${hint}`;
  }
  const hex = Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0'));
  return `it starts with the bytes ${hex.join(' ')}`;
}

/** UTF-8 text, or Latin-1 when the bytes are not UTF-8 (or are cut inside a character). */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strFromU8(bytes);
  } catch {
    return strFromU8(bytes, true);
  }
}

interface Relation {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a `.rels` part, targets resolved to ZIP entry names from `folder`. */
function readRelations(xml: string, folder: string): Relation[] {
  return Array.from(scanElements(xml, 'Relationship'))
    .filter(({ attributes }) => attributes.TargetMode !== 'External')
    .map(({ attributes }) => ({
      id: attributes.Id ?? '',
      type: attributes.Type ?? '',
      target: resolvePart(folder, attributes.Target ?? ''),
    }));
}

function resolvePart(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** Some writers use backslashes or other letter case in entry names; relationships do not. */
function findEntry(entries: Unzipped, part: string): string | undefined {
  const wanted = part.toLowerCase();
  return Object.keys(entries).find((name) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase() === wanted);
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
