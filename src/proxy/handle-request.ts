// A small CORS proxy of our own, as a web-standard handler (Request in, Response out) so the same code runs in
// Node (node-server.ts), Netlify and Vercel edge functions and Cloudflare Workers. It relays GET and HEAD to
// allow-listed hosts only, never forwards the caller's cookies or credentials, and caps size and time.
import { limitBody } from './limit-body.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { ALLOWED_METHODS, baseHeaders, preflightResponse, ProxyError, textResponse } from './responses.ts';
import { describeRefusal, readTargetUrl } from './target-url.ts';

export type { ProxyConfig } from './proxy-config.ts';
export { DEFAULT_ALLOW_HOSTS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, readProxyConfig } from './proxy-config.ts';

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses a Response may not carry a body with. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** The only upstream headers relayed: never Set-Cookie, and nothing that would let upstream steer the caller. */
const RELAYED_HEADERS = ['Content-Type', 'Content-Length', 'Last-Modified', 'ETag'];

/**
 * `credentials: 'omit'` states that nothing ambient is sent upstream. Cloudflare Workers throw on the field unless
 * it is implemented (https://github.com/cloudflare/workers-sdk/issues/2514), so it is set only where it exists.
 */
const OMIT_CREDENTIALS: RequestInit = 'credentials' in Request.prototype ? { credentials: 'omit' } : {};

/**
 * Answers one proxy request: the target comes from `?url=<encoded absolute URL>` or the path form
 * `/<absolute URL>`. Errors are plain-text responses with CORS headers, so the app can show their message.
 */
export async function handleProxyRequest(request: Request, config: ProxyConfig): Promise<Response> {
  try {
    if (request.method === 'OPTIONS') return preflightResponse();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new ProxyError(405, `The proxy relays GET and HEAD only, not ${request.method}.`, {
        Allow: ALLOWED_METHODS,
      });
    }
    const target = readTargetUrl(request);
    const refusal = describeRefusal(target, config);
    if (refusal !== null) throw new ProxyError(403, `Refused ${target.href}: ${refusal}.`);
    return await relay(request, target, config);
  } catch (error) {
    if (error instanceof ProxyError) return textResponse(error.status, error.message, error.headers);
    return textResponse(500, `Proxy failure: ${describeError(error)}`);
  }
}

async function relay(request: Request, target: URL, config: ProxyConfig): Promise<Response> {
  let url = target;
  for (let redirects = 0; ; redirects++) {
    const { response, abort } = await fetchUpstream(request, url, config);
    const location = response.headers.get('Location');
    if (!REDIRECT_STATUSES.has(response.status) || location === null) {
      return relayResponse(request, response, abort, config);
    }
    abort();
    if (redirects === MAX_REDIRECTS) {
      throw new ProxyError(502, `Upstream redirected more than ${MAX_REDIRECTS} times (last to ${location}).`);
    }
    url = followRedirect(location, url, config);
  }
}

/** Fetches one URL without following redirects; only `Accept` is forwarded, never cookies or authorisation. */
async function fetchUpstream(request: Request, url: URL, config: ProxyConfig) {
  const controller = new AbortController();
  const abort = () => {
    request.signal?.removeEventListener('abort', abort);
    controller.abort();
  };
  request.signal?.addEventListener('abort', abort); // absent in some edge runtimes
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, config.timeoutMs);
  const headers = new Headers();
  const accept = request.headers.get('Accept');
  if (accept !== null) headers.set('Accept', accept);
  const fetchUpstreamUrl = config.fetch ?? fetch;
  try {
    const init: RequestInit = { method: request.method, headers, redirect: 'manual', signal: controller.signal };
    const response = await fetchUpstreamUrl(url.href, { ...init, ...OMIT_CREDENTIALS });
    return { response, abort };
  } catch (error) {
    if (timedOut) throw new ProxyError(504, `${url.host} did not answer within ${config.timeoutMs} ms.`);
    throw new ProxyError(502, `Could not fetch ${url.href}: ${describeError(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

function followRedirect(location: string, from: URL, config: ProxyConfig): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ProxyError(502, `Upstream redirected to an invalid address: ${location}`);
  }
  const refusal = describeRefusal(next, config);
  if (refusal !== null) throw new ProxyError(502, `Upstream redirected to ${next.href}, which is refused: ${refusal}.`);
  next.hash = '';
  return next;
}

function relayResponse(request: Request, upstream: Response, abort: () => void, config: ProxyConfig): Response {
  const declared = upstream.headers.get('Content-Length');
  if (declared !== null && Number(declared) > config.maxBytes) {
    abort();
    throw new ProxyError(
      502,
      `Upstream response is ${declared} bytes, over the proxy's limit of ${config.maxBytes} bytes.`,
    );
  }
  const headers = baseHeaders();
  for (const name of RELAYED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // fetch decodes gzip and brotli bodies but keeps the encoded length: the relayed body is the decoded one.
  if (upstream.headers.has('Content-Encoding')) headers.delete('Content-Length');
  const body = request.method === 'HEAD' || NULL_BODY_STATUSES.has(upstream.status) ? null : upstream.body;
  if (body === null) abort();
  const limited = body && limitBody(body, { maxBytes: config.maxBytes, idleMs: config.timeoutMs, onIdle: abort });
  return new Response(limited, { status: upstream.status, statusText: upstream.statusText, headers });
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch reports "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
