import type { SampleFile } from './sample-file.ts';

/** The `help` link every Data.NSW `datastore_search` response starts with. */
export const DATASTORE_HELP = 'https://data.nsw.gov.au/data/api/3/action/help_show?name=datastore_search';

/** A record as DataStore returns it: text values, `null` for empty cells (`_id` is added). */
export type DatastoreRecord = Readonly<Record<string, string | null>>;

/** Options of `formatDatastorePage`. */
export interface DatastorePageOptions {
  /** The resource id; the file is named `<resource id>.json`. */
  resourceId: string;
  /** The resource's columns in order, all of DataStore type `text` (`_id`, type `int`, goes first). */
  columns: readonly string[];
  /** The records, in order; each gets `_id` 1, 2, 3, … as its first key. */
  records: readonly DatastoreRecord[];
}

/**
 * A `datastore_search` response holding every record on one page, so a bundled file and a live page go through
 * the same parser: `{help, success, result: {include_total, resource_id, fields, records_format, records, limit,
 * offset, total, _links}}`. Written as CKAN (Python's `json.dumps`) writes it: `", "` and `": "` separators,
 * non-ASCII escaped, no final newline. `_links.next` points past the last record, where a live page would be empty.
 */
export function formatDatastorePage(options: DatastorePageOptions): SampleFile {
  const { resourceId, columns, records } = options;
  const total = records.length;
  const result = {
    include_total: true,
    resource_id: resourceId,
    fields: [{ id: '_id', type: 'int' }, ...columns.map((id) => ({ id, type: 'text' }))],
    records_format: 'objects',
    // Maps keep the column order: a plain object would put keys like `2020` first.
    records: records.map(
      (record, index) =>
        new Map<string, unknown>([['_id', index + 1], ...columns.map((c) => [c, record[c] ?? null] as const)]),
    ),
    limit: total,
    offset: 0,
    total,
    _links: {
      start: `/api/3/action/datastore_search?resource_id=${resourceId}`,
      next: `/api/3/action/datastore_search?offset=${total}&resource_id=${resourceId}`,
    },
  };
  const content = toPythonJson({ help: DATASTORE_HELP, success: true, result });
  return { fileName: `${resourceId}.json`, content };
}

/** JSON with Python's default separators and `ensure_ascii` escaping; a `Map` is an object in insertion order. */
function toPythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toPythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const members = entries.map(([key, item]) => `${toPythonJson(key)}: ${toPythonJson(item)}`);
    return `{${members.join(', ')}}`;
  }
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
