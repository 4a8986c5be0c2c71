/**
 * Rewriting download URLs: through a user's CORS proxy (for portals that do not send
 * `Access-Control-Allow-Origin`), or onto a mirror (a local copy of the portals, for tests and offline work).
 */

/** Hosts a mirror stands in for: Data.NSW (CKAN, including its `/data/api/3/action/...` API) and ACARA's blob store. */
const MIRRORED_HOSTS: readonly string[] = ['data.nsw.gov.au', 'dataandreporting.blob.core.windows.net'];

const WEB_ADDRESS = /^https?:\/\/[^/?#\s]/i;

/**
 * The URL to request through a CORS proxy. The template holds `{encodedUrl}` (the URL percent-encoded, for
 * proxies that take it as a query parameter, e.g. `https://corsproxy.io/?url={encodedUrl}`) or `{url}` (as
 * is, for proxies that take it as a path, e.g. `https://proxy.example/{url}`); a template with neither gets
 * the encoded URL appended. Throws when the template is not an http(s) address.
 */
export function applyProxy(template: string, url: string): string {
  const trimmed = template.trim();
  if (!WEB_ADDRESS.test(trimmed)) {
    throw new Error(
      `The CORS proxy "${template}" is not a web address: it must start with http:// or https://, ` +
        'e.g. https://corsproxy.io/?url={encodedUrl}.',
    );
  }
  const encoded = encodeURIComponent(url);
  if (!/\{(?:url|encodedUrl)\}/.test(trimmed)) return trimmed + encoded;
  // One pass, so a URL that happens to contain "{encodedUrl}" is not substituted again.
  return trimmed.replace(/\{(url|encodedUrl)\}/g, (_match, name: string) => (name === 'url' ? url : encoded));
}

/**
 * The URL on a mirror: the scheme and host of Data.NSW and ACARA URLs are replaced by the mirror base (which
 * may carry a path prefix), keeping path, query and fragment. Other URLs, and any URL when the mirror is
 * blank, are returned unchanged. Throws when the mirror is not an http(s) address.
 */
export function applyMirror(mirror: string, url: string): string {
  const base = mirror.trim().replace(/\/+$/, '');
  if (base === '') return url;
  if (!WEB_ADDRESS.test(base)) {
    throw new Error(`The mirror "${mirror}" is not a web address: it must start with http:// or https://.`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const portal = /^https?:$/.test(parsed.protocol) && parsed.port === '' && MIRRORED_HOSTS.includes(parsed.hostname);
  return portal ? base + parsed.pathname + parsed.search + parsed.hash : url;
}
