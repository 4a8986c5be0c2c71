/**
 * Finding a file's current download URL through CKAN's `package_show` when the last known one is gone:
 * Data.NSW moves files when a dataset is re-published, but keeps the package and usually the resource id.
 */
import type { SourceFileSpec, SourceSpec } from '../core/sources/catalogue.ts';
import { actionUrl, callCkan, isRecord, portalLink, type PortalApi } from './ckan-api.ts';
import { FetchError, proxySaid } from './fetch-error.ts';
import type { FetchSettings } from './fetch-file.ts';
import { messageOf } from '../core/text/message-of.ts';

/** What to look up. */
export interface FindResourceOptions {
  /** The dataset. */
  spec: SourceSpec;
  /** The file whose URL answered 404. */
  file: SourceFileSpec;
  /** The 404 of the last known URL; absent when the catalogue records no URL for the file. */
  missing?: FetchError | undefined;
  /** Where the portal is, and how to download. */
  settings: FetchSettings & PortalApi;
}

/** The file's current URL (on the mirror when one is set); throws FetchError naming package and resource. */
export async function findCurrentUrl({ spec, file, missing, settings }: FindResourceOptions): Promise<string> {
  const wanted = describeResource(file);
  // Through a proxy, the 404 may be the proxy's own (a wrong proxy address), not the portal's.
  const proxyNote =
    missing?.via === 'proxy'
      ? `, through your CORS proxy${proxySaid(missing.responseText).replace(' The proxy said:', ', which said')}`
      : '';
  const gone = missing
    ? `${missing.url} is gone (HTTP ${missing.status ?? 404}${proxyNote})`
    : `the catalogue records no download URL for ${file.fileName}`;
  const update = (spec: SourceSpec, file: SourceFileSpec): string =>
    (proxyNote ? 'If the CORS proxy address in Settings is wrong, correct it; otherwise c' : 'C') +
    updateAdvice(spec, file).slice(1);
  const fail = (reason: string, cause?: unknown): FetchError =>
    new FetchError({
      kind: 'http',
      url: missing?.url ?? file.fileName,
      status: missing?.status,
      message: `${gone}, and ${reason}`,
      cause,
    });
  if (!spec.packageId) {
    throw fail(`the source names no CKAN package to look up its current location. ${update(spec, file)}`);
  }
  const packageId = spec.packageId;
  let result: Record<string, unknown>;
  try {
    ({ result } = await callCkan(actionUrl(settings, 'package_show', { id: packageId }), quiet(settings)));
  } catch (error) {
    if (error instanceof FetchError && error.kind === 'cancelled') throw error;
    const reason = messageOf(error);
    throw fail(`looking up package ${packageId} (for ${wanted}) in the portal's catalogue failed: ${reason}`, error);
  }
  const resources = Array.isArray(result.resources) ? result.resources.filter(isRecord) : [];
  const match = findMatch(resources, file);
  if (!match || typeof match.url !== 'string' || match.url.trim() === '') {
    const listed = resources.map((resource) => `"${String(resource.name ?? resource.id)}"`).join(', ') || 'none';
    throw fail(
      `package ${packageId} in the portal's catalogue has no ${wanted} any more (it lists: ${listed}). ` +
        `The file may have been withdrawn or renamed. ${update(spec, file)}`,
    );
  }
  const current = portalLink(settings, match.url.trim());
  if (missing && current === missing.url) {
    throw fail(
      `the portal's catalogue still lists that same URL for ${wanted}. Try again later. ${update(spec, file)}`,
    );
  }
  return current;
}

/** A short name for the file, for notes: the dataset title and the year it holds. */
export function describeFile(spec: SourceSpec, file: SourceFileSpec): string {
  return file.year === undefined ? spec.title : `${spec.title} (${file.year})`;
}

/** By resource id first (stable across re-publishing), then by name, ignoring case and surrounding space. */
function findMatch(resources: Record<string, unknown>[], file: SourceFileSpec): Record<string, unknown> | undefined {
  const byId = file.resourceId ? resources.find((resource) => resource.id === file.resourceId) : undefined;
  if (byId || !file.resourceName) return byId;
  const name = file.resourceName.trim().toLowerCase();
  return resources.find((resource) => typeof resource.name === 'string' && resource.name.trim().toLowerCase() === name);
}

function describeResource(file: SourceFileSpec): string {
  const parts = [
    file.resourceId ? `id ${file.resourceId}` : undefined,
    file.resourceName ? `name "${file.resourceName}"` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? `resource with ${parts.join(' or ')}` : `resource for ${file.fileName}`;
}

function updateAdvice(spec: SourceSpec, file: SourceFileSpec): string {
  const page = spec.homepage ?? (spec.packageId ? `the dataset's page on the portal` : 'the publisher');
  return `Check ${page} for ${file.fileName} and update the source's meta.files.`;
}

/** The lookup is a side trip: its bytes are not the file's progress. */
function quiet(settings: FetchSettings): FetchSettings {
  return { ...settings, onProgress: undefined };
}
