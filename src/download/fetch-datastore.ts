/**
 * Reading a whole CKAN DataStore table through `datastore_search`, page by page, into one JSON document
 * shaped like a single page. CKAN's own advice: follow `result._links.next` until a page has no records.
 * https://docs.ckan.org/en/latest/maintaining/datastore.html#ckanext.datastore.logic.action.datastore_search
 */
import type { SourceFileSpec, SourceSpec } from '../core/sources/catalogue.ts';
import { actionUrl, callCkan, portalLink, type CkanAnswer, type PortalApi } from './ckan-api.ts';
import { FetchError, tooLargeMessage } from './fetch-error.ts';
import type { FetchedFile, FetchSettings } from './fetch-file.ts';

/** A runaway guard: 1,000 pages of 1,000 records is far beyond any table the catalogue lists. */
const MAX_PAGES = 1000;

/** Options for reading one DataStore resource. */
export interface FetchDataStoreOptions {
  /** The dataset. */
  spec: SourceSpec;
  /** The DataStore resource (needs `resourceId`). */
  file: SourceFileSpec;
  /** Where the portal is, how to download, and the page size (default 1000). */
  settings: FetchSettings & PortalApi & { pageSize?: number | undefined };
}

/** The whole table as UTF-8 JSON bytes; progress reports records loaded out of the table's total. */
export async function fetchDataStore({ spec, file, settings }: FetchDataStoreOptions): Promise<FetchedFile> {
  const resourceId = file.resourceId;
  if (!resourceId) throw new Error(`${spec.title}: the DataStore file ${file.fileName} has no resource id.`);
  const limit = String(settings.pageSize ?? 1000);
  const firstUrl = actionUrl(settings, 'datastore_search', { resource_id: resourceId, limit });
  const records: unknown[] = [];
  const seen = new Set<string>();
  let first: CkanAnswer | undefined;
  let via: 'direct' | 'proxy' = 'direct';
  let pageUrl = firstUrl;
  for (let page = 1; ; page += 1) {
    if (page > MAX_PAGES) throw runaway(firstUrl, `it still had records after ${MAX_PAGES} pages`);
    seen.add(pageUrl);
    let attempt = 1;
    const answer = await callCkan(pageUrl, {
      ...settings,
      startVia: via,
      onProgress: (progress) => {
        attempt = progress.attempt;
      },
    });
    via = answer.via;
    first ??= answer;
    const pageRecords = answer.result.records;
    if (!Array.isArray(pageRecords)) {
      throw new FetchError({
        kind: 'not-data',
        url: pageUrl,
        message: `${pageUrl} answered without records. ${advice}`,
      });
    }
    if (pageRecords.length === 0) break;
    for (const record of pageRecords) records.push(record);
    const total = totalOf(first);
    settings.onProgress?.({ url: firstUrl, loaded: records.length, total, attempt, via });
    const next = nextUrl(settings, answer, resourceId, limit, records.length);
    if (seen.has(next)) throw runaway(firstUrl, `its next-page link went back to a page already read (${next})`);
    pageUrl = next;
  }
  const document = combine(first, records);
  const total = totalOf(first);
  if (total !== undefined && total !== records.length) {
    const text = `The portal said ${spec.title} has ${total} records but sent ${records.length}; it may have changed while being read. Fetch it again to be sure.`;
    settings.onNote?.(text);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(document));
  const maxBytes = settings.maxBytes ?? 64 * 1024 * 1024;
  if (bytes.byteLength > maxBytes) {
    throw new FetchError({
      kind: 'too-large',
      url: firstUrl,
      message: tooLargeMessage(firstUrl, bytes.byteLength, maxBytes, true),
    });
  }
  return { bytes, url: firstUrl, via, contentType: 'application/json', notes: [] };
}

const advice = 'Check the resource id in the source catalogue against the portal.';

function runaway(url: string, reason: string): FetchError {
  return new FetchError({
    kind: 'not-data',
    url,
    message: `Stopped reading ${url}: ${reason}. The portal's paging is misbehaving; try again later, or download the file yourself and load it from file.`,
  });
}

/** CKAN's next link, relative to the site root; built from the offset if a portal leaves it out. */
function nextUrl(api: PortalApi, answer: CkanAnswer, resourceId: string, limit: string, offset: number): string {
  const links = answer.result._links;
  const next = typeof links === 'object' && links !== null ? (links as Record<string, unknown>).next : undefined;
  if (typeof next === 'string' && next !== '') return portalLink(api, next);
  return actionUrl(api, 'datastore_search', { resource_id: resourceId, limit, offset: String(offset) });
}

function totalOf(answer: CkanAnswer | undefined): number | undefined {
  const total = answer?.result.total;
  return typeof total === 'number' ? total : undefined;
}

/** One page's shape with every record: paging details (`_links`, `offset`, `limit`) no longer apply. */
function combine(first: CkanAnswer | undefined, records: unknown[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...first?.result };
  delete result._links;
  delete result.offset;
  delete result.limit;
  return { ...first?.body, success: true, result: { ...result, records, total: totalOf(first) ?? records.length } };
}
