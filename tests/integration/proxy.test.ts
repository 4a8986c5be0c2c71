// The CORS proxy end to end: a real upstream node:http server, the proxy's Node adapter, and Node's fetch as the
// client. Checks that need a non-local target call handleProxyRequest directly with a recording fetch.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleProxyRequest, readProxyConfig, type ProxyConfig } from '../../src/proxy/handle-request.ts';
import { startProxyServer, type ProxyServer } from '../../src/proxy/node-server.ts';

const CSV = 'school_code,school_name\n1001,Abbotsford Public School\n';
const MAX_BYTES = 1000;
const LARGE = 'x'.repeat(5 * MAX_BYTES);

/** What the upstream server received, in order. */
const received: { method: string; path: string; headers: IncomingHttpHeaders }[] = [];
/** Paths whose upstream response was closed before it finished (the proxy gave up on it). */
const abandoned: string[] = [];

const upstream = createServer((request, response) => {
  const url = new URL(`http://upstream${request.url ?? '/'}`);
  received.push({ method: request.method ?? '', path: url.pathname + url.search, headers: request.headers });
  response.on('close', () => {
    if (!response.writableFinished) abandoned.push(url.pathname + url.search);
  });
  serveUpstream(url.pathname, response);
});

function serveUpstream(path: string, response: ServerResponse): void {
  const redirect = (location: string): void => {
    response.writeHead(302, { Location: location }).end();
  };
  switch (path) {
    case '/schools.csv':
      response.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Length': Buffer.byteLength(CSV),
        'Last-Modified': 'Wed, 01 May 2024 00:00:00 GMT',
        ETag: '"v1"',
        'Set-Cookie': 'session=upstream-secret; HttpOnly',
        'X-Internal': 'not for the client',
      });
      return void response.end(CSV);
    case '/gzipped.csv': {
      const gzipped = gzipSync(CSV);
      response.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': gzipped.byteLength });
      return void response.end(gzipped);
    }
    case '/missing':
      return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such file');
    case '/declared-large':
      return void response.writeHead(200, { 'Content-Length': LARGE.length }).end(LARGE);
    case '/streamed-large':
      response.writeHead(200, { 'Content-Type': 'text/plain' }); // no Content-Length: chunked
      for (let offset = 0; offset < LARGE.length; offset += 500) response.write(LARGE.slice(offset, offset + 500));
      return void response.end();
    case '/redirect-allowed':
      return redirect('/schools.csv');
    case '/redirect-elsewhere':
      return redirect('https://example.com/schools.csv');
    case '/redirect-loop':
      return redirect('/redirect-loop');
    case '/slow':
      return; // never answers; the connection is dropped in afterAll
    case '/stalled-body':
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      return void response.write('first rows…'); // and never the rest
    default:
      response.writeHead(500).end(`unexpected path ${path}`);
  }
}

let upstreamHost = '';
let proxy: ProxyServer;
let impatientProxy: ProxyServer;

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamHost = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const config = { allowHosts: [upstreamHost], maxBytes: MAX_BYTES, timeoutMs: 10_000, allowPrivateAddresses: true };
  proxy = await startProxyServer({ port: 0, config });
  impatientProxy = await startProxyServer({ port: 0, config: { ...config, timeoutMs: 200 } });
});

afterAll(async () => {
  await Promise.all([proxy.close(), impatientProxy.close()]);
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

/** The proxy URL for an upstream path, in the `?url=` form. */
const via = (path: string, server = proxy) =>
  `${server.url}?url=${encodeURIComponent(`http://${upstreamHost}${path}`)}`;

describe('CORS proxy over node:http', () => {
  it('relays a GET with its body, content headers and CORS headers', async () => {
    const response = await fetch(via('/schools.csv'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CSV);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('last-modified')).toBe('Wed, 01 May 2024 00:00:00 GMT');
    expect(response.headers.get('etag')).toBe('"v1"');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Length, Content-Type');
  });

  it('never returns Set-Cookie or other upstream headers', async () => {
    const response = await fetch(via('/schools.csv'));
    await response.arrayBuffer();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-internal')).toBeNull();
  });

  it("never forwards the client's Cookie or Authorization, only Accept", async () => {
    const headers = { Cookie: 'app-session=client-secret', Authorization: 'Bearer client-token', Accept: 'text/csv' };
    await (await fetch(via('/schools.csv?from=client-with-cookie'), { headers })).arrayBuffer();
    const request = received.find((entry) => entry.path === '/schools.csv?from=client-with-cookie');
    expect(request?.headers).toMatchObject({ accept: 'text/csv' });
    expect(request?.headers).not.toHaveProperty('cookie');
    expect(request?.headers).not.toHaveProperty('authorization');
  });

  it('relays HEAD with the declared length and no body', async () => {
    const response = await fetch(via('/schools.csv'), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(CSV)));
    expect(await response.text()).toBe('');
    expect(received.some((entry) => entry.method === 'HEAD' && entry.path === '/schools.csv')).toBe(true);
  });

  it('relays the upstream status of a failed download', async () => {
    const response = await fetch(via('/missing'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no such file');
  });

  it('drops the Content-Length of a gzip body that fetch has already decoded', async () => {
    const response = await fetch(via('/gzipped.csv'));
    expect(await response.text()).toBe(CSV);
    expect(response.headers.get('content-length')).not.toBe(String(gzipSync(CSV).byteLength));
  });

  it('answers a preflight with 204 and the allowed methods', async () => {
    const response = await fetch(via('/schools.csv'), { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('refuses POST with 405 and an Allow header', async () => {
    const response = await fetch(via('/schools.csv'), { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toMatch(/GET and HEAD only/);
  });

  it('refuses a host that is not allow-listed with 403 naming it and the allow-list', async () => {
    const response = await fetch(`${proxy.url}?url=${encodeURIComponent('https://example.com/data.csv')}`);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const message = await response.text();
    expect(message).toContain('example.com is not in the proxy');
    expect(message).toContain(upstreamHost);
  });

  it('follows a redirect to an allowed address', async () => {
    const response = await fetch(via('/redirect-allowed'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CSV);
  });

  it('refuses a redirect to a host that is not allow-listed with 502 naming the location', async () => {
    const response = await fetch(via('/redirect-elsewhere'));
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('redirected to https://example.com/schools.csv, which is refused');
  });

  it('gives up after three redirects', async () => {
    const hits = () => received.filter((entry) => entry.path === '/redirect-loop').length;
    const before = hits();
    const response = await fetch(via('/redirect-loop'));
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/more than 3 times/);
    expect(hits() - before).toBe(4); // the request and three redirects
  });

  it('refuses a response whose declared length is over the limit with 502', async () => {
    const response = await fetch(via('/declared-large'));
    expect(response.status).toBe(502);
    expect(await response.text()).toContain(`over the proxy's limit of ${MAX_BYTES} bytes`);
  });

  it('cuts off a streamed response once it passes the limit (the download fails, never truncates)', async () => {
    await expect(fetchText(via('/streamed-large'))).rejects.toThrow();
  });

  it('answers 504 when upstream sends no headers in time', async () => {
    const response = await fetch(via('/slow', impatientProxy));
    expect(response.status).toBe(504);
    expect(await response.text()).toContain('did not answer within 200 ms');
  });

  it('aborts a download whose body stalls', async () => {
    await expect(fetchText(via('/stalled-body', impatientProxy))).rejects.toThrow();
  });

  it('aborts the upstream request when the client goes away', async () => {
    const client = new AbortController();
    const response = await fetch(via('/stalled-body?client=gone'), { signal: client.signal });
    expect(response.status).toBe(200);
    expect(abandoned).not.toContain('/stalled-body?client=gone');
    client.abort();
    await expect.poll(() => abandoned).toContain('/stalled-body?client=gone');
  });

  it('accepts the cors-anywhere path form, the query belonging to the target', async () => {
    const response = await fetch(`${proxy.url}http://${upstreamHost}/schools.csv?year=2024`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(CSV);
    expect(received.some((entry) => entry.path === '/schools.csv?year=2024')).toBe(true);
  });
});

describe('handleProxyRequest', () => {
  const PRIVATE_TARGETS = [
    'http://localhost/',
    'http://api.localhost/',
    'http://127.1.2.3/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://[::1]/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:8.8.8.8]/',
  ];

  it.each(PRIVATE_TARGETS)('refuses the private address %s even when allow-listed', async (target) => {
    const upstreamFetch = recordingFetch();
    const config = { ...readProxyConfig({}), allowHosts: [new URL(target).host], fetch: upstreamFetch.fetch };
    const response = await proxyTo(target, config);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('is a loopback, private or link-local address');
    expect(upstreamFetch.calls).toEqual([]);
    expect((await proxyTo(target, { ...config, allowPrivateAddresses: true })).status).toBe(200);
  });

  it.each(['http://8.8.8.8/', 'http://172.32.0.1/', 'http://[2001:db8::1]/', 'https://data.nsw.gov.au/x.csv'])(
    'relays the public address %s when allow-listed',
    async (target) => {
      const upstreamFetch = recordingFetch();
      const config = { ...readProxyConfig({}), allowHosts: [new URL(target).host], fetch: upstreamFetch.fetch };
      expect((await proxyTo(target, config)).status).toBe(200);
      expect(upstreamFetch.calls.map((call) => call.url)).toEqual([target]);
    },
  );

  it('sends upstream only Accept, without credentials or automatic redirects', async () => {
    const upstreamFetch = recordingFetch();
    const config = { ...readProxyConfig({}), fetch: upstreamFetch.fetch };
    const headers = { Accept: 'text/csv', Cookie: 'a=b', Authorization: 'Basic eDp5', Range: 'bytes=0-10' };
    await proxyTo('https://data.nsw.gov.au/x.csv', config, { headers });
    const [call] = upstreamFetch.calls;
    expect([...new Headers(call?.init.headers).entries()]).toEqual([['accept', 'text/csv']]);
    expect(call?.init).toMatchObject({ method: 'GET', redirect: 'manual', credentials: 'omit' });
  });

  it('answers 502 naming the cause when upstream cannot be reached', async () => {
    const unreachable: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND data.nsw.gov.au') }));
    const response = await proxyTo('https://data.nsw.gov.au/x.csv', { ...readProxyConfig({}), fetch: unreachable });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('ENOTFOUND');
  });

  it.each([
    ['', /\?url=/],
    ['ftp://data.nsw.gov.au/x.csv', /only http and https/],
    ['https://user:secret@data.nsw.gov.au/x.csv', /user name or password/],
    ['data.nsw.gov.au/x.csv', /Not an absolute URL/],
  ])('answers 400 for the target %j', async (target, message) => {
    const response = await proxyTo(target, readProxyConfig({}));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(message);
  });
});

describe('readProxyConfig', () => {
  it('defaults to the two portals, 64 MiB, 30 s and no private addresses', () => {
    expect(readProxyConfig({})).toEqual({
      allowHosts: ['data.nsw.gov.au', 'dataandreporting.blob.core.windows.net'],
      maxBytes: 64 * 1024 * 1024,
      timeoutMs: 30_000,
      allowPrivateAddresses: false,
    });
  });

  it('reads every variable', () => {
    const env = {
      PROXY_ALLOW_HOSTS: ' Data.NSW.gov.au , 127.0.0.1:8080,,[::1]:9000 ',
      PROXY_MAX_BYTES: '1048576',
      PROXY_TIMEOUT_MS: '5000',
      PROXY_ALLOW_PRIVATE: '1',
    };
    expect(readProxyConfig(env)).toEqual({
      allowHosts: ['data.nsw.gov.au', '127.0.0.1:8080', '[::1]:9000'],
      maxBytes: 1_048_576,
      timeoutMs: 5000,
      allowPrivateAddresses: true,
    });
  });

  it.each([
    [{ PROXY_ALLOW_HOSTS: 'https://data.nsw.gov.au' }, /PROXY_ALLOW_HOSTS: "https:\/\/data.nsw.gov.au" is not a host/],
    [{ PROXY_MAX_BYTES: '64MiB' }, /PROXY_MAX_BYTES: "64MiB" is not a positive whole number/],
    [{ PROXY_TIMEOUT_MS: '0' }, /PROXY_TIMEOUT_MS/],
    [{ PROXY_ALLOW_PRIVATE: 'yes please' }, /PROXY_ALLOW_PRIVATE/],
  ])('rejects %j', (env, message) => {
    expect(() => readProxyConfig(env)).toThrow(message);
  });
});

/** Reads a whole response through the proxy, rejecting if the connection fails at any point. */
async function fetchText(url: string): Promise<string> {
  return (await fetch(url)).text();
}

function proxyTo(target: string, config: ProxyConfig, init: RequestInit = {}): Promise<Response> {
  return handleProxyRequest(new Request(`http://proxy.test/?url=${encodeURIComponent(target)}`, init), config);
}

/** A fetch that answers 200 and records what it was asked for. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: typeof globalThis.fetch = (input, init = {}) => {
    calls.push({ url: String(input), init });
    return Promise.resolve(new Response('ok', { headers: { 'Content-Type': 'text/plain' } }));
  };
  return { calls, fetch };
}
