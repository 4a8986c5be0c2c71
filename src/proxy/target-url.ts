// Which URL a request asks the proxy to fetch, and whether the proxy may fetch it.
import { isPrivateHostname } from './private-address.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { ProxyError } from './responses.ts';

/** The path form: an absolute http(s) URL after the proxy's own path, e.g. `/https://host/file.csv` or `/proxy/https://…`. */
const PATH_FORM = /\/(https?):\/+(.*)$/i;

/**
 * Reads the URL to relay from the path form (`/https://host/file.csv?x=1`, as cors-anywhere takes it, the query
 * belonging to the target) or else from `?url=<encoded absolute URL>`. Throws a 400 ProxyError for anything else.
 */
export function readTargetUrl(request: Request): URL {
  const incoming = new URL(request.url);
  const pathForm = PATH_FORM.exec(incoming.pathname);
  const text = pathForm ? `${pathForm[1]}://${pathForm[2]}${incoming.search}` : incoming.searchParams.get('url');
  if (text === null || text.trim() === '') {
    throw new ProxyError(
      400,
      'Give the address to fetch as ?url=<encoded absolute URL> or as the path /<absolute URL>.',
    );
  }
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ProxyError(400, `Not an absolute URL: ${text}`);
  }
  const refusal = describeUnusableUrl(url);
  if (refusal !== null) throw new ProxyError(400, `Refused ${text}: ${refusal}.`);
  url.hash = '';
  return url;
}

/**
 * Why the proxy must not fetch this URL, or null if it may: not http(s), carrying credentials, a private address
 * (unless allowed) or a host missing from the allow-list. Used for the requested URL and every redirect.
 */
export function describeRefusal(url: URL, config: ProxyConfig): string | null {
  const unusable = describeUnusableUrl(url);
  if (unusable !== null) return unusable;
  if (!config.allowPrivateAddresses && isPrivateHostname(url.hostname)) {
    return `${url.host} is a loopback, private or link-local address`;
  }
  const allowHosts = config.allowHosts.map((host) => host.toLowerCase());
  if (!allowHosts.includes(url.host.toLowerCase())) {
    return `${url.host} is not in the proxy's allow-list (${allowHosts.join(', ') || 'empty'})`;
  }
  return null;
}

function describeUnusableUrl(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https addresses are relayed`;
  if (url.username !== '' || url.password !== '') return 'addresses carrying a user name or password are refused';
  return null;
}
