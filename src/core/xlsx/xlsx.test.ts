import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { listSheets, readSheet, XlsxError } from './read-xlsx.ts';
import { columnName, writeXlsx } from './write-xlsx.ts';

const MAIN = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('writeXlsx → readSheet', () => {
  it.each([
    [
      'padded year headers',
      [['Training Type', '     2024', '2024     ', ' ']],
      [['Training Type', '     2024', '2024     ', ' ']],
    ],
    [
      'numbers as their text',
      [[1234, 12.5, -0.25, 0, 1e21, 2 ** 53]],
      [['1234', '12.5', '-0.25', '0', '1e+21', '9007199254740992']],
    ],
    ['a gap inside a row', [['a', null, null, 'd']], [['a', '', '', 'd']]],
    ['leading and trailing gaps', [[null, 'b', null]], [['', 'b']]],
    ['empty rows', [['a'], [], [null, null], ['d']], [['a'], [], [], ['d']]],
    ['trailing empty rows', [['a'], [], [null]], [['a']]],
    ['entities', [['a & b', '<tag>', '"quoted"', "it's", '&amp;']], [['a & b', '<tag>', '"quoted"', "it's", '&amp;']]],
    [
      'unicode',
      [['Café', 'Ngunnawal ŋ', '日本語', '🙂 emoji', 'Ωμέγα']],
      [['Café', 'Ngunnawal ŋ', '日本語', '🙂 emoji', 'Ωμέγα']],
    ],
    ['line breaks and tabs', [['a\nb', 'a\r\nb', 'tab\there', '\n']], [['a\nb', 'a\r\nb', 'tab\there', '\n']]],
    ['control characters', [['bell\u0007', 'nul\u0000']], [['bell\u0007', 'nul\u0000']]],
    ['text that looks like an Excel escape', [['_x000D_', 'a_x0041_b', '_x']], [['_x000D_', 'a_x0041_b', '_x']]],
    ['a repeated string', [['same', 'same'], ['same']], [['same', 'same'], ['same']]],
  ] as const)('keeps %s', (_, rows, expected) => {
    const bytes = writeXlsx([{ name: 'Sheet1', rows }]);
    expect(readSheet({ bytes })).toEqual(expected);
  });

  it('reads each sheet by name, and the first when none is named', () => {
    const bytes = writeXlsx([
      { name: 'Training Type', rows: [['first']] },
      { name: 'Notes & <more>', rows: [['second']] },
    ]);
    expect(listSheets(bytes)).toEqual(['Training Type', 'Notes & <more>']);
    expect(readSheet({ bytes })).toEqual([['first']]);
    expect(readSheet({ bytes, sheet: 'Notes & <more>' })).toEqual([['second']]);
  });

  it('places cells past column Z', () => {
    const row = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'AD' : null));
    expect(readSheet({ bytes: writeXlsx([{ name: 'Wide', rows: [row] }]) })[0]?.[29]).toBe('AD');
  });

  it('writes the parts Excel and LibreOffice need', () => {
    const parts = unzipSync(
      writeXlsx([
        { name: 'A', rows: [['x', 1]] },
        { name: 'B', rows: [] },
      ]),
    );
    expect(Object.keys(parts)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/sharedStrings.xml',
    ]);
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    expect(text('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(text('xl/sharedStrings.xml')).toContain('<si><t xml:space="preserve">x</t></si>');
    expect(text('xl/worksheets/sheet1.xml')).toContain('<c r="B1"><v>1</v></c>');
  });
});

describe('writeXlsx', () => {
  const timeZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = timeZone;
  });

  it('writes the same bytes every time', () => {
    const sheets = [{ name: 'S', rows: [['a', 1, null, 'b']] }];
    expect(writeXlsx(sheets)).toEqual(writeXlsx(sheets));
  });

  it('zip timestamps do not depend on the time zone', () => {
    const sheets = [{ name: 'S', rows: [['a']] }];
    process.env.TZ = 'UTC';
    const utc = writeXlsx(sheets);
    process.env.TZ = 'Australia/Sydney';
    expect(writeXlsx(sheets)).toEqual(utc);
  });

  it.each([[''], ['a'.repeat(32)], ['a/b'], ['[x]'], ["'quoted'"]])('rejects the sheet name %j', (name) => {
    expect(() => writeXlsx([{ name, rows: [] }])).toThrow(RangeError);
  });

  it('rejects sheet names equal but for case, no sheets, and numbers that are not finite', () => {
    expect(() =>
      writeXlsx([
        { name: 'Data', rows: [] },
        { name: 'DATA', rows: [] },
      ]),
    ).toThrow(/two sheets/);
    expect(() => writeXlsx([])).toThrow(/at least one sheet/);
    expect(() => writeXlsx([{ name: 'S', rows: [[1, NaN]] }])).toThrow('cell B1 is NaN');
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('names column %i %s', (index, name) => {
    expect(columnName(index)).toBe(name);
  });
});

describe('readSheet on XML as other writers produce it', () => {
  it.each([
    ['a shared string', '<x:c r="A1" t="s"><x:v>1</x:v></x:c>', 'two'],
    ['rich text runs joined', '<x:c r="A1" t="s"><x:v>2</x:v></x:c>', 'bold and plain'],
    ['a phonetic run dropped', '<x:c r="A1" t="s"><x:v>3</x:v></x:c>', '東京'],
    ['a preserved padded string', '<x:c r="A1" t="s"><x:v>4</x:v></x:c>', '     2024'],
    ['an inline string', '<x:c r="A1" t="inlineStr"><x:is><x:t>in &amp; line</x:t></x:is></x:c>', 'in & line'],
    [
      'an inline rich string',
      '<x:c r="A1" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t> b</x:t></x:r></x:is></x:c>',
      'a b',
    ],
    ['a formula string result', '<x:c r="A1" t="str"><x:f>A2&amp;"x"</x:f><x:v>yx</x:v></x:c>', 'yx'],
    ['a formula number result', '<x:c r="A1"><x:f>1+1</x:f><x:v>2</x:v></x:c>', '2'],
    ['a number with an exponent', '<x:c r="A1" s="3"><x:v>1.2345678901234501E-2</x:v></x:c>', '1.2345678901234501E-2'],
    ['TRUE', '<x:c r="A1" t="b"><x:v>1</x:v></x:c>', 'TRUE'],
    ['FALSE', '<x:c r="A1" t="b"><x:v>0</x:v></x:c>', 'FALSE'],
    ['an error', '<x:c r="A1" t="e"><x:v>#N/A</x:v></x:c>', '#N/A'],
    ['an ISO date', '<x:c r="A1" t="d"><x:v>2024-02-10T00:00:00</x:v></x:c>', '2024-02-10T00:00:00'],
    [
      'character references',
      '<x:c r="A1" t="inlineStr"><x:is><x:t>a&#10;b&#x41;&lt;&gt;&quot;&apos;</x:t></x:is></x:c>',
      'a\nbA<>"\'',
    ],
    ['CDATA', '<x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<raw> & ]]>text</x:t></x:is></x:c>', '<raw> & text'],
    ['an escaped carriage return', '<x:c r="A1" t="inlineStr"><x:is><x:t>a_x000D_b</x:t></x:is></x:c>', 'a\rb'],
    ['an empty styled cell', '<x:c r="A1" s="1"/>', undefined],
  ])('reads %s', (_, cell, expected) => {
    const rows = readSheet({ bytes: excelLike(`<x:row r="1">${cell}</x:row>`) });
    expect(rows[0]?.[0]).toBe(expected);
  });

  it('places rows and cells without `r` after the previous ones', () => {
    const rows =
      '<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row>';
    expect(readSheet({ bytes: excelLike(rows) })).toEqual([[], ['', '1', '2'], ['3']]);
  });

  it('reads an absolute relationship target and the sheet the workbook names', () => {
    expect(listSheets(excelLike(''))).toEqual(['Data', 'Other']);
    expect(readSheet({ bytes: excelLike(''), sheet: 'Other' })).toEqual([['other']]);
  });
});

describe('readSheet errors', () => {
  const valid = writeXlsx([
    { name: 'Sheet1', rows: [['a']] },
    { name: 'Notes', rows: [['b']] },
  ]);

  it.each([
    [
      'an HTML error page',
      strToU8('<!DOCTYPE html>\n<html><body>Not found</body></html>'),
      "data.xlsx is not an XLSX file (it starts with '<!DOCTYPE html>' — an error page?)",
    ],
    [
      'an Azure error',
      strToU8('\ufeff<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code></Error>'),
      "data.xlsx is not an XLSX file (it starts with '<Error><Code>BlobNotFound</Code></Error>' — an error page?)",
    ],
    [
      'plain text',
      strToU8('Service unavailable'),
      "data.xlsx is not an XLSX file (it starts with 'Service unavailable')",
    ],
    [
      'binary',
      new Uint8Array([0x1f, 0x8b, 8, 0, 0]),
      'data.xlsx is not an XLSX file (it starts with the bytes 1f 8b 08 00)',
    ],
    [
      'an old .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      'data.xlsx is not an XLSX file (it is an old-style .xls workbook, or a password-protected one)',
    ],
    ['empty', new Uint8Array(), 'data.xlsx is not an XLSX file (it is empty)'],
    [
      'a truncated download',
      valid.subarray(0, valid.length >> 1),
      'data.xlsx is a damaged XLSX file (invalid zip data); was the download cut short?',
    ],
    [
      'a ZIP of something else',
      zipSync({ 'readme.txt': strToU8('hi'), 'a.xml': strToU8('<a/>') }),
      'data.xlsx is a ZIP file but not an XLSX workbook: it has no xl/workbook.xml (it holds readme.txt, a.xml)',
    ],
  ])('names %s', (_, bytes, message) => {
    expect(() => readSheet({ bytes, path: 'data.xlsx' })).toThrow(new XlsxError(message));
  });

  it('names the sheets the file has when the sheet asked for is missing', () => {
    expect(() => readSheet({ bytes: valid, sheet: 'Training Type', path: 'approvals.xlsx' })).toThrow(
      new XlsxError("approvals.xlsx has no sheet 'Training Type'; it has: Sheet1, Notes"),
    );
  });

  it('says which part is damaged', () => {
    const cut = excelLike('<x:row r="1"><x:c r="A1"><x:v>1</x:v>');
    expect(() => readSheet({ bytes: cut })).toThrow(
      /^The file is damaged: sheet 'Data' cannot be read \(<x:row> has no end tag\)$/,
    );
    const missing = excelLike('<x:row r="1"><x:c r="A1" t="s"><x:v>99</x:v></x:c></x:row>');
    expect(() => readSheet({ bytes: missing })).toThrow('cell A1 points at shared string 99, of 5');
    expect(() => readSheet({ bytes: excelLike('<x:row r="1"><x:c r="1A"/></x:row>') })).toThrow(
      /bad cell reference '1A'/,
    );
  });

  it('uses "The file" without a path, and is an XlsxError', () => {
    expect(() => listSheets(new Uint8Array())).toThrow(XlsxError);
    expect(() => listSheets(new Uint8Array())).toThrow('The file is not an XLSX file (it is empty)');
  });
});

/**
 * A workbook as the OpenXML SDK writes it: prefixed elements, an absolute sheet target, a rich and a
 * phonetic shared string. `sheetData` is the first sheet's rows; the second sheet holds "other".
 */
function excelLike(sheetData: string): Uint8Array {
  const part = (xml: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>\r\n${xml}`);
  const sheet = (rows: string) => part(`<x:worksheet ${MAIN}><x:sheetData>${rows}</x:sheetData></x:worksheet>`);
  return zipSync({
    '[Content_Types].xml': part('<Types/>'),
    '_rels/.rels': part(
      `<Relationships><Relationship Id="R1" Type="${RELS}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': part(
      `<x:workbook ${MAIN} xmlns:r="${RELS}"><x:sheets><x:sheet name="Data" sheetId="1" r:id="R2"/>` +
        `<x:sheet name="Other" sheetId="2" r:id="R3"/></x:sheets></x:workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': part(
      `<Relationships><Relationship Id="R2" Type="${RELS}/worksheet" Target="/xl/worksheets/sheet.xml"/>` +
        `<Relationship Id="R3" Type="${RELS}/worksheet" Target="worksheets/other.xml"/>` +
        `<Relationship Id="R4" Type="${RELS}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': part(
      `<x:sst ${MAIN}><x:si><x:t>other</x:t></x:si><x:si><x:t>two</x:t></x:si>` +
        '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>bold</x:t></x:r><x:r><x:t xml:space="preserve"> and plain</x:t></x:r></x:si>' +
        '<x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh></x:si>' +
        '<x:si><x:t xml:space="preserve">     2024</x:t></x:si></x:sst>',
    ),
    'xl/worksheets/sheet.xml': sheet(sheetData),
    'xl/worksheets/other.xml': sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'),
  });
}
