/**
 * The bad-input corpus: one entry per way a published file (or the road to it) can go wrong, for every kind
 * of source the catalogue has (CSV downloads, XLSX workbooks, CKAN DataStore tables). Each case breaks one
 * source on the mock portal and says exactly what the user must be told — which source, what is wrong,
 * what to do — and what the source must hold afterwards. bad-input.test.ts runs every case through the real
 * download, contract and DuckDB load, and checks that every other source and the user's edits are intact.
 */
import type { RunOptions, CorpusStack } from '../support/corpus-stack.ts';
import { pathOf } from '../support/corpus-stack.ts';
import {
  csvOf,
  latin1,
  publish,
  publishTable,
  renamed,
  sampleCsv,
  sampleDataStore,
  sampleSheet,
  withCell,
  without,
  workbook,
} from './fixtures.ts';

/** How a source is published. */
export type SourceKind = 'csv' | 'xlsx' | 'datastore';

/** What a case can reach besides the portal. */
export interface CaseContext {
  /** The running stack. */
  stack: CorpusStack;
  /**
   * Proxy templates (`…?url={encodedUrl}`): ours relaying to the portal, one allowing no host, one with a 1 KB
   * limit, and an address where no proxy runs (every request answers 404).
   */
  proxies: { open: string; refusing: string; small: string; missing: string };
  /** The download URL of a source's file as the app requests it (on the mock portal). */
  url(source: string, index?: number): string;
  /** Rows of a source's raw table when every source is published as the sample. */
  baseline(source: string): number;
}

/** The source fails to load, with this message (its report's error and its build step's). */
export interface FailsWith {
  /** The whole message, exactly. */
  error: (context: CaseContext) => string;
}

/** The source loads. */
export interface LoadsWith {
  /** Its load warnings, exactly, in order. */
  warnings: (context: CaseContext) => string[];
  /** Rows in its raw table. */
  rows: number | ((context: CaseContext) => number);
  /** Rows in its quarantine table. Default 0. */
  quarantined?: number;
  /** What the loaded values must be (throws when they are not). */
  check?: (context: CaseContext) => Promise<void>;
}

/** One bad input. */
export interface CorpusCase {
  /** A short name: kind, then what is wrong. */
  id: string;
  /** The kind of source it breaks. */
  kind: SourceKind;
  /** The source it breaks, `<source>.<table>`. */
  source: string;
  /** Break it. */
  arrange: (context: CaseContext) => void;
  /** How to download for this case (timeouts, size limits, a proxy). */
  options?: (context: CaseContext) => RunOptions;
  /** What must happen. */
  expect: FailsWith | LoadsWith;
}

const MASTER = 'nsw_doe_datansw.master_dataset';
const RAM = 'nsw_doe_datansw.ram';
const ATTENDANCE = 'nsw_doe_datansw.attendance';
const COMPOSITE = 'nsw_doe_datansw.composite_classes';
const PRIMARY = 'nsw_doe_datansw.enrolments_primary';
const SECONDARY = 'nsw_doe_datansw.enrolments_secondary';
const RETENTION = 'nsw_doe_datansw.apparent_retention_7_to_10';
const CLASS_SIZE = 'nsw_doe_datansw.class_size';
const APPROVALS = 'nsw_doe_datansw.apprenticeship_traineeship_training_contract_approvals';
const STAFF = 'acara.staff_numbers';
const STUDENTS = 'acara.student_numbers';

const MASTER_TITLE = 'NSW public schools master dataset';
const RAM_TITLE = 'Resource Allocation Model (RAM) funding by school';
const ATTENDANCE_TITLE = 'Student attendance rate by school';
const COMPOSITE_TITLE = 'Multi-age or composite classes';
const PRIMARY_TITLE = 'FTE enrolments by school (primary)';
const RETENTION_TITLE = 'Apparent retention rate, Years 7 to 10';
const CLASS_SIZE_TITLE = 'Average class size, primary';
const APPROVALS_TITLE = 'Apprenticeship and traineeship training contract approvals';
const STAFF_TITLE = 'Staff numbers (National Report on Schooling)';
const STUDENTS_TITLE = 'Student numbers (National Report on Schooling)';

const MASTER_FILE = 'master_dataset.csv';
const RAM_2024 = 'data-hub-2024-sbar-adjustments.csv';
const ATTENDANCE_FILE = '2023-attendance-rates-by-government-schools.csv';
const APPROVALS_FILE = 'apprenticeship_traineeship_training_contract_approvals-1.xlsx';
const STAFF_FILE = 'Staff numbers dataset.xlsx';
const PRIMARY_FILE = '7a662477-3585-42ba-8e19-1387d6790588.json';
const PRIMARY_RESOURCE = '7a662477-3585-42ba-8e19-1387d6790588';
const COMPOSITE_PACKAGE = '050ac03b-f391-42b5-89da-9c5be2624c99';
const MASTER_PACKAGE = '78c10ea3-8d04-4c9c-b255-bbf8547e37e7';

const NOT_LOADED = 'It was not loaded; other sources were.';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MIB = 1024 * 1024;

/** Rows of the RAM sample other than its 2024 file (the RAM cases replace only that file). */
function ramRowsBut2024(stack: CorpusStack): number {
  let rows = 0;
  for (let index = 0; index < 5; index++) rows += sampleCsv(stack, RAM, Infinity, index).rows.length;
  return rows;
}

/** The first three rows of a source's raw table, in load order, as text. */
async function rawRows(context: CaseContext, source: string, columns: string[]): Promise<string[][]> {
  const relation = context.stack.sources.get(source)?.relation ?? source;
  const list = columns.map((column) => `"${column}"`).join(', ');
  const rows = await context.stack.query(`select ${list} from main."${relation}" order by rowid limit 3`);
  return rows.map((row) => columns.map((column) => (row[column] === null ? 'NULL' : String(row[column]))));
}

/** Throw unless the two are deeply equal (a check inside a case, reported by the test). */
function same(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

const master = (context: CaseContext) => sampleCsv(context.stack, MASTER);

const csvCases: CorpusCase[] = [
  {
    id: 'csv: empty file (0 bytes)',
    kind: 'csv',
    source: MASTER,
    arrange: ({ stack }) => publish(stack, MASTER, ''),
    expect: {
      error: () =>
        `${MASTER_TITLE}: ${MASTER_FILE} is empty (0 bytes): the portal sent no data. ${NOT_LOADED} Try again later; if it stays empty, download the file from the dataset's page and load it from file.`,
    },
  },
  {
    id: 'csv: only blank lines',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => publish(stack, ATTENDANCE, '\r\n\r\n\r\n'),
    expect: {
      error: () =>
        `${ATTENDANCE_TITLE}: ${ATTENDANCE_FILE} is empty (6 bytes of blank lines): the portal sent no data. ${NOT_LOADED} Try again later; if it stays empty, download the file from the dataset's page and load it from file.`,
    },
  },
  {
    id: 'csv: header only',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => publish(context.stack, MASTER, csvOf({ ...master(context), rows: [] })),
    expect: {
      error: () =>
        `${MASTER_TITLE}: ${MASTER_FILE} has a header but no data rows. ${NOT_LOADED} Check the dataset's page on the portal, and load the source again once the file has rows.`,
    },
  },
  {
    id: 'csv: UTF-8 byte-order mark before the header',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => publish(context.stack, MASTER, `\uFEFF${csvOf(master(context))}`),
    expect: {
      warnings: () => [],
      rows: 3,
      check: async (context) =>
        same(
          await rawRows(context, MASTER, ['School_code']),
          master(context).rows.map((row) => [row[0]]),
          'School_code read from under the mark',
        ),
    },
  },
  {
    id: 'csv: separated by semicolons',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = master(context);
      const text = [table.header, ...table.rows].map((row) => row.map((cell) => cell.replaceAll(';', ',')).join(';'));
      publish(context.stack, MASTER, `${text.join('\n')}\n`);
    },
    expect: {
      error: (context) =>
        `${MASTER_TITLE}: ${MASTER_FILE} is separated by ';', not commas: its header is one cell holding ${master(context).header.length} names. ${NOT_LOADED} Save it as comma-separated CSV and load it from file, or check the dataset's page for the CSV.`,
    },
  },
  {
    id: 'csv: separated by tabs',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => {
      const table = sampleCsv(stack, ATTENDANCE);
      publish(stack, ATTENDANCE, [table.header, ...table.rows].map((row) => `${row.join('\t')}\r\n`).join(''));
    },
    expect: {
      error: ({ stack }) =>
        `${ATTENDANCE_TITLE}: ${ATTENDANCE_FILE} is separated by tabs, not commas: its header is one cell holding ${sampleCsv(stack, ATTENDANCE).header.length} names. ${NOT_LOADED} Save it as comma-separated CSV and load it from file, or check the dataset's page for the CSV.`,
    },
  },
  {
    id: 'csv: Latin-1 text (accented school names)',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = withCell(master(context), 1, 'School_name', 'École Sainte-Thérèse Public School');
      publish(context.stack, MASTER, latin1(csvOf(withCell(table, 2, 'Town_suburb', 'Cañada Bay'))));
    },
    expect: {
      warnings: () => [
        `${MASTER_FILE} is not UTF-8 text: it was read as Windows-1252 (Latin-1), which keeps letters such as 'É' (first on line 3). Check the names with accents in the raw table; if any look wrong, save the file as UTF-8 and load it from file.`,
      ],
      rows: 3,
      check: async (context) => {
        const rows = await rawRows(context, MASTER, ['School_name', 'Town_suburb']);
        same(rows[1]?.[0], 'École Sainte-Thérèse Public School', 'the accented name');
        same(rows[2]?.[1], 'Cañada Bay', 'the accented suburb');
      },
    },
  },
  {
    id: 'csv: quoted line breaks inside cells',
    kind: 'csv',
    source: MASTER,
    arrange: (context) =>
      publish(context.stack, MASTER, csvOf(withCell(master(context), 0, 'Street', '1 School Rd\r\nPO Box 12'))),
    expect: {
      warnings: () => [],
      rows: 3,
      check: async (context) =>
        same((await rawRows(context, MASTER, ['Street']))[0], ['1 School Rd\r\nPO Box 12'], 'the two-line street'),
    },
  },
  {
    id: 'csv: a quoted cell never closed (cut short)',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => publish(context.stack, MASTER, `${csvOf(master(context))}"2025-01-3`),
    expect: {
      error: () =>
        `${MASTER_TITLE}: ${MASTER_FILE} cannot be read as CSV: a quoted cell that starts on line 5 is never closed, so the file may have been cut short. ${NOT_LOADED} Load the source again; if it happens again, check the file on the dataset's page.`,
    },
  },
  {
    id: 'csv: ragged rows (more cells than the header)',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = master(context);
      const rows = table.rows.map((row, index) => (index === 1 ? [...row.slice(0, 3), 'Annex', ...row.slice(3)] : row));
      publish(context.stack, MASTER, csvOf({ ...table, rows }));
    },
    expect: {
      warnings: (context) => [
        `${MASTER_FILE}: 1 row has more cells than the header (row 3: ${master(context).header.length + 1} cells, the header ${master(context).header.length}); the cells past the header were not loaded. An unquoted comma may have shifted its columns: check it in the raw table.`,
        ...shiftedWarnings(),
      ],
      rows: 3,
    },
  },
  {
    id: 'csv: ragged rows (fewer cells than the header)',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => {
      const table = sampleCsv(stack, ATTENDANCE);
      const rows = table.rows.map((row, index) => (index === 2 ? row.slice(0, 5) : row));
      publish(stack, ATTENDANCE, csvOf({ ...table, rows }));
    },
    expect: {
      warnings: ({ stack }) => [
        `${ATTENDANCE_FILE}: 1 row has fewer cells than the header (row 4: 5 cells, the header ${sampleCsv(stack, ATTENDANCE).header.length}); the missing cells were loaded as empty. The line may have been broken or cut: check it in the raw table.`,
      ],
      rows: 3,
    },
  },
  {
    id: 'csv: drifted header, a column renamed to a known alias',
    kind: 'csv',
    source: MASTER,
    arrange: (context) =>
      publish(context.stack, MASTER, csvOf(renamed(master(context), 'latest_year_enrolment_FTE', 'Student_number'))),
    expect: { warnings: () => [`${MASTER_FILE}: read 'Student_number' as latest_year_enrolment_FTE.`], rows: 3 },
  },
  {
    id: 'csv: drifted header, a required column renamed',
    kind: 'csv',
    source: MASTER,
    arrange: (context) =>
      publish(context.stack, MASTER, csvOf(renamed(master(context), 'School_name', 'Name_of_school'))),
    expect: {
      error: () =>
        `${MASTER_TITLE}: ${MASTER_FILE} is missing required column School_name (closest: 'School_code', 'School_Email'). ${NOT_LOADED} If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.`,
    },
  },
  {
    id: 'csv: drifted header, a required column missing',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => publish(stack, ATTENDANCE, csvOf(without(sampleCsv(stack, ATTENDANCE), 'school_name'))),
    expect: {
      error: () =>
        `${ATTENDANCE_TITLE}: ${ATTENDANCE_FILE} is missing required column school_name (closest: 'school_code', '2011'). ${NOT_LOADED} If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.`,
    },
  },
  {
    id: 'csv: drifted header, an optional column missing',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => publish(context.stack, MASTER, csvOf(without(master(context), 'ICSEA_value'))),
    expect: {
      warnings: () => [
        `${MASTER_FILE} has no column ICSEA_value: it is NULL in the raw table. If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns.`,
      ],
      rows: 3,
    },
  },
  {
    id: 'csv: drifted header, an extra column',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = master(context);
      const rows = table.rows.map((row, index) => [...row, `Principal ${index + 1}`]);
      publish(context.stack, MASTER, csvOf({ header: [...table.header, 'Principal_name'], rows }));
    },
    expect: {
      warnings: () => [`${MASTER_FILE}: unexpected column 'Principal_name' kept as published.`],
      rows: 3,
      check: async (context) =>
        same(
          await rawRows(context, MASTER, ['Principal_name']),
          [['Principal 1'], ['Principal 2'], ['Principal 3']],
          'the extra column',
        ),
    },
  },
  {
    id: 'csv: drifted header, columns in another order and another case',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => {
      const table = sampleCsv(stack, ATTENDANCE);
      const order = [1, 0, ...table.header.slice(2).map((_, index) => index + 2)];
      const header = order
        .map((at) => table.header[at] ?? '')
        .map((cell) => (cell === 'school_code' ? 'School_Code' : cell));
      publish(stack, ATTENDANCE, csvOf({ header, rows: table.rows.map((row) => order.map((at) => row[at] ?? '')) }));
    },
    expect: {
      warnings: () => [`${ATTENDANCE_FILE}: read 'School_Code' as school_code.`],
      rows: 3,
      check: async (context) =>
        same(
          await rawRows(context, ATTENDANCE, ['school_code', 'school_name']),
          sampleCsv(context.stack, ATTENDANCE).rows.map((row) => row.slice(0, 2)),
          'codes and names back in their columns',
        ),
    },
  },
  {
    id: 'csv: duplicate keys',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = master(context);
      publish(context.stack, MASTER, csvOf({ ...table, rows: [...table.rows, table.rows[0] ?? []] }));
    },
    expect: {
      warnings: () => [
        `${MASTER_TITLE}: 1 row quarantined because its key is missing, malformed or repeated (e.g. row 5 of ${MASTER_FILE}: duplicate key: the same as row 2 of ${MASTER_FILE}). It is kept in the quarantine table, not lost: check it there, and tell the publisher if the file is wrong.`,
      ],
      rows: 3,
      quarantined: 1,
    },
  },
  {
    id: 'csv: a missing key',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) =>
      publish(stack, ATTENDANCE, csvOf(withCell(sampleCsv(stack, ATTENDANCE), 1, 'school_code', ''))),
    expect: {
      warnings: () => [
        `${ATTENDANCE_TITLE}: 1 row quarantined because its key is missing, malformed or repeated (e.g. row 3 of ${ATTENDANCE_FILE}: school_code: the key is missing). It is kept in the quarantine table, not lost: check it there, and tell the publisher if the file is wrong.`,
      ],
      rows: 2,
      quarantined: 1,
    },
  },
  {
    id: 'csv: suppression markers np, - and blank',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      let table = withCell(master(context), 0, 'ICSEA_value', 'np');
      table = withCell(table, 1, 'Indigenous_pct', '-');
      publish(context.stack, MASTER, csvOf(withCell(table, 2, 'latest_year_enrolment_FTE', '')));
    },
    expect: {
      warnings: () => [],
      rows: 3,
      check: async (context) => {
        const rows = await rawRows(context, MASTER, ['ICSEA_value', 'Indigenous_pct', 'latest_year_enrolment_FTE']);
        same([rows[0]?.[0], rows[1]?.[1], rows[2]?.[2]], ['np', '-', 'NULL'], 'the markers, kept as published');
      },
    },
  },
  {
    id: 'csv: suppression markers in a family of year columns',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => {
      const table = withCell(sampleCsv(stack, ATTENDANCE), 0, '2021', 'sp');
      publish(stack, ATTENDANCE, csvOf(withCell(withCell(table, 1, '2022', 'np'), 2, '2023', 'NULL')));
    },
    expect: { warnings: () => [], rows: 3 },
  },
  {
    id: 'csv: money with $ and thousands separators',
    kind: 'csv',
    source: RAM,
    arrange: ({ stack }) => {
      const table = sampleCsv(stack, RAM, 3, 5);
      const money = ['$1,234,567', ' $ 2,000 ', '-$5,000'];
      const rows = table.rows.map((row, index) => [row[0] ?? '', row[1] ?? '', money[index] ?? '', money[index] ?? '']);
      stackPublishRam(stack, csvOf({ header: table.header, rows }));
    },
    expect: {
      warnings: () => [],
      rows: ({ stack }) => ramRowsBut2024(stack) + 3,
      check: async (context) => {
        const first = sampleCsv(context.stack, RAM, 3, 5).rows.map((row) => row[0]);
        const rows = await context.stack.query(
          `select school_code, funding_original, user_note from main.stg__nsw_doe_datansw__ram where calendar_year = 2024 order by funding_original`,
        );
        same(
          rows.map((row) => [String(row.school_code), row.funding_original, row.user_note]),
          [
            [first[2], -5000, 'mine'],
            [first[1], 2000, 'mine'],
            [first[0], 1234567, 'mine'],
          ],
          "2024 funding, typed by the user's edited model",
        );
      },
    },
  },
  {
    id: 'csv: money that is not a number',
    kind: 'csv',
    source: RAM,
    arrange: ({ stack }) => {
      const table = sampleCsv(stack, RAM, 3, 5);
      stackPublishRam(stack, csvOf(withCell(table, 1, 'Original RAM Funding $', '$12a,000')));
    },
    expect: {
      warnings: () => [
        `${RAM_TITLE}: 1 value of Original RAM Funding $ could not be used and was loaded as NULL, the rest of its row kept (e.g. Original RAM Funding $: '$12a,000' is not an amount of money, row 3 of ${RAM_2024}). If such values are real, widen the column's type or bounds in the source's meta.columns.`,
      ],
      rows: ({ stack }) => ramRowsBut2024(stack) + 3,
    },
  },
  {
    id: 'csv: numbers with thousands separators',
    kind: 'csv',
    source: MASTER,
    arrange: (context) =>
      publish(context.stack, MASTER, csvOf(withCell(master(context), 0, 'latest_year_enrolment_FTE', '1,234.5'))),
    expect: {
      warnings: () => [],
      rows: 3,
      check: async (context) =>
        same(
          (await rawRows(context, MASTER, ['latest_year_enrolment_FTE']))[0],
          ['1,234.5'],
          'the number as published',
        ),
    },
  },
  {
    id: 'csv: is an XLSX workbook, not CSV',
    kind: 'csv',
    source: MASTER,
    arrange: (context) => {
      const table = master(context);
      publish(context.stack, MASTER, workbook([{ name: 'Sheet1', rows: [table.header, ...table.rows] }]));
    },
    expect: {
      error: () =>
        `${MASTER_TITLE}: ${MASTER_FILE} is an XLSX workbook (a ZIP file), not CSV text. ${NOT_LOADED} The publisher may have changed the format: check the dataset's page, then save the sheet as CSV and load it from file, or change the source's meta.format.`,
    },
  },
  {
    id: 'csv: is a PDF, not CSV',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) =>
      publish(stack, ATTENDANCE, latin1('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')),
    expect: {
      error: () =>
        `${ATTENDANCE_TITLE}: ${ATTENDANCE_FILE} is a PDF document, not CSV text. ${NOT_LOADED} The publisher may have changed the format: check the dataset's page, then save the sheet as CSV and load it from file, or change the source's meta.format.`,
    },
  },
];

/** Publish the 2024 RAM file (the source's sixth). */
function stackPublishRam(stack: CorpusStack, body: string): void {
  const file = stack.files[pathOf(stack, RAM, 5)];
  if (!file) throw new Error('no 2024 RAM file');
  file.body = body;
}

/** The warnings a master dataset row shifted right by one cell brings: its values land in other columns. */
function shiftedWarnings(): string[] {
  const advice = "If such values are real, widen the column's type or bounds in the source's meta.columns.";
  return [
    `latest_year_enrolment_FTE: '6955 2332' is not a number`,
    'Indigenous_pct: 254.2 is outside 0…100',
    'ICSEA_value: 4.0 is outside 500…1300',
    `Date_1st_teacher: 'N' is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
    `Latitude: 'Outer Regional Australia' is not a number`,
    'Longitude: -34.74625 is outside 140.9…159.2',
    `FOEI_Value: 'Riverina' is not a whole number`,
    `Date_extracted: '84' is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
  ].map((problem) => {
    const column = problem.slice(0, problem.indexOf(':'));
    return `${MASTER_TITLE}: 1 value of ${column} could not be used and was loaded as NULL, the rest of its row kept (e.g. ${problem}, row 3 of ${MASTER_FILE}). ${advice}`;
  });
}

const approvalsSheet = (stack: CorpusStack) => sampleSheet(stack, APPROVALS, 'Training Type');
const staffSheet = (stack: CorpusStack) => sampleSheet(stack, STAFF, undefined);
const NOTES = { name: 'Notes', rows: [['Source: NSW Department of Education'], ['Figures are rounded.']] };

const xlsxCases: CorpusCase[] = [
  {
    id: 'xlsx: empty file (0 bytes)',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => publish(stack, STAFF, new Uint8Array()),
    expect: {
      error: () =>
        `${STAFF_TITLE}: ${STAFF_FILE} is empty (0 bytes): the portal sent no data. ${NOT_LOADED} Try again later; if it stays empty, download the file from the dataset's page and load it from file.`,
    },
  },
  {
    id: 'xlsx: header only',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) =>
      publish(stack, APPROVALS, workbook([{ name: 'Training Type', rows: approvalsSheet(stack).slice(0, 3) }, NOTES])),
    expect: {
      error: () =>
        `${APPROVALS_TITLE}: ${APPROVALS_FILE} has a header but no data rows. ${NOT_LOADED} Check the dataset's page on the portal, and load the source again once the file has rows.`,
    },
  },
  {
    id: 'xlsx: extra sheets around the one named in the catalogue',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) =>
      publish(
        stack,
        APPROVALS,
        workbook([
          {
            name: 'Cover',
            rows: [
              ['Training Type', '2019'],
              ['not', 'data'],
            ],
          },
          { name: 'Training Type', rows: approvalsSheet(stack) },
          NOTES,
          {
            name: 'Chart data',
            rows: [
              ['Training Type', '2019'],
              ['Apprenticeship', '1'],
            ],
          },
        ]),
      ),
    expect: { warnings: () => [], rows: 3 },
  },
  {
    id: 'xlsx: extra sheet before the data (no sheet named in the catalogue)',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) =>
      publish(stack, STAFF, workbook([NOTES, { name: 'Staff numbers', rows: staffSheet(stack) }])),
    expect: {
      warnings: () => [
        `${STAFF_FILE}: read sheet 'Staff numbers', the one with the expected columns (it has: Notes, Staff numbers).`,
      ],
      rows: 3,
    },
  },
  {
    id: 'xlsx: the catalogued sheet is missing',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) =>
      publish(stack, APPROVALS, workbook([{ name: 'Training type 2025', rows: approvalsSheet(stack) }, NOTES])),
    expect: {
      error: () =>
        `${APPROVALS_TITLE}: ${APPROVALS_FILE} has no sheet 'Training Type'; it has: Training type 2025, Notes. ${NOT_LOADED} If the publisher renamed the sheet, set the source's meta.sheet to the one that holds the data.`,
    },
  },
  {
    id: 'xlsx: header over two merged rows',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) => {
      const [title = [], subtitle = [], header = [], ...rows] = approvalsSheet(stack);
      // "Training Type" is merged down over both header rows; the years sit under a merged "Calendar year".
      const top = header.map((cell) => (/^\s*\d{4}$/.test(cell) ? '' : cell));
      top[2] = 'Calendar year';
      const bottom = header.map((cell) => (/^\s*\d{4}$/.test(cell) ? cell : ''));
      publish(stack, APPROVALS, workbook([{ name: 'Training Type', rows: [title, subtitle, top, bottom, ...rows] }]));
    },
    expect: {
      warnings: () => [
        `${APPROVALS_FILE}: read the header from rows 3 and 4 together (merged cells); 'Calendar year' on row 3 was left out.`,
      ],
      rows: 3,
    },
  },
  {
    id: 'xlsx: drifted header, a renamed column with a known alias',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => {
      const [header = [], ...rows] = staffSheet(stack);
      publish(
        stack,
        STAFF,
        workbook([{ name: 'Staff numbers', rows: [header.map((c) => (c === 'Sex/gender' ? 'Sex' : c)), ...rows] }]),
      );
    },
    expect: { warnings: () => [`${STAFF_FILE}: read 'Sex' as Sex/gender.`], rows: 3 },
  },
  {
    id: 'xlsx: drifted header, a required column missing',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => {
      const rows = staffSheet(stack).map((row) => row.slice(0, 7));
      publish(stack, STAFF, workbook([{ name: 'Staff numbers', rows }]));
    },
    expect: {
      error: () =>
        `${STAFF_TITLE}: ${STAFF_FILE} is missing required column Staff count (closest: 'Staff function', 'FTE Status'). ${NOT_LOADED} If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.`,
    },
  },
  {
    id: 'xlsx: duplicate keys',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) => {
      const rows = approvalsSheet(stack);
      publish(stack, APPROVALS, workbook([{ name: 'Training Type', rows: [...rows, rows[3] ?? []] }]));
    },
    expect: {
      warnings: () => [
        `${APPROVALS_TITLE}: 1 row quarantined because its key is missing, malformed or repeated (e.g. row 7 of ${APPROVALS_FILE}: duplicate key: the same as row 4 of ${APPROVALS_FILE}). It is kept in the quarantine table, not lost: check it there, and tell the publisher if the file is wrong.`,
      ],
      rows: 3,
      quarantined: 1,
    },
  },
  {
    id: 'xlsx: numbers as text with thousands separators, and suppression markers',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => {
      const [header = [], ...rows] = staffSheet(stack);
      const counts = ['1,288', 'np', '-'];
      publish(
        stack,
        STAFF,
        workbook([
          { name: 'Staff numbers', rows: [header, ...rows.map((row, i) => [...row.slice(0, 7), counts[i] ?? ''])] },
        ]),
      );
    },
    expect: {
      warnings: () => [],
      rows: 3,
      check: async (context) => {
        const rows = await context.stack.query(
          'select staff_count from main.stg__acara__staff_numbers order by staff_count nulls last',
        );
        same(
          rows.map((row) => row.staff_count),
          [1288, null, null],
          'staff counts typed in staging',
        );
      },
    },
  },
  {
    id: 'xlsx: is CSV text, not a workbook',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => publish(stack, STAFF, csvOf({ header: staffSheet(stack)[0] ?? [], rows: [] }), 'text/csv'),
    expect: {
      error: () =>
        `${STAFF_TITLE}: ${STAFF_FILE} is not an XLSX file (it starts with 'Calendar Year,State/territory,School sec…'). ${NOT_LOADED} Open the file's link in a browser to see what it is; if it is the data in another format, save it as XLSX and load it from file.`,
    },
  },
  {
    id: 'xlsx: is an old .xls workbook',
    kind: 'xlsx',
    source: STUDENTS,
    arrange: ({ stack }) =>
      publish(
        stack,
        STUDENTS,
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      ),
    expect: {
      error: () =>
        `${STUDENTS_TITLE}: Student numbers dataset.xlsx is not an XLSX file (it is an old-style .xls workbook, or a password-protected one). ${NOT_LOADED} Open the file's link in a browser to see what it is; if it is the data in another format, save it as XLSX and load it from file.`,
    },
  },
  {
    id: 'xlsx: a damaged workbook (cut short, served complete)',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) => {
      const bytes = workbook([{ name: 'Training Type', rows: approvalsSheet(stack) }]);
      publish(stack, APPROVALS, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    expect: {
      error: () =>
        `${APPROVALS_TITLE}: ${APPROVALS_FILE} is a damaged XLSX file (invalid zip data); was the download cut short? ${NOT_LOADED} Load the source again; if it happens again, download the file from the dataset's page and load it from file.`,
    },
  },
];

const primary = (stack: CorpusStack) => sampleDataStore(stack, PRIMARY);

const datastoreCases: CorpusCase[] = [
  {
    id: 'datastore: no records (header only)',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) => publishTable(stack, PRIMARY, { ...primary(stack), records: [] }),
    expect: {
      error: () =>
        `${PRIMARY_TITLE}: ${PRIMARY_FILE} has a header but no data rows. ${NOT_LOADED} Check the dataset's page on the portal, and load the source again once the file has rows.`,
    },
  },
  {
    id: 'datastore: drifted header, the key column renamed',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) => {
      const table = primary(stack);
      const rename = (id: string) => (id === 'School Code' ? 'School_Code' : id);
      publishTable(stack, PRIMARY, {
        fields: table.fields.map((field) => ({ ...field, id: rename(field.id) })),
        records: table.records.map((record) =>
          Object.fromEntries(Object.entries(record).map(([k, v]) => [rename(k), v])),
        ),
      });
    },
    expect: {
      error: () =>
        `${PRIMARY_TITLE}: ${PRIMARY_FILE} is missing required column School Code (closest: 'School_Code', 'School Name'). ${NOT_LOADED} If the publisher renamed it, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.`,
    },
  },
  {
    id: 'datastore: drifted header, an extra field',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) => {
      const table = primary(stack);
      publishTable(stack, PRIMARY, {
        fields: [...table.fields, { id: 'Principal network', type: 'text' }],
        records: table.records.map((record) => ({ ...record, 'Principal network': 'North' })),
      });
    },
    expect: { warnings: () => [`${PRIMARY_FILE}: unexpected column 'Principal network' kept as published.`], rows: 3 },
  },
  {
    id: 'datastore: duplicate keys',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) => {
      const table = primary(stack);
      publishTable(stack, PRIMARY, { ...table, records: [...table.records, { ...table.records[1] }] });
    },
    expect: {
      warnings: () => [
        `${PRIMARY_TITLE}: 1 row quarantined because its key is missing, malformed or repeated (e.g. row 5 of ${PRIMARY_FILE}: duplicate key: the same as row 3 of ${PRIMARY_FILE}). It is kept in the quarantine table, not lost: check it there, and tell the publisher if the file is wrong.`,
      ],
      rows: 3,
      quarantined: 1,
    },
  },
  {
    id: 'datastore: suppression markers np, - and null',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) => {
      const table = primary(stack);
      const marks = ['np', '-', null];
      publishTable(stack, PRIMARY, {
        ...table,
        records: table.records.map((record, i) => ({ ...record, '2024': marks[i] })),
      });
    },
    expect: { warnings: () => [], rows: 3 },
  },
  {
    id: 'datastore: numbers with thousands separators',
    kind: 'datastore',
    source: SECONDARY,
    arrange: ({ stack }) => {
      const table = sampleDataStore(stack, SECONDARY);
      publishTable(stack, SECONDARY, {
        ...table,
        records: table.records.map((record) => ({ ...record, '2024': '1,204.6' })),
      });
    },
    expect: { warnings: () => [], rows: 3 },
  },
  {
    id: 'datastore: a value out of its bounds',
    kind: 'datastore',
    source: RETENTION,
    arrange: ({ stack }) => {
      const table = sampleDataStore(stack, RETENTION);
      publishTable(stack, RETENTION, {
        ...table,
        records: table.records.map((record, i) => (i === 0 ? { ...record, '2015': '250.3' } : record)),
      });
    },
    expect: {
      warnings: () => [
        `${RETENTION_TITLE}: 1 value of 2015 could not be used and was loaded as NULL, the rest of its row kept (e.g. 2015: 250.3 is outside 0…150, row 2 of 73529e52-b9ce-492e-a5fa-2e4aaf5993cd.json). If such values are real, widen the column's type or bounds in the source's meta.columns.`,
      ],
      rows: 3,
    },
  },
  {
    id: 'datastore: the resource is gone (CKAN 404)',
    kind: 'datastore',
    source: CLASS_SIZE,
    arrange: ({ stack }) => {
      const id = stack.sources.get(CLASS_SIZE)?.meta.files as Array<{ resource_id: string }>;
      delete stack.datastore[id[0]?.resource_id ?? ''];
    },
    expect: {
      error: ({ stack }) =>
        `${CLASS_SIZE_TITLE}: ${stack.portal.url}/data/api/3/action/datastore_search?resource_id=7616001d-e4cb-4e4a-9a4f-76b166df5d37&limit=1000 answered HTTP 404 Not Found: the file is not there any more. Check the dataset's page on the portal for its current link. The portal said: "Not found: Resource "7616001d-e4cb-4e4a-9a4f-76b166df5d37" was not found.".`,
    },
  },
  {
    id: 'datastore: HTML instead of JSON',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) =>
      publishTable(stack, PRIMARY, {
        ...primary(stack),
        reply: {
          body: '<!DOCTYPE html><html><head><title>Scheduled maintenance | Data.NSW</title></head><body>Back soon</body></html>',
          contentType: 'text/html',
        },
      }),
    expect: {
      error: ({ stack }) =>
        `${PRIMARY_TITLE}: ${stack.portal.url}/data/api/3/action/datastore_search?resource_id=${PRIMARY_RESOURCE}&limit=1000 sent a web page ("Scheduled maintenance | Data.NSW") instead of data: the file may have moved, or the portal showed an error or sign-in page. Open the link in a browser to see what it says, or download the file yourself and load it from file.`,
    },
  },
  {
    id: 'datastore: JSON cut short',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) =>
      publishTable(stack, PRIMARY, {
        ...primary(stack),
        reply: {
          body: '{"help": "x", "success": true, "result": {"records": [{"School Code": "1',
          contentType: 'application/json',
        },
      }),
    expect: {
      error: ({ stack }) =>
        `${PRIMARY_TITLE}: ${stack.portal.url}/data/api/3/action/datastore_search?resource_id=${PRIMARY_RESOURCE}&limit=1000 did not answer with CKAN's JSON: the portal may be down or the API address wrong. Check the API address in Settings.`,
    },
  },
  {
    id: 'datastore: server error (HTTP 500)',
    kind: 'datastore',
    source: PRIMARY,
    arrange: ({ stack }) =>
      publishTable(stack, PRIMARY, {
        ...primary(stack),
        reply: { status: 500, body: 'Internal Server Error\n', contentType: 'text/plain' },
      }),
    expect: {
      error: ({ stack }) =>
        `${PRIMARY_TITLE}: ${stack.portal.url}/data/api/3/action/datastore_search?resource_id=${PRIMARY_RESOURCE}&limit=1000 answered HTTP 500 Internal Server Error: the portal had a server error. Try again later. (Tried 2 times.)`,
    },
  },
];

const networkCases: CorpusCase[] = [
  {
    id: 'csv: HTML instead of data (status 200)',
    kind: 'csv',
    source: MASTER,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, MASTER), { kind: 'html' }),
    expect: {
      error: (context) =>
        `${MASTER_TITLE}: ${context.url(MASTER)} sent a web page ("Page not found - Data.NSW") instead of data: the file may have moved, or the portal showed an error or sign-in page. Open the link in a browser to see what it says, or download the file yourself and load it from file.`,
    },
  },
  {
    id: 'xlsx: HTML instead of data (status 200)',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, STAFF), { kind: 'html' }),
    expect: {
      error: (context) =>
        `${STAFF_TITLE}: ${context.url(STAFF)} sent a web page ("Page not found - Data.NSW") instead of data: the file may have moved, or the portal showed an error or sign-in page. Open the link in a browser to see what it says, or download the file yourself and load it from file.`,
    },
  },
  {
    id: 'csv: HTTP 403',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, ATTENDANCE), { kind: 'status', status: 403 }),
    expect: {
      error: (context) =>
        `${ATTENDANCE_TITLE}: ${context.url(ATTENDANCE)} answered HTTP 403 Forbidden: access was refused. The file may no longer be public; check the dataset's page on the portal.`,
    },
  },
  {
    id: 'csv: HTTP 404, and the portal catalogue lists the same URL',
    kind: 'csv',
    source: MASTER,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, MASTER), { kind: 'status', status: 404 }),
    expect: {
      error: (context) =>
        `${MASTER_TITLE}: ${context.url(MASTER)} is gone (HTTP 404), and the portal's catalogue still lists that same URL for resource with id 3e6d5f6a-055c-440d-a690-fc0537c31095 or name "master_dataset". Try again later. Check https://data.nsw.gov.au/data/dataset/nsw-education-nsw-public-schools-master-dataset for ${MASTER_FILE} and update the source's meta.files.`,
    },
  },
  {
    id: 'csv: a CKAN page without the resource (404, then package_show)',
    kind: 'csv',
    source: MASTER,
    arrange: ({ stack }) => {
      stack.portal.setFailure(pathOf(stack, MASTER), { kind: 'status', status: 404 });
      const found = stack.packages[MASTER_PACKAGE];
      if (found) found.resources = [{ id: 'dictionary', name: 'Data dictionary', url: '/data/dictionary.pdf' }];
    },
    expect: {
      error: (context) =>
        `${MASTER_TITLE}: ${context.url(MASTER)} is gone (HTTP 404), and package ${MASTER_PACKAGE} in the portal's catalogue has no resource with id 3e6d5f6a-055c-440d-a690-fc0537c31095 or name "master_dataset" any more (it lists: "Data dictionary"). The file may have been withdrawn or renamed. Check https://data.nsw.gov.au/data/dataset/nsw-education-nsw-public-schools-master-dataset for ${MASTER_FILE} and update the source's meta.files.`,
    },
  },
  {
    id: 'csv: a CKAN page without the resource (looked up by name)',
    kind: 'csv',
    source: COMPOSITE,
    arrange: ({ stack }) => {
      const found = stack.packages[COMPOSITE_PACKAGE];
      if (found)
        found.resources = found.resources.map((resource) => ({
          ...resource,
          id: 'r2025',
          name: '2025-multi-age-composite-classes',
        }));
    },
    expect: {
      error: () =>
        `${COMPOSITE_TITLE}: the catalogue records no download URL for 2024-multi-age-composite-classes.csv, and package ${COMPOSITE_PACKAGE} in the portal's catalogue has no resource with name "2024-multi-age-composite-classes" any more (it lists: "2025-multi-age-composite-classes"). The file may have been withdrawn or renamed. Check https://data.nsw.gov.au/data/dataset/${COMPOSITE_PACKAGE} for 2024-multi-age-composite-classes.csv and update the source's meta.files.`,
    },
  },
  {
    id: 'csv: the CKAN package is gone',
    kind: 'csv',
    source: COMPOSITE,
    arrange: ({ stack }) => {
      delete stack.packages[COMPOSITE_PACKAGE];
    },
    expect: {
      error: ({ stack }) =>
        `${COMPOSITE_TITLE}: the catalogue records no download URL for 2024-multi-age-composite-classes.csv, and looking up package ${COMPOSITE_PACKAGE} (for resource with name "2024-multi-age-composite-classes") in the portal's catalogue failed: ${stack.portal.url}/data/api/3/action/package_show?id=${COMPOSITE_PACKAGE} answered HTTP 404 Not Found: the file is not there any more. Check the dataset's page on the portal for its current link. The portal said: "Not found".`,
    },
  },
  {
    id: 'xlsx: HTTP 404 on a host without a catalogue',
    kind: 'xlsx',
    source: STAFF,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, STAFF), { kind: 'status', status: 404 }),
    expect: {
      error: (context) =>
        `${STAFF_TITLE}: ${context.url(STAFF)} is gone (HTTP 404), and the source names no CKAN package to look up its current location. Check the publisher for ${STAFF_FILE} and update the source's meta.files.`,
    },
  },
  {
    id: 'csv: HTTP 500, retried',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, ATTENDANCE), { kind: 'status', status: 500 }),
    expect: {
      error: (context) =>
        `${ATTENDANCE_TITLE}: ${context.url(ATTENDANCE)} answered HTTP 500 Internal Server Error: the portal had a server error. Try again later. (Tried 2 times.)`,
    },
  },
  {
    id: 'csv: HTTP 503 once, then the file (recovered by the retry)',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) =>
      stack.portal.setFailure(pathOf(stack, ATTENDANCE), { kind: 'fail-times', times: 1, status: 503 }),
    expect: { warnings: () => [], rows: ({ baseline }) => baseline(ATTENDANCE) },
  },
  {
    id: 'xlsx: timeout',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, APPROVALS), { kind: 'slow', delayMs: 20_000 }),
    options: () => ({ settings: { retries: 0, timeoutMs: 3000 } }),
    expect: {
      error: (context) =>
        `${APPROVALS_TITLE}: ${context.url(APPROVALS)} did not arrive within 3 s. The portal may be slow or the file large: try again later, raise the timeout in Settings, or download the file yourself and load it from file.`,
    },
  },
  {
    id: 'csv: truncated body (the connection drops)',
    kind: 'csv',
    source: MASTER,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, MASTER), { kind: 'truncated' }),
    expect: {
      error: (context) => {
        const size = String(context.stack.files[pathOf(context.stack, MASTER)]?.body.length ?? 0);
        return `${MASTER_TITLE}: The download of ${context.url(MASTER)} stopped early (after ${Math.ceil(Number(size) / 2)} of ${Number(size) + 1000} bytes): the connection may have dropped. Try again. (Tried 2 times.)`;
      },
    },
  },
  {
    id: 'xlsx: truncated body (the connection drops)',
    kind: 'xlsx',
    source: STUDENTS,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, STUDENTS), { kind: 'truncated' }),
    expect: {
      error: (context) => {
        const size = context.stack.files[pathOf(context.stack, STUDENTS)]?.body.length ?? 0;
        return `${STUDENTS_TITLE}: The download of ${context.url(STUDENTS)} stopped early (after ${Math.ceil(size / 2)} of ${size + 1000} bytes): the connection may have dropped. Try again. (Tried 2 times.)`;
      },
    },
  },
  {
    id: 'csv: oversized body (declared)',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => publish(stack, ATTENDANCE, `school_code,school_name\n${'1001,x\n'.repeat((6 * MIB) / 7)}`),
    options: () => ({ settings: { maxBytes: 4 * MIB } }),
    expect: {
      error: (context) =>
        `${ATTENDANCE_TITLE}: ${context.url(ATTENDANCE)} is 6 MB, over the download limit of 4 MB. Raise the limit in Settings if you expected a file this large; otherwise check that the link points at the right file.`,
    },
  },
  {
    id: 'xlsx: oversized body (streamed, no length)',
    kind: 'xlsx',
    source: APPROVALS,
    arrange: ({ stack }) => {
      publish(stack, APPROVALS, new Uint8Array(6 * MIB), XLSX_TYPE);
      const file = stack.files[pathOf(stack, APPROVALS)];
      if (file) file.chunked = true;
    },
    options: () => ({ settings: { maxBytes: 4 * MIB } }),
    expect: {
      error: (context) =>
        `${APPROVALS_TITLE}: ${context.url(APPROVALS)} is larger than 4 MB, over the download limit of 4 MB. Raise the limit in Settings if you expected a file this large; otherwise check that the link points at the right file.`,
    },
  },
];

const proxyCases: CorpusCase[] = [
  {
    id: 'csv: blocked by CORS, no proxy set',
    kind: 'csv',
    source: MASTER,
    arrange: () => undefined,
    options: () => ({ blocked: true }),
    expect: {
      error: ({ stack }) =>
        `${MASTER_TITLE}: ${stack.portal.url.replace('http://', '')} did not answer this browser: the portal may not allow cross-site downloads (CORS), or you are offline. Set a CORS proxy in Settings, or download the file yourself and load it from file. (Tried 2 times.)`,
    },
  },
  {
    id: 'csv: blocked by CORS, loaded through the proxy',
    kind: 'csv',
    source: RAM,
    arrange: () => undefined,
    options: ({ proxies }) => ({ blocked: true, settings: { proxy: proxies.open } }),
    expect: { warnings: () => [], rows: ({ baseline }) => baseline(RAM) },
  },
  {
    id: 'csv: proxy 403 (the proxy refuses the host)',
    kind: 'csv',
    source: MASTER,
    arrange: () => undefined,
    options: ({ proxies }) => ({ blocked: true, settings: { proxy: proxies.refusing } }),
    expect: {
      error: (context) =>
        `${MASTER_TITLE}: ${context.url(MASTER)} answered HTTP 403 Forbidden (through your CORS proxy, which may itself have refused): access was refused. The file may no longer be public; check the dataset's page on the portal. The proxy said: "Refused ${context.url(MASTER)}: ${context.stack.portal.url.replace('http://', '')} is not in the proxy's allow-list (empty)." (Tried 2 times.)`,
    },
  },
  {
    id: 'xlsx: proxy 404 (the proxy address is wrong)',
    kind: 'xlsx',
    source: STAFF,
    arrange: () => undefined,
    options: ({ proxies }) => ({ blocked: true, settings: { proxy: proxies.missing } }),
    expect: {
      error: (context) =>
        `${STAFF_TITLE}: ${context.url(STAFF)} is gone (HTTP 404, through your CORS proxy, which said "Not found"), and the source names no CKAN package to look up its current location. If the CORS proxy address in Settings is wrong, correct it; otherwise check the publisher for ${STAFF_FILE} and update the source's meta.files.`,
    },
  },
  {
    id: 'csv: proxy 500 (the portal fails behind the proxy)',
    kind: 'csv',
    source: ATTENDANCE,
    arrange: ({ stack }) => stack.portal.setFailure(pathOf(stack, ATTENDANCE), { kind: 'status', status: 500 }),
    options: ({ proxies }) => ({ blocked: true, settings: { proxy: proxies.open } }),
    expect: {
      error: (context) =>
        `${ATTENDANCE_TITLE}: ${context.url(ATTENDANCE)} answered HTTP 500 Internal Server Error (through your CORS proxy, which may itself have refused): the portal had a server error. Try again later. The proxy said: "HTTP 500" (Tried 3 times.)`,
    },
  },
  {
    id: 'xlsx: proxy 502 (over the proxy size limit)',
    kind: 'xlsx',
    source: STUDENTS,
    arrange: () => undefined,
    options: ({ proxies }) => ({ blocked: true, settings: { proxy: proxies.small } }),
    expect: {
      error: (context) => {
        const size = context.stack.files[pathOf(context.stack, STUDENTS)]?.body.length ?? 0;
        return `${STUDENTS_TITLE}: ${context.url(STUDENTS)} answered HTTP 502 Bad Gateway (through your CORS proxy, which may itself have refused): the portal had a server error. Try again later. The proxy said: "Upstream response is ${size} bytes, over the proxy's limit of 1000 bytes." (Tried 3 times.)`;
      },
    },
  },
];

/** Every case, by kind of source. */
export const CORPUS: readonly CorpusCase[] = [
  ...csvCases,
  ...xlsxCases,
  ...datastoreCases,
  ...networkCases,
  ...proxyCases,
];
