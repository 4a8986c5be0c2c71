/**
 * Write a minimal XLSX workbook: the parts Excel and LibreOffice need and nothing more (ECMA-376 Part 1,
 * §12.2 and §18), with every string in the shared string table as Excel itself writes them.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeXstring } from './string-item.ts';
import { escapeXml } from './xml-scan.ts';

/** One sheet to write. */
export interface SheetToWrite {
  /** The tab name: 1–31 characters, none of `[ ] : * ? / \`, unique ignoring case. */
  name: string;
  /** The rows from row 1; a string becomes a text cell, a number a numeric cell, null no cell at all. */
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/**
 * The bytes of an .xlsx file holding `sheets` in order. The output depends only on the input: every ZIP
 * entry carries the same fixed modification time. Throws RangeError on a bad sheet name or a number that
 * is not finite.
 */
export function writeXlsx(sheets: readonly SheetToWrite[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  checkSheetNames(sheets.map(({ name }) => name));
  const strings = new Map<string, number>();
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': part(contentTypes(sheets.length)),
    '_rels/.rels': part(relationships([{ type: 'officeDocument', target: 'xl/workbook.xml' }])),
    'xl/workbook.xml': part(workbook(sheets)),
    'xl/_rels/workbook.xml.rels': part(
      relationships([
        ...sheets.map((_, i) => ({ type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` })),
        { type: 'styles', target: 'styles.xml' },
        { type: 'sharedStrings', target: 'sharedStrings.xml' },
      ]),
    ),
    'xl/styles.xml': part(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = part(worksheet(sheet.rows, strings));
  });
  files['xl/sharedStrings.xml'] = part(sharedStrings(strings, countStringCells(sheets)));
  // DOS timestamps are local time, so a local-time date gives the same bytes in every time zone.
  return zipSync(files, { level: 6, mtime: new Date(2024, 0, 1) });
}

/** The column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** One font, the two fills Excel requires (none, gray125), one border, one cell format. */
const STYLES =
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function part(xml: string): Uint8Array {
  return strToU8(XML_DECLARATION + xml);
}

function contentTypes(sheetCount: number): string {
  const override = (name: string, type: string) => `<Override PartName="${name}" ContentType="${type}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    override(`/xl/worksheets/sheet${i + 1}.xml`, `${CONTENT_TYPE}.worksheet+xml`),
  );
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${CONTENT_TYPE}.sheet.main+xml`) +
    sheets.join('') +
    override('/xl/styles.xml', `${CONTENT_TYPE}.styles+xml`) +
    override('/xl/sharedStrings.xml', `${CONTENT_TYPE}.sharedStrings+xml`) +
    '</Types>'
  );
}

function relationships(targets: Array<{ type: string; target: string }>): string {
  const items = targets.map(
    ({ type, target }, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIP_NS}/${type}" Target="${target}"/>`,
  );
  return `<Relationships xmlns="${PACKAGE_RELATIONSHIP_NS}">${items.join('')}</Relationships>`;
}

function workbook(sheets: readonly SheetToWrite[]): string {
  const items = sheets.map(({ name }, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return `<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIP_NS}"><sheets>${items.join('')}</sheets></workbook>`;
}

function worksheet(rows: SheetToWrite['rows'], strings: Map<string, number>): string {
  const xml: string[] = [];
  let lastColumn = -1;
  let lastRow = -1;
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      if (value === null) return;
      const reference = columnName(c) + (r + 1);
      lastColumn = Math.max(lastColumn, c);
      lastRow = r;
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new RangeError(`cell ${reference} is ${value}: XLSX holds finite numbers`);
        cells.push(`<c r="${reference}"><v>${value}</v></c>`);
      } else {
        let index = strings.get(value);
        if (index === undefined) strings.set(value, (index = strings.size));
        cells.push(`<c r="${reference}" t="s"><v>${index}</v></c>`);
      }
    });
    if (cells.length > 0) xml.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const dimension = lastRow < 0 ? 'A1' : `A1:${columnName(lastColumn)}${lastRow + 1}`;
  return `<worksheet xmlns="${MAIN_NS}"><dimension ref="${dimension}"/><sheetData>${xml.join('')}</sheetData></worksheet>`;
}

function sharedStrings(strings: Map<string, number>, count: number): string {
  const items = Array.from(
    strings.keys(),
    (text) => `<si><t xml:space="preserve">${escapeXml(escapeXstring(text))}</t></si>`,
  );
  return `<sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${strings.size}">${items.join('')}</sst>`;
}

function countStringCells(sheets: readonly SheetToWrite[]): number {
  return sheets.reduce((sum, { rows }) => sum + rows.flat().filter((value) => typeof value === 'string').length, 0);
}

function checkSheetNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new RangeError(`'${name}' cannot name a sheet: use 1–31 characters, none of [ ] : * ? / \\`);
    }
    if (seen.has(name.toLowerCase())) throw new RangeError(`two sheets are named '${name}' (ignoring case)`);
    seen.add(name.toLowerCase());
  }
}
