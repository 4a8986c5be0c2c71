/**
 * Building the corpus's bad files from the offline sample: each fixture starts from what the portal
 * publishes (the sample's header and first rows) and breaks one thing, so a case differs from a good file
 * by exactly what it is about. Nothing here is real data.
 */
import { formatCsv, parseCsv } from '../../src/core/sources/csv.ts';
import { readSheet } from '../../src/core/xlsx/read-xlsx.ts';
import { writeXlsx, type SheetToWrite } from '../../src/core/xlsx/write-xlsx.ts';
import type { MockDataStore } from '../support/mock-portal.ts';
import { pathOf, resourceOf, type CorpusStack } from '../support/corpus-stack.ts';

/** A table of text: the header, then data rows. */
export interface Table {
  /** The header cells. */
  header: string[];
  /** The data rows. */
  rows: string[][];
}

/** The first `count` data rows of a CSV source's sample file, under its header. */
export function sampleCsv(stack: CorpusStack, source: string, count = 3, index = 0): Table {
  const body = stack.original(pathOf(stack, source, index));
  if (typeof body !== 'string') throw new Error(`no CSV sample for ${source}`);
  const [header = [], ...rows] = parseCsv(body);
  const data = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  return { header, rows: data.slice(0, count) };
}

/** The first `count` data rows of an XLSX source's sample sheet, every row above the header included. */
export function sampleSheet(stack: CorpusStack, source: string, sheet: string | undefined, count = 3): string[][] {
  const body = stack.original(pathOf(stack, source));
  if (!(body instanceof Uint8Array)) throw new Error(`no XLSX sample for ${source}`);
  const rows = readSheet({ bytes: body, sheet });
  const header = rows.findIndex((row) => row.some((cell) => /^\s*\d{4}$|^Calendar Year$/.test(cell)));
  return rows.slice(0, header + 1 + count);
}

/** The first `count` records of a DataStore source's sample table. */
export function sampleDataStore(stack: CorpusStack, source: string, count = 3): MockDataStore {
  const table = stack.datastore[resourceOf(stack, source)];
  if (!table) throw new Error(`no DataStore sample for ${source}`);
  return { fields: table.fields.map((field) => ({ ...field })), records: table.records.slice(0, count) };
}

/** CSV text of a table (LF line ends, RFC 4180 quoting). */
export function csvOf(table: Table): string {
  return formatCsv([table.header, ...table.rows]);
}

/** Publish `body` at a CSV or XLSX source's download path. */
export function publish(stack: CorpusStack, source: string, body: string | Uint8Array, contentType?: string): void {
  const file = stack.files[pathOf(stack, source)];
  if (!file) throw new Error(`${source} is not on the portal`);
  file.body = body;
  if (contentType !== undefined) file.contentType = contentType;
}

/** Publish a DataStore table for a source. */
export function publishTable(stack: CorpusStack, source: string, table: MockDataStore): void {
  stack.datastore[resourceOf(stack, source)] = table;
}

/** An XLSX workbook of these sheets. */
export function workbook(sheets: SheetToWrite[]): Uint8Array {
  return writeXlsx(sheets);
}

/** Latin-1 (ISO 8859-1) bytes of text whose characters are all below U+0100. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new RangeError(`${char} is not Latin-1`);
    return code;
  });
}

/** A copy of the table with one header cell renamed. */
export function renamed(table: Table, from: string, to: string): Table {
  if (!table.header.includes(from)) throw new Error(`no column ${from}`);
  return { ...table, header: table.header.map((cell) => (cell === from ? to : cell)) };
}

/** A copy of the table without one column. */
export function without(table: Table, column: string): Table {
  const at = table.header.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  const drop = (cells: string[]): string[] => cells.filter((_, index) => index !== at);
  return { header: drop(table.header), rows: table.rows.map(drop) };
}

/** A copy of the table with one cell set (row is 0-based among data rows). */
export function withCell(table: Table, row: number, column: string, value: string): Table {
  const at = table.header.indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  return {
    ...table,
    rows: table.rows.map((cells, index) => (index === row ? cells.map((cell, i) => (i === at ? value : cell)) : cells)),
  };
}
