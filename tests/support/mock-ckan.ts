/**
 * The two CKAN actions the mock portal answers, shaped like Data.NSW's answers: `package_show` and
 * `datastore_search` (with `_links` relative to the site root `/data`, the way CKAN builds them from the
 * request's own path and query, and with the `_id` column DataStore adds).
 */
import type { MockReply, MockRequest } from './mock-portal.ts';

/** One resource of a package; a `url` starting with `/` is served from the mock's own origin. */
export interface MockResource {
  /** Resource id. */
  id: string;
  /** Resource name. */
  name: string;
  /** Download URL. */
  url: string;
}

/** A package for `package_show`. */
export interface MockPackage {
  /** Title; default the id. */
  title?: string;
  /** Its resources. */
  resources: MockResource[];
}

/** A DataStore table. */
export interface MockDataStore {
  /** Columns (without `_id`, which is added). */
  fields: { id: string; type: string }[];
  /** Rows (without `_id`, which is added, 1-based). */
  records: Record<string, unknown>[];
  /** Answer every `datastore_search` of this resource with this instead (an error status, a web page, bad JSON). */
  reply?: MockReply;
}

const SITE_ROOT = '/data';

/** `package_show?id=`. */
export function packageShow(request: MockRequest, packages: Record<string, MockPackage>): MockReply {
  const id = request.query.get('id') ?? '';
  const found = packages[id];
  if (!found) return ckanError(404, { message: 'Not found', __type: 'Not Found Error' });
  const resources = found.resources.map((resource) => ({
    ...resource,
    package_id: id,
    url: resource.url.startsWith('/') ? request.origin + resource.url : resource.url,
  }));
  return ckanResult('package_show', { id, name: id, title: found.title ?? id, resources });
}

/** `datastore_search?resource_id=&limit=&offset=` (CKAN's default limit is 100). */
export function datastoreSearch(request: MockRequest, tables: Record<string, MockDataStore>): MockReply {
  const id = request.query.get('resource_id');
  if (!id) return ckanError(409, { resource_id: ['Missing value'], __type: 'Validation Error' });
  const table = tables[id];
  if (!table)
    return ckanError(404, { message: `Not found: Resource "${id}" was not found.`, __type: 'Not Found Error' });
  if (table.reply) return table.reply;
  const limit = Number(request.query.get('limit') ?? 100);
  const offset = Number(request.query.get('offset') ?? 0);
  const records = table.records
    .slice(offset, offset + limit)
    .map((record, index) => ({ _id: offset + index + 1, ...record }));
  const path = request.path.slice(SITE_ROOT.length);
  const start = new URLSearchParams(request.query);
  start.delete('offset');
  const next = new URLSearchParams(request.query);
  next.set('offset', String(offset + limit));
  return ckanResult('datastore_search', {
    include_total: true,
    resource_id: id,
    fields: [{ id: '_id', type: 'int' }, ...table.fields],
    records_format: 'objects',
    records,
    limit,
    ...(request.query.has('offset') ? { offset } : {}),
    _links: { start: `${path}?${start.toString()}`, next: `${path}?${next.toString()}` },
    total: table.records.length,
  });
}

function ckanResult(action: string, result: Record<string, unknown>): MockReply {
  const help = `https://data.nsw.gov.au/data/api/3/action/help_show?name=${action}`;
  return { body: JSON.stringify({ help, success: true, result }), contentType: 'application/json;charset=utf-8' };
}

function ckanError(status: number, error: Record<string, unknown>): MockReply {
  const body = JSON.stringify({ help: 'https://data.nsw.gov.au/data/api/3/action/help_show', success: false, error });
  return { status, body, contentType: 'application/json;charset=utf-8' };
}
