// The proxy's settings and how a deployment sets them from environment variables. Bad values throw at start-up
// rather than silently falling back to a default, so a typo in PROXY_MAX_BYTES cannot widen the limits.

/** What the proxy may fetch and how much of it. */
export interface ProxyConfig {
  /** Exact host names, optionally `host:port`, the proxy may fetch from; any other host is refused with 403. */
  allowHosts: string[];
  /** Largest response body relayed, in bytes: a larger declared Content-Length gets 502, a longer stream is cut. */
  maxBytes: number;
  /** How long to wait for each upstream request's headers (then 504), and for each next body chunk. */
  timeoutMs: number;
  /** Allow loopback, private and link-local targets (default false; local tests set it for 127.0.0.1). */
  allowPrivateAddresses?: boolean;
  /** The fetch used for upstream requests (default: the global one); tests substitute their own. */
  fetch?: typeof fetch;
}

/** The two portals the app downloads open data from. */
export const DEFAULT_ALLOW_HOSTS: readonly string[] = ['data.nsw.gov.au', 'dataandreporting.blob.core.windows.net'];

/** 64 MiB: larger than any file the app downloads, small enough that a runaway response cannot exhaust memory. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** 30 s per upstream request. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The environment variables `readProxyConfig` reads (edge runtimes need the names to look them up one by one). */
export const PROXY_ENV_NAMES = [
  'PROXY_ALLOW_HOSTS',
  'PROXY_MAX_BYTES',
  'PROXY_TIMEOUT_MS',
  'PROXY_ALLOW_PRIVATE',
] as const;

/**
 * Reads the configuration from environment variables: `PROXY_ALLOW_HOSTS` (comma-separated), `PROXY_MAX_BYTES`,
 * `PROXY_TIMEOUT_MS` and `PROXY_ALLOW_PRIVATE=1`. Unset or blank variables take the defaults.
 */
export function readProxyConfig(env: Record<string, string | undefined>): ProxyConfig {
  return {
    allowHosts: readHosts(env.PROXY_ALLOW_HOSTS),
    maxBytes: readPositiveInteger('PROXY_MAX_BYTES', env.PROXY_MAX_BYTES, DEFAULT_MAX_BYTES),
    timeoutMs: readPositiveInteger('PROXY_TIMEOUT_MS', env.PROXY_TIMEOUT_MS, DEFAULT_TIMEOUT_MS),
    allowPrivateAddresses: readFlag('PROXY_ALLOW_PRIVATE', env.PROXY_ALLOW_PRIVATE),
  };
}

/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port: nothing else (no scheme or path). */
const HOST_ENTRY = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

function readHosts(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_ALLOW_HOSTS];
  const hosts = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const host of hosts) {
    if (!HOST_ENTRY.test(host)) {
      throw new Error(`PROXY_ALLOW_HOSTS: "${host}" is not a host name (write data.nsw.gov.au, not a URL).`);
    }
  }
  return hosts;
}

function readPositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value.trim());
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new Error(`${name}: "${value}" is not a positive whole number.`);
  }
  return number;
}

function readFlag(name: string, value: string | undefined): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '1' || text === 'true') return true;
  if (text === '' || text === '0' || text === 'false') return false;
  throw new Error(`${name}: "${value}" is not 1 or 0.`);
}
