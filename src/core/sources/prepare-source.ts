import type { ColumnSpec, DropRule, SourceFileSpec, SourceSpec } from './catalogue.ts';
import { checkValue, isBlankCell } from './check-value.ts';
import {
  describeHeaderWarnings,
  describeMissingColumns,
  describeWrongDelimiter,
  matchHeader,
  NOT_LOADED,
  scoreHeader,
  type HeaderMatch,
} from './contract.ts';
import { formatCsv } from './csv.ts';

/** What loading one source did, for the Sources page and the CLI. */
export interface LoadReport {
  /** The source's unique id. */
  uniqueId: string;
  /** Its title. */
  title: string;
  /** Each file read: where from, which row held the header, how many data rows. */
  files: Array<{ fileName: string; origin: string; headerRow: number; rowsRead: number }>;
  /** Data rows read (blank rows not counted). */
  rowsRead: number;
  /** Rows loaded into the raw table. */
  rowsLoaded: number;
  /** Rows whose key is missing, malformed or repeated, loaded into the quarantine table with the reason. */
  rowsQuarantined: number;
  /** Rows the catalogue names as not data (totals, footnotes): loaded, and dropped by staging. */
  rowsNotData: Array<{ reason: string; count: number }>;
  /** Entirely blank rows skipped. */
  blankRows: number;
  /** Header drift and other things worth knowing. */
  warnings: string[];
  /** Why the source was not loaded. */
  error?: string | undefined;
  /** When its files were fetched from the publisher (the earliest of them), ISO 8601. */
  fetchedAt?: string | undefined;
}

/** A source ready to load: the accepted rows and the quarantined rows as CSV, plus the report. */
export interface PreparedSource {
  /** What happened to every row and file, for the Sources page and the CLI log. */
  report: LoadReport;
  /** Accepted rows under canonical column names, plus `_year` (multi-file sources) and `_source`. */
  csv?: string | undefined;
  /** Rows that broke the contract, with `_reason` and `_row` (line in their file). */
  quarantineCsv?: string | undefined;
}

/** One file's cells, as read from CSV, XLSX or DataStore JSON. */
export interface SourceTable {
  /** The file in the catalogue. */
  file: SourceFileSpec;
  /** Where it was read from (URL, path, or `sample:`), stored in `_source`. */
  origin: string;
  /** Every row, title rows above the header included. */
  rows: string[][];
  /** How the file was read, when worth knowing (another encoding, another sheet). */
  warnings?: readonly string[] | undefined;
}

/**
 * Apply a source's contract to its files: find each header (below any title rows), map it to canonical
 * names, and sort every row into loaded, quarantined (with the reason) or not-data (by the catalogue's
 * rules). Only a row whose key is missing, malformed or repeated is quarantined; any other value that breaks
 * its column's type or bounds is loaded as NULL and counted in a warning. Nothing is dropped silently: every
 * row is counted in the report.
 */
export function prepareSource(options: { spec: SourceSpec; tables: readonly SourceTable[] }): PreparedSource {
  const { spec, tables } = options;
  const report = emptyLoadReport({ uniqueId: spec.uniqueId, title: spec.title });
  const matched = tables.map((table) => {
    const headerRow = findHeaderRow({ spec, rows: table.rows });
    return { table, headerRow, ...readHeader({ spec, rows: table.rows, headerRow, fileName: table.file.fileName }) };
  });
  const broken = matched.find(({ match }) => match.missingRequired.length > 0);
  if (broken) {
    const fileName = broken.table.file.fileName;
    report.error =
      (spec.format === 'csv'
        ? describeWrongDelimiter({ title: spec.title, fileName, header: broken.header })
        : undefined) ??
      describeMissingColumns({ title: spec.title, fileName, match: broken.match, header: broken.header });
    return { report };
  }
  const empty = matched.find(({ table, headerRow }) =>
    table.rows.slice(headerRow + 1).every((cells) => cells.every((cell) => cell.trim() === '')),
  );
  if (empty) {
    report.error = `${spec.title}: ${empty.table.file.fileName} has a header but no data rows. ${NOT_LOADED} Check the dataset's page on the portal, and load the source again once the file has rows.`;
    return { report };
  }
  // Output columns: every matched column (named ones in catalogue order, then families as published), then extras.
  const specOf = new Map<string, ColumnSpec>();
  for (const { match } of matched) for (const column of match.columns) specOf.set(column.canonical, column.spec);
  const canonical = [...specOf.keys()].sort((a, b) => rank(spec, specOf, a) - rank(spec, specOf, b));
  const extras = [...new Set(matched.flatMap(({ match }) => match.extras.map((e) => e.name)))].filter(
    (name) => !canonical.includes(name),
  );
  const withYear = tables.some((table) => table.file.year !== undefined);
  const outputColumns = [...canonical, ...extras, ...(withYear ? ['_year'] : []), '_source'];
  const accepted: string[][] = [outputColumns];
  const quarantined: string[][] = [[...outputColumns, '_reason', '_row']];
  const notData = new Map<string, number>();
  const seenKeys = new Map<string, { row: number; fileName: string }>();
  const nulled = new Map<string, { count: number; problem: string; row: number; fileName: string }>();
  let firstQuarantined: { problem: string; row: number; fileName: string } | undefined;
  for (const { table, headerRow, header, match, merged } of matched) {
    const fileName = table.file.fileName;
    report.warnings.push(...(table.warnings ?? []));
    if (merged) report.warnings.push(merged);
    report.warnings.push(...describeHeaderWarnings({ fileName, match }));
    const positions = columnPositions({ match, names: [...canonical, ...extras] });
    const ragged = new RaggedRows(spec.format === 'csv' ? lastCell(header) + 1 : undefined);
    let rowsRead = 0;
    table.rows.slice(headerRow + 1).forEach((cells, offset) => {
      if (cells.every((cell) => cell.trim() === '')) {
        report.blankRows++;
        return;
      }
      rowsRead++;
      const values = positions.map((index) => (index === undefined ? '' : (cells[index] ?? '')));
      const out = [...values, ...(withYear ? [String(table.file.year ?? '')] : []), table.origin];
      const rule = matchingDropRule({ rules: spec.dropRows, names: [...canonical, ...extras], values });
      if (rule) {
        notData.set(rule.reason, (notData.get(rule.reason) ?? 0) + 1);
        accepted.push(out);
        return;
      }
      const row = headerRow + offset + 2;
      ragged.add(cells, row);
      const checked = checkRow({ spec, specOf, canonical, values });
      const key = checked.keyProblems.length === 0 ? keyOf({ spec, specOf, canonical, values, table }) : undefined;
      const first = key === undefined ? undefined : seenKeys.get(key);
      if (first) checked.keyProblems.push(`duplicate key: the same as row ${first.row} of ${first.fileName}`);
      else if (key !== undefined) seenKeys.set(key, { row, fileName: table.file.fileName });
      if (checked.keyProblems.length > 0) {
        quarantined.push([...out, checked.keyProblems.join('; '), String(row)]);
        firstQuarantined ??= { problem: checked.keyProblems.join('; '), row, fileName };
        return;
      }
      for (const { at, problem } of checked.nulled) {
        out[at] = '';
        const name = canonical[at] as string;
        const tally = nulled.get(name) ?? { count: 0, problem, row, fileName: table.file.fileName };
        nulled.set(name, { ...tally, count: tally.count + 1 });
      }
      accepted.push(out);
    });
    report.warnings.push(...ragged.describe(fileName));
    report.files.push({ fileName, origin: table.origin, headerRow: headerRow + 1, rowsRead });
    report.rowsRead += rowsRead;
  }
  report.rowsLoaded = accepted.length - 1;
  report.rowsQuarantined = quarantined.length - 1;
  report.rowsNotData = [...notData].map(([reason, count]) => ({ reason, count }));
  report.warnings.push(...describeAbsentColumns({ spec, matched }));
  for (const [name, tally] of nulled)
    report.warnings.push(
      `${spec.title}: ${tally.count} value${tally.count === 1 ? '' : 's'} of ${name} could not be used and ${tally.count === 1 ? 'was' : 'were'} loaded as NULL, the rest of ${tally.count === 1 ? 'its row' : 'their rows'} kept (e.g. ${tally.problem}, row ${tally.row} of ${tally.fileName}). If such values are real, widen the column's type or bounds in the source's meta.columns.`,
    );
  if (firstQuarantined) {
    const one = report.rowsQuarantined === 1;
    const { problem, row, fileName } = firstQuarantined;
    report.warnings.push(
      `${spec.title}: ${report.rowsQuarantined} row${one ? '' : 's'} quarantined because ${one ? 'its' : 'their'} key is missing, malformed or repeated (e.g. row ${row} of ${fileName}: ${problem}). ${one ? 'It is' : 'They are'} kept in the quarantine table, not lost: check ${one ? 'it' : 'them'} there, and tell the publisher if the file is wrong.`,
    );
  }
  return { report, csv: formatCsv(accepted), quarantineCsv: formatCsv(quarantined) };
}

/** A report of nothing loaded yet (or, with `error`, of a source that could not load). */
export function emptyLoadReport(options: { uniqueId: string; title: string; error?: string }): LoadReport {
  return {
    ...options,
    files: [],
    rowsRead: 0,
    rowsLoaded: 0,
    rowsQuarantined: 0,
    rowsNotData: [],
    blankRows: 0,
    warnings: [],
  };
}

/**
 * The row holding the header: among the first rows (XLSX files put titles above it), the one naming the
 * most expected columns; the first row when none does.
 */
export function findHeaderRow(options: { spec: Pick<SourceSpec, 'columns'>; rows: readonly string[][] }): number {
  let best = 0;
  let bestScore = 0;
  options.rows.slice(0, 20).forEach((row, index) => {
    const score = scoreHeader(options.spec, row);
    if (score > bestScore) [best, bestScore] = [index, score];
  });
  return best;
}

/**
 * The header at `headerRow`, matched. When it lacks required columns and the row above fills its blank
 * cells (a header over two rows, its first cells merged down), the two rows are read as one, with a warning
 * naming the cells of the upper row that were left out.
 */
function readHeader(options: { spec: SourceSpec; rows: readonly string[][]; headerRow: number; fileName: string }): {
  header: string[];
  match: HeaderMatch;
  merged?: string | undefined;
} {
  const { spec, rows, headerRow } = options;
  const header = rows[headerRow] ?? [];
  const match = matchHeader({ spec, header });
  const above = rows[headerRow - 1];
  if (match.missingRequired.length === 0 || !above) return { header, match };
  const width = Math.max(header.length, above.length);
  const combined = Array.from({ length: width }, (_, i) =>
    (header[i] ?? '').trim() !== '' ? (header[i] ?? '') : (above[i] ?? ''),
  );
  const combinedMatch = matchHeader({ spec, header: combined });
  if (combinedMatch.missingRequired.length >= match.missingRequired.length) return { header, match };
  const left = above
    .filter((cell, i) => cell.trim() !== '' && (header[i] ?? '').trim() !== '')
    .map((cell) => `'${cell.trim()}'`);
  const leftOut =
    left.length === 0 ? '' : `; ${left.join(', ')} on row ${headerRow} ${left.length === 1 ? 'was' : 'were'} left out`;
  return {
    header: combined,
    match: combinedMatch,
    merged: `${options.fileName}: read the header from rows ${headerRow} and ${headerRow + 1} together (merged cells)${leftOut}.`,
  };
}

/** Named optional columns that no file of the source has: NULL in the raw table, which staging would not say. */
function describeAbsentColumns(options: {
  spec: SourceSpec;
  matched: ReadonlyArray<{ table: SourceTable; match: HeaderMatch }>;
}): string[] {
  const { spec, matched } = options;
  const named = new Set(spec.columns.filter((c) => c.pattern === undefined).map((c) => c.name));
  const absent = spec.columns
    .filter((c) => named.has(c.name) && !c.required)
    .map((c) => c.name)
    .filter((name) => matched.every(({ match }) => match.missingOptional.includes(name)));
  if (absent.length === 0) return [];
  const one = absent.length === 1;
  const columns = `${one ? 'column' : 'columns'} ${absent.join(', ')}`;
  const where =
    matched.length === 1
      ? `${matched[0]?.table.file.fileName ?? ''} has no ${columns}`
      : `None of the ${matched.length} files of ${spec.title} has ${columns}`;
  return [
    `${where}: ${one ? 'it is' : 'they are'} NULL in the raw table. If the publisher renamed ${absent.length === 1 ? 'it' : 'them'}, add the new header to the column's aliases in the source's meta.columns.`,
  ];
}

/** The index of a row's last non-blank cell (-1 when it has none). */
function lastCell(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if ((cells[i] ?? '').trim() !== '') return i;
  return -1;
}

/**
 * Rows of a CSV file with more cells than its header (an unquoted comma shifts a row's columns) or fewer (a
 * broken line), counted with the first of each for the warning. XLSX and DataStore rows are not ragged:
 * a sheet's row ends at its last filled cell, and every record has every field.
 */
class RaggedRows {
  #long: { count: number; row: number; cells: number } = { count: 0, row: 0, cells: 0 };
  #short: { count: number; row: number; cells: number } = { count: 0, row: 0, cells: 0 };
  constructor(readonly width: number | undefined) {}

  add(cells: readonly string[], row: number): void {
    if (this.width === undefined) return;
    const tally = lastCell(cells) >= this.width ? this.#long : cells.length < this.width ? this.#short : undefined;
    if (!tally) return;
    if (tally.count === 0) [tally.row, tally.cells] = [row, cells.length];
    tally.count++;
  }

  describe(fileName: string): string[] {
    const warnings: string[] = [];
    const rows = (count: number) => (count === 1 ? '1 row has' : `${count} rows have`);
    const them = (count: number) => (count === 1 ? 'it' : 'them');
    const [long, short, width] = [this.#long, this.#short, this.width ?? 0];
    if (long.count > 0)
      warnings.push(
        `${fileName}: ${rows(long.count)} more cells than the header (row ${long.row}: ${long.cells} cells, the header ${width}); the cells past the header were not loaded. An unquoted comma may have shifted ${long.count === 1 ? 'its' : 'their'} columns: check ${them(long.count)} in the raw table.`,
      );
    if (short.count > 0)
      warnings.push(
        `${fileName}: ${rows(short.count)} fewer cells than the header (row ${short.row}: ${short.cells} cells, the header ${width}); the missing cells were loaded as empty. The line may have been broken or cut: check ${them(short.count)} in the raw table.`,
      );
    return warnings;
  }
}

/** Named columns keep the catalogue's order; columns of a family follow their family's place. */
function rank(spec: SourceSpec, specOf: Map<string, ColumnSpec>, name: string): number {
  return spec.columns.indexOf(specOf.get(name) as ColumnSpec);
}

function columnPositions(options: { match: HeaderMatch; names: string[] }): Array<number | undefined> {
  return options.names.map(
    (name) =>
      options.match.columns.find((c) => c.canonical === name)?.index ??
      options.match.extras.find((e) => e.name === name)?.index,
  );
}

function matchingDropRule(options: {
  rules: readonly DropRule[];
  names: string[];
  values: string[];
}): DropRule | undefined {
  return options.rules.find((rule) => {
    const value = (options.values[options.names.indexOf(rule.column)] ?? '').trim();
    if (options.names.indexOf(rule.column) < 0) return false;
    if (rule.equals && rule.equals.includes(value)) return true;
    return rule.matches !== undefined && new RegExp(rule.matches).test(value);
  });
}

/** A row's contract problems: those of its key (which quarantine it) and the attribute cells to load as NULL. */
function checkRow(options: {
  spec: SourceSpec;
  specOf: Map<string, ColumnSpec>;
  canonical: readonly string[];
  values: readonly string[];
}): { keyProblems: string[]; nulled: Array<{ at: number; problem: string }> } {
  const { spec, specOf, canonical, values } = options;
  const keyProblems: string[] = [];
  const nulled: Array<{ at: number; problem: string }> = [];
  canonical.forEach((name, at) => {
    const column = specOf.get(name) as ColumnSpec;
    const value = values[at] ?? '';
    if (column.key && isBlankCell(value, spec.suppressed)) {
      keyProblems.push(`${name}: the key is missing`);
      return;
    }
    const problem = checkValue({ column: { ...column, name }, value, suppressed: spec.suppressed });
    if (problem && column.key) keyProblems.push(problem);
    else if (problem) nulled.push({ at, problem });
  });
  return { keyProblems, nulled };
}

/** The row's key (its key columns' trimmed values, and the file's year), or undefined when the source declares none. */
function keyOf(options: {
  spec: SourceSpec;
  specOf: Map<string, ColumnSpec>;
  canonical: readonly string[];
  values: readonly string[];
  table: SourceTable;
}): string | undefined {
  const parts = options.canonical.flatMap((name, at) =>
    options.specOf.get(name)?.key ? [(options.values[at] ?? '').trim().toLowerCase()] : [],
  );
  return parts.length === 0 ? undefined : JSON.stringify([...parts, options.table.file.year ?? null]);
}
