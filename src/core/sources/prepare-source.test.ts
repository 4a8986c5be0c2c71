import { describe, expect, it } from 'vitest';
import type { SourceSpec } from './catalogue.ts';
import { parseCsv } from './csv.ts';
import { findHeaderRow, prepareSource } from './prepare-source.ts';

const SPEC: SourceSpec = {
  uniqueId: 'source.p.raw.ram',
  title: 'Resource Allocation Model',
  publisher: 'NSW Department of Education',
  licence: 'CC BY 4.0',
  format: 'csv',
  files: [],
  columns: [
    { name: 'School Code', aliases: ['School_code'], type: 'integer', required: true, min: 1001, max: 8924, key: true },
    { name: 'School Full Name', aliases: [], type: 'text', required: true },
    { name: 'Original RAM Funding $', aliases: [], type: 'money', required: false },
    { name: 'Sum of RAM Funding (incl oncosts) $', aliases: [], type: 'money', required: false },
  ],
  suppressed: ['np', '-'],
  dropRows: [{ column: 'School Code', equals: ['Total'], reason: 'state total row' }],
};

const file = (fileName: string, year?: number) => ({ fileName, year, url: `https://portal/${fileName}` });

describe('prepareSource', () => {
  it('maps drifting headers to canonical names and unions years with a _year column', () => {
    const prepared = prepareSource({
      spec: SPEC,
      tables: [
        {
          file: file('2019.csv', 2019),
          origin: 'u2019',
          rows: parseCsv(' school code , School Full Name , Sum of RAM Funding (incl oncosts) $ \n1001,A,"$1,000"\n'),
        },
        {
          file: file('2021.csv', 2021),
          origin: 'u2021',
          rows: parseCsv('School Code,School Full Name,Original RAM Funding $ \n1001,A,"$2,000"\nTotal,,"$2,000"\n\n'),
        },
      ],
    });
    expect(prepared.report.error).toBeUndefined();
    expect(parseCsv(prepared.csv ?? '')).toEqual([
      [
        'School Code',
        'School Full Name',
        'Original RAM Funding $',
        'Sum of RAM Funding (incl oncosts) $',
        '_year',
        '_source',
      ],
      ['1001', 'A', '', '$1,000', '2019', 'u2019'],
      ['1001', 'A', '$2,000', '', '2021', 'u2021'],
      ['Total', '', '$2,000', '', '2021', 'u2021'],
    ]);
    expect(prepared.report).toMatchObject({
      rowsRead: 3,
      rowsLoaded: 3,
      rowsQuarantined: 0,
      blankRows: 1,
      rowsNotData: [{ reason: 'state total row', count: 1 }],
    });
    expect(prepared.report.warnings.join('\n')).toContain("' school code ' as School Code");
  });

  it('quarantines only rows whose key is out of bounds, missing or repeated, with every reason and the file line', () => {
    const prepared = prepareSource({
      spec: SPEC,
      tables: [
        {
          file: file('x.csv'),
          origin: 'u',
          rows: parseCsv(
            'School Code,School Full Name,Original RAM Funding $\n1001,A,$5\n99,B,lots\nnp,C,$1\n1001,D,$2\n',
          ),
        },
      ],
    });
    expect(parseCsv(prepared.quarantineCsv ?? '')).toEqual([
      ['School Code', 'School Full Name', 'Original RAM Funding $', '_source', '_reason', '_row'],
      ['99', 'B', 'lots', 'u', 'School Code: 99 is outside 1001…8924', '3'],
      ['np', 'C', '$1', 'u', 'School Code: the key is missing', '4'],
      ['1001', 'D', '$2', 'u', 'duplicate key: the same as row 2 of x.csv', '5'],
    ]);
    expect(prepared.report).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsQuarantined: 3 });
  });

  it('keeps a real row whose attribute breaks its type or bound: the value loads as NULL, with a warning', () => {
    const prepared = prepareSource({
      spec: SPEC,
      tables: [
        {
          file: file('x.csv'),
          origin: 'u',
          rows: parseCsv('School Code,School Full Name,Original RAM Funding $\n1001,A,$5\n1002,B,lots\n1003,C,much\n'),
        },
      ],
    });
    expect(parseCsv(prepared.csv ?? '').slice(1)).toEqual([
      ['1001', 'A', '$5', 'u'],
      ['1002', 'B', '', 'u'],
      ['1003', 'C', '', 'u'],
    ]);
    expect(prepared.report).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsQuarantined: 0 });
    expect(prepared.report.warnings).toContain(
      "Resource Allocation Model: 2 values of Original RAM Funding $ could not be used and were loaded as NULL, the rest of their rows kept (e.g. Original RAM Funding $: 'lots' is not an amount of money, row 3 of x.csv). If such values are real, widen the column's type or bounds in the source's meta.columns.",
    );
  });

  it('the same key in two years of a multi-file source is not a duplicate', () => {
    const rows = parseCsv('School Code,School Full Name\n1001,A\n');
    const prepared = prepareSource({
      spec: SPEC,
      tables: [
        { file: file('2019.csv', 2019), origin: 'u', rows },
        { file: file('2020.csv', 2020), origin: 'u', rows },
      ],
    });
    expect(prepared.report).toMatchObject({ rowsLoaded: 2, rowsQuarantined: 0 });
  });

  it('refuses a file missing a required column, naming it and the closest columns found', () => {
    const prepared = prepareSource({
      spec: SPEC,
      tables: [{ file: file('renamed.csv'), origin: 'u', rows: parseCsv('Schl Code,School Full Name\n1001,A\n') }],
    });
    expect(prepared.csv).toBeUndefined();
    expect(prepared.report.error).toBe(
      "Resource Allocation Model: renamed.csv is missing required column School Code (closest: 'Schl Code', 'School Full Name'). It was not loaded; other sources were. If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.",
    );
  });

  it('keeps unknown extra columns and warns about them', () => {
    const prepared = prepareSource({
      spec: SPEC,
      tables: [
        { file: file('x.csv'), origin: 'u', rows: parseCsv('School Code,School Full Name,New thing\n1001,A,z\n') },
      ],
    });
    expect(parseCsv(prepared.csv ?? '')[0]).toEqual(['School Code', 'School Full Name', 'New thing', '_source']);
    expect(prepared.report.warnings).toContain("x.csv: unexpected column 'New thing' kept as published.");
  });
});

describe('prepareSource with a family of year columns', () => {
  const ATTENDANCE: SourceSpec = {
    ...SPEC,
    title: 'Attendance',
    columns: [
      { name: 'school_code', aliases: [], type: 'integer', required: true, key: true },
      { name: 'school_name', aliases: [], type: 'text', required: true },
      { name: 'year columns', aliases: [], type: 'percent', required: true, min: 0, max: 100, pattern: '^\\d{4}$' },
    ],
    suppressed: ['sp', 'na'],
    dropRows: [{ column: 'school_name', equals: ['NSW government'], reason: 'state total row' }],
  };

  it('reads every year column as published and loads a value that is not a percentage as NULL', () => {
    const prepared = prepareSource({
      spec: ATTENDANCE,
      tables: [
        {
          file: file('a.csv'),
          origin: 'u',
          rows: parseCsv(
            '\uFEFFschool_code,school_name,2019,2021\n1001,A,94.3,sp\n1002,B,101,na\n,NSW government,92.4,91.1\n',
          ),
        },
      ],
    });
    expect(parseCsv(prepared.csv ?? '')[0]).toEqual(['school_code', 'school_name', '2019', '2021', '_source']);
    expect(prepared.report).toMatchObject({
      rowsLoaded: 3,
      rowsQuarantined: 0,
      rowsNotData: [{ reason: 'state total row', count: 1 }],
    });
    expect(parseCsv(prepared.csv ?? '')[2]).toEqual(['1002', 'B', '', 'na', 'u']);
    expect(prepared.report.warnings).toContain(
      "Attendance: 1 value of 2019 could not be used and was loaded as NULL, the rest of its row kept (e.g. 2019: 101 is outside 0…100, row 3 of a.csv). If such values are real, widen the column's type or bounds in the source's meta.columns.",
    );
    expect(prepared.report.warnings.filter((w) => w.includes('unexpected'))).toEqual([]);
  });
});

describe('findHeaderRow', () => {
  it('finds a header below title rows (XLSX releases moved it)', () => {
    const rows = [['Apprenticeship approvals, NSW'], [''], ['', 'School Code', 'School Full Name'], ['', '1001', 'A']];
    expect(findHeaderRow({ spec: SPEC, rows })).toBe(2);
  });
});
