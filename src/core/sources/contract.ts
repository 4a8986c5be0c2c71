import { nearestNames } from '../text/nearest.ts';
import type { ColumnSpec, SourceSpec } from './catalogue.ts';

/** How a file's header lines up with the source's expected columns. */
export interface HeaderMatch {
  /** Expected columns found, by their position in the file, with the spec each one is checked against. */
  columns: Array<{ index: number; canonical: string; actual: string; spec: ColumnSpec }>;
  /** Columns the catalogue does not know: kept, under their trimmed header text. */
  extras: Array<{ index: number; name: string }>;
  /** Required columns not found: the file cannot be loaded. */
  missingRequired: string[];
  /** Optional columns not found (normal for sources whose columns vary by year). */
  missingOptional: string[];
}

/**
 * Match a header to the catalogue's columns case- and whitespace-insensitively, trying each column's known
 * aliases. Each header cell matches at most one column.
 */
export function matchHeader(options: { spec: Pick<SourceSpec, 'columns'>; header: readonly string[] }): HeaderMatch {
  const { spec, header } = options;
  const normalised = header.map(normalise);
  const used = new Set<number>();
  const columns: HeaderMatch['columns'] = [];
  const missingRequired: string[] = [];
  const missingOptional: string[] = [];
  for (const column of spec.columns.filter((c) => c.pattern === undefined)) {
    const index = findColumn(column, normalised, used);
    if (index === undefined) (column.required ? missingRequired : missingOptional).push(column.name);
    else {
      used.add(index);
      columns.push({ index, canonical: column.name, actual: header[index] ?? '', spec: column });
    }
  }
  for (const column of spec.columns.filter((c) => c.pattern !== undefined)) {
    const pattern = new RegExp(column.pattern ?? '', 'i');
    const found = header.flatMap((cell, index) => (!used.has(index) && pattern.test(cell.trim()) ? [index] : []));
    for (const index of found) {
      used.add(index);
      const actual = header[index] ?? '';
      columns.push({ index, canonical: actual.trim(), actual, spec: column });
    }
    if (found.length === 0) (column.required ? missingRequired : missingOptional).push(column.name);
  }
  const extras = header
    .map((name, index) => ({ index, name: name.trim() }))
    .filter(({ index, name }) => !used.has(index) && name.length > 0);
  columns.sort((a, b) => a.index - b.index);
  return { columns, extras, missingRequired, missingOptional };
}

/** Said of every source that cannot be loaded: the failure is its own, and the build goes on without it. */
export const NOT_LOADED = 'It was not loaded; other sources were.';

/** How many cells of a row name an expected column (by name, alias or family pattern): how header-like it is. */
export function scoreHeader(spec: Pick<SourceSpec, 'columns'>, row: readonly string[]): number {
  const wanted = new Set(
    spec.columns.flatMap((c) => (c.pattern === undefined ? [c.name, ...c.aliases] : [])).map(normalise),
  );
  const patterns = spec.columns.flatMap((c) => (c.pattern === undefined ? [] : [new RegExp(c.pattern, 'i')]));
  return row.filter((cell) => wanted.has(normalise(cell)) || patterns.some((pattern) => pattern.test(cell.trim())))
    .length;
}

/**
 * The error for a CSV file split by another character: a header of one cell that `;`, a tab or `|` splits
 * into several names. Undefined when the header does not look like that.
 */
export function describeWrongDelimiter(options: {
  title: string;
  fileName: string;
  header: readonly string[];
}): string | undefined {
  const cells = options.header.filter((cell) => cell.trim() !== '');
  if (cells.length !== 1) return undefined;
  const only = cells[0] as string;
  const found = [';', '\t', '|']
    .map((char) => ({ char, parts: only.split(char).length }))
    .sort((a, b) => b.parts - a.parts)[0];
  if (!found || found.parts < 3) return undefined;
  const name = found.char === '\t' ? 'tabs' : `'${found.char}'`;
  return `${options.title}: ${options.fileName} is separated by ${name}, not commas: its header is one cell holding ${found.parts} names. ${NOT_LOADED} Save it as comma-separated CSV and load it from file, or check the dataset's page for the CSV.`;
}

/** The error for a file missing required columns: which, and the closest columns the file does have. */
export function describeMissingColumns(options: {
  title: string;
  fileName: string;
  match: HeaderMatch;
  header: readonly string[];
}): string {
  const { title, fileName, match, header } = options;
  const found = header.map((h) => h.trim()).filter(Boolean);
  const closest = match.missingRequired.map((name) => {
    const near = nearestNames({ name, candidates: found, limit: 2 });
    return near.length > 0 ? `${name} (closest: ${near.map((n) => `'${n}'`).join(', ')})` : name;
  });
  const one = match.missingRequired.length === 1;
  return (
    `${title}: ${fileName} is missing required column${one ? '' : 's'} ${closest.join('; ')}. ${NOT_LOADED} ` +
    `If the publisher renamed ${one ? 'it' : 'them'}, add the new header to the column's aliases in the source's meta.columns; otherwise check that this is the right file.`
  );
}

/** Warnings for a file that loads: columns renamed by alias or case, unknown extras, absent optional columns. */
export function describeHeaderWarnings(options: { fileName: string; match: HeaderMatch }): string[] {
  const { fileName, match } = options;
  const warnings: string[] = [];
  // Padding alone is not worth a warning (the match ignores it); an alias or a change of case is.
  const renamed = match.columns.filter((c) => c.actual.trim().replace(/\s+/g, ' ') !== c.canonical);
  if (renamed.length > 0)
    warnings.push(`${fileName}: read ${renamed.map((c) => `'${c.actual}' as ${c.canonical}`).join(', ')}.`);
  if (match.extras.length > 0)
    warnings.push(
      `${fileName}: unexpected column${match.extras.length === 1 ? '' : 's'} ${match.extras.map((e) => `'${e.name}'`).join(', ')} kept as published.`,
    );
  return warnings;
}

function findColumn(column: ColumnSpec, header: readonly string[], used: ReadonlySet<number>): number | undefined {
  for (const name of [column.name, ...column.aliases].map(normalise)) {
    const index = header.findIndex((cell, i) => cell === name && !used.has(i));
    if (index >= 0) return index;
  }
  return undefined;
}

/** Case- and whitespace-insensitive form of a header: `' Sum of  RAM $ '` → `'sum of ram $'`. */
export function normalise(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}
