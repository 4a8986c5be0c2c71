/**
 * The source catalogue: what each dataset is, where it lives on the portal, and the contract its files
 * must meet. It is data in the project (the `meta:` of each source table in models/staging/_sources.yml),
 * read here into typed specs.
 */
import type { SourceNode } from '../project/types.ts';

/** How a dataset is published. */
export type SourceFormat = 'csv' | 'xlsx' | 'datastore';

/**
 * How a column's text must parse. A key column's bad value quarantines its row; any other column's bad value
 * becomes NULL in the raw table, with a warning (a real row is never lost for one attribute).
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'money' | 'percent' | 'date';

/** One expected column of a source file. */
export interface ColumnSpec {
  /** The canonical name: the raw table's column is always called this, whatever the file's header says. */
  name: string;
  /** Other headers seen for this column in some years (matched case- and whitespace-insensitively). */
  aliases: string[];
  /** How the text must parse (blank and suppressed codes always pass, as NULL). */
  type: ColumnType;
  /** Whether a file without this column is rejected. */
  required: boolean;
  /**
   * Part of the row's key (with `_year` for multi-file sources): a row whose key value is missing, does not
   * parse, is out of bounds, or repeats an earlier row's key is quarantined.
   */
  key?: boolean | undefined;
  /** Smallest valid value (numbers), inclusive. */
  min?: number | undefined;
  /** Largest valid value (numbers), inclusive. */
  max?: number | undefined;
  /**
   * For families of columns such as one per year (`2011`, `2012`, … or `PCT_COMPOSITE_CLASSES_14`): a
   * regular expression; every header cell it matches is a column of this type, named as published.
   */
  pattern?: string | undefined;
}

/** A rule naming rows that are not data (state totals, footnotes): kept in raw, dropped by staging, never quarantined. */
export interface DropRule {
  /** The canonical column the rule looks at. */
  column: string;
  /** Rows whose trimmed value equals one of these (an empty string means blank). */
  equals?: string[] | undefined;
  /** Rows whose value matches this regular expression. */
  matches?: string | undefined;
  /** Why these rows are not data, for the load report. */
  reason: string;
}

/** One downloadable file (or DataStore resource) of a dataset. */
export interface SourceFileSpec {
  /** CKAN resource id. */
  resourceId?: string | undefined;
  /** CKAN resource name, used to find the current URL through package_show when the URL is gone. */
  resourceName?: string | undefined;
  /** The last known download URL (CSV/XLSX) — absent for DataStore resources. */
  url?: string | undefined;
  /** For multi-file sources, the year this file holds (loaded into `_year`). */
  year?: number | undefined;
  /** The file's name: the last segment of its URL, or `<resource id>.json` for DataStore resources. */
  fileName: string;
}

/** A dataset: documentation, location, format and contract. */
export interface SourceSpec {
  /** `source.<project>.<source>.<table>`. */
  uniqueId: string;
  /** Human title. */
  title: string;
  /** Who publishes it. */
  publisher: string;
  /** Licence of the data. */
  licence: string;
  /** The dataset's page. */
  homepage?: string | undefined;
  /** CKAN package id. */
  packageId?: string | undefined;
  /** How it is published. */
  format: SourceFormat;
  /** Sheet to read (XLSX). */
  sheet?: string | undefined;
  /** The files; one raw table holds them all. */
  files: SourceFileSpec[];
  /** Expected columns. */
  columns: ColumnSpec[];
  /** Texts meaning "no value" (np = not published, na, sp = suppressed, NULL, -). */
  suppressed: string[];
  /** Rows that are not data. */
  dropRows: DropRule[];
  /** The offline sample's generator name. */
  sample?: string | undefined;
}

const FORMATS: readonly SourceFormat[] = ['csv', 'xlsx', 'datastore'];
const TYPES: readonly ColumnType[] = ['text', 'integer', 'number', 'money', 'percent', 'date'];

/** Read a source node's `meta:` into a spec; problems are returned as messages naming the field. */
export function readSourceSpec(source: SourceNode): { spec?: SourceSpec; problems: string[] } {
  const meta = source.meta;
  const problems: string[] = [];
  const format = (meta.format ?? 'csv') as SourceFormat;
  if (!FORMATS.includes(format))
    problems.push(`meta.format '${String(meta.format)}' is not one of ${FORMATS.join(', ')}.`);
  const files = list(meta.files).map((entry, index) => readFile(record(entry), index, format, problems));
  if (files.length === 0) problems.push('meta.files lists no file.');
  const columns = list(meta.columns).map((entry, index) => readColumn(record(entry), index, problems));
  if (problems.length > 0) return { problems };
  return {
    problems,
    spec: {
      uniqueId: source.uniqueId,
      title: text(meta.title) ?? source.name,
      publisher: text(meta.publisher) ?? '',
      licence: text(meta.licence) ?? '',
      homepage: text(meta.homepage),
      packageId: text(meta.package_id),
      format,
      sheet: text(meta.sheet),
      files,
      columns,
      suppressed: list(meta.suppressed).map(String),
      dropRows: list(meta.drop_rows).map((entry) => {
        const rule = record(entry);
        return {
          column: String(rule.column ?? ''),
          equals: rule.equals === undefined ? undefined : list(rule.equals).map(String),
          matches: text(rule.matches),
          reason: text(rule.reason) ?? 'not a data row',
        };
      }),
      sample: text(meta.sample),
    },
  };
}

function readFile(
  entry: Record<string, unknown>,
  index: number,
  format: SourceFormat,
  problems: string[],
): SourceFileSpec {
  const url = text(entry.url);
  const resourceId = text(entry.resource_id);
  const fileName = format === 'datastore' ? `${resourceId ?? 'resource'}.json` : (text(entry.file) ?? lastSegment(url));
  if (format === 'datastore' && !resourceId) problems.push(`meta.files[${index}] needs resource_id (DataStore).`);
  // Without a last-known URL, the current one is looked up through package_show by resource name.
  if (format !== 'datastore' && !url && !text(entry.resource_name))
    problems.push(`meta.files[${index}] needs url, or resource_name to look it up.`);
  return {
    resourceId,
    resourceName: text(entry.resource_name),
    url,
    year: typeof entry.year === 'number' ? entry.year : undefined,
    fileName,
  };
}

function readColumn(entry: Record<string, unknown>, index: number, problems: string[]): ColumnSpec {
  const name = text(entry.name);
  const type = (entry.type ?? 'text') as ColumnType;
  if (!name) problems.push(`meta.columns[${index}] has no name.`);
  if (typeof entry.pattern === 'string') {
    try {
      new RegExp(entry.pattern);
    } catch {
      problems.push(`meta.columns[${index}] (${name}): pattern '${entry.pattern}' is not a valid regular expression.`);
    }
  }
  if (entry.key === true && typeof entry.pattern === 'string')
    problems.push(`meta.columns[${index}] (${name}): a column family (pattern) cannot be part of the key.`);
  if (!TYPES.includes(type))
    problems.push(`meta.columns[${index}] (${name}): type '${String(entry.type)}' is not one of ${TYPES.join(', ')}.`);
  return {
    name: name ?? '',
    aliases: list(entry.aliases).map(String),
    type,
    required: entry.required === true,
    key: entry.key === true,
    min: typeof entry.min === 'number' ? entry.min : undefined,
    max: typeof entry.max === 'number' ? entry.max : undefined,
    pattern: text(entry.pattern),
  };
}

function lastSegment(url: string | undefined): string {
  if (!url) return 'file';
  const path = url.split('?')[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
