/**
 * Calling the CKAN action API (Data.NSW): where it lives, and reading its `{ success, result, error }`
 * envelope, so a CKAN error is reported in CKAN's own words. https://docs.ckan.org/en/latest/api/
 */
import { FetchError } from './fetch-error.ts';
import { fetchBytes, type FetchSettings } from './fetch-file.ts';
import { applyMirror } from './portal-urls.ts';

/** Data.NSW's action API (note the `/data` prefix of the site). */
export const DATA_NSW_API = 'https://data.nsw.gov.au/data/api/3/action';

/** Where the portal's API is, and the mirror to read it from. */
export interface PortalApi {
  /** The action API root, e.g. `https://data.nsw.gov.au/data/api/3/action`. */
  apiBase?: string | undefined;
  /** A mirror standing in for the portal hosts (see `applyMirror`). */
  mirror?: string | undefined;
}

/** A CKAN answer that succeeded. */
export interface CkanAnswer {
  /** The whole parsed document. */
  body: Record<string, unknown>;
  /** Its `result`. */
  result: Record<string, unknown>;
  /** Whether it came direct or through the proxy. */
  via: 'direct' | 'proxy';
}

/** The URL of an action, e.g. `actionUrl(api, 'package_show', { id })`, on the mirror when one is set. */
export function actionUrl(api: PortalApi, action: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return withMirror(api, `${apiBaseOf(api)}/${action}?${query}`);
}

/** A portal-relative link (CKAN's `_links`, relative to the site root such as `https://data.nsw.gov.au/data`) made absolute. */
export function portalLink(api: PortalApi, link: string): string {
  if (/^https?:\/\//i.test(link)) return withMirror(api, link);
  const root = apiBaseOf(api).replace(/\/api\/3\/action$/, '');
  return withMirror(api, root + (link.startsWith('/') ? link : `/${link}`));
}

/** A URL on the mirror, when one is set. */
export function withMirror(api: PortalApi, url: string): string {
  return api.mirror ? applyMirror(api.mirror, url) : url;
}

/** Call an action URL; throws FetchError, quoting CKAN's error message when the portal gave one. */
export async function callCkan(url: string, settings: FetchSettings): Promise<CkanAnswer> {
  let fetched;
  try {
    fetched = await fetchBytes(url, settings);
  } catch (error) {
    throw explainCkanError(error);
  }
  const body = parseJson(fetched.bytes);
  if (!isRecord(body)) {
    throw new FetchError({ kind: 'not-data', url, message: `${url} did not answer with CKAN's JSON: ${notJson}` });
  }
  if (body.success !== true) {
    const said = ckanMessage(body.error);
    const message = `The portal refused ${url}${said ? `: "${said}"` : ' without saying why'}. ${checkLink}`;
    throw new FetchError({ kind: 'not-data', url, message });
  }
  if (!isRecord(body.result)) {
    throw new FetchError({ kind: 'not-data', url, message: `${url} answered without a result. ${checkLink}` });
  }
  return { body, result: body.result, via: fetched.via };
}

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const notJson = 'the portal may be down or the API address wrong. Check the API address in Settings.';
const checkLink = 'Check the resource and package ids in the source catalogue against the portal.';

function apiBaseOf(api: PortalApi): string {
  return (api.apiBase ?? DATA_NSW_API).replace(/\/+$/, '');
}

/** CKAN answers 404 and 409 with a JSON body naming the problem; add its words to the HTTP error. */
function explainCkanError(error: unknown): unknown {
  if (!(error instanceof FetchError) || error.kind !== 'http' || error.responseText === undefined) return error;
  const body = parseJson(new TextEncoder().encode(error.responseText));
  const said = isRecord(body) ? ckanMessage(body.error) : undefined;
  if (!said) return error;
  const { kind, url, status, responseText, via } = error;
  return new FetchError({
    kind,
    url,
    status,
    responseText,
    via,
    message: `${error.message} The portal said: "${said}".`,
    cause: error,
  });
}

/** CKAN errors are `{ message, __type }`, or for validation `{ field: [problems], __type }`. */
function ckanMessage(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (!isRecord(error)) return undefined;
  if (typeof error.message === 'string' && error.message) return error.message;
  const fields = Object.entries(error)
    .filter(([key]) => key !== '__type')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join('; ') : String(value)}`);
  if (fields.length > 0) return fields.join(', ');
  return typeof error.__type === 'string' ? error.__type : undefined;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}
