/**
 * A stand-in for Data.NSW (CKAN) and ACARA's blob store on 127.0.0.1, for download tests: registered files,
 * `package_show`, `datastore_search` paging with CKAN-style `_links`, a fake CORS proxy at `/proxy?url=`,
 * and per-path failures (status codes, slow answers, cut-off bodies, HTML error pages, flaky 503s).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { datastoreSearch, packageShow, type MockDataStore, type MockPackage } from './mock-ckan.ts';

export type { MockDataStore, MockPackage, MockResource } from './mock-ckan.ts';

/** A way for a path to misbehave. */
export type MockFailure =
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'truncated' }
  | { kind: 'html' }
  | { kind: 'fail-times'; times: number; status: number };

/** A registered file. */
export interface MockFile {
  /** The body. */
  body: string | Uint8Array;
  /** Content-Type; default `application/octet-stream`. */
  contentType?: string;
  /** Send without Content-Length, in several chunks (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

/** What a route answers. */
export interface MockReply extends MockFile {
  /** HTTP status; default 200. */
  status?: number;
}

/** A request as a route sees it. */
export interface MockRequest {
  /** The path, percent-decoded. */
  path: string;
  /** The query. */
  query: URLSearchParams;
  /** The mock's own origin, e.g. `http://127.0.0.1:53211`. */
  origin: string;
}

/** A custom handler for one path; takes precedence over files and the built-in API. */
export type MockRoute = (request: MockRequest) => MockReply;

/** What the portal holds. */
export interface MockPortalOptions {
  /** Files by path, e.g. `/data/dataset/<pkg>/resource/<res>/download/<file>`. */
  files?: Record<string, MockFile>;
  /** Custom handlers by path. */
  routes?: Record<string, MockRoute>;
  /** CKAN packages for `package_show`, by package id. */
  packages?: Record<string, MockPackage>;
  /** DataStore tables for `datastore_search`, by resource id. */
  datastore?: Record<string, MockDataStore>;
  /** Send `Access-Control-Allow-Origin: *` (default false, like a portal whose CORS policy is unknown). */
  cors?: boolean;
  /** Port to listen on; default a free one. */
  port?: number;
}

/** A running mock portal. */
export interface MockPortal {
  /** Its origin, e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** Every request's path and query, in order. */
  hits: string[];
  /** Make a path misbehave (undefined: behave again). */
  setFailure(path: string, failure: MockFailure | undefined): void;
  /** Stop, dropping open connections and pending slow answers. */
  close(): Promise<void>;
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>\n  Page not found - Data.NSW\n  | NSW Government\n</title></head>' +
  '<body><h1>We could not find that page</h1></body></html>\n';

/** Start a mock portal on a free port. */
export async function startMockPortal(options: MockPortalOptions): Promise<MockPortal> {
  const files = new Map(Object.entries(options.files ?? {}).map(([path, file]) => [decode(path), file]));
  const routes = new Map(Object.entries(options.routes ?? {}).map(([path, route]) => [decode(path), route]));
  const failures = new Map<string, MockFailure>();
  const hits: string[] = [];
  const pending = new Set<() => void>();
  let origin = '';

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pending.add(done);
    });

  const answer = (target: URL): MockReply => {
    const path = decode(target.pathname);
    const request = { path, query: target.searchParams, origin };
    const route = routes.get(path);
    if (route) return route(request);
    if (path === '/data/api/3/action/package_show') return packageShow(request, options.packages ?? {});
    if (path === '/data/api/3/action/datastore_search') return datastoreSearch(request, options.datastore ?? {});
    return files.get(path) ?? { status: 404, body: 'Not found\n', contentType: 'text/plain' };
  };

  const serve = async (target: URL, response: ServerResponse): Promise<void> => {
    if (target.pathname === '/proxy') return serveProxy(target, response);
    const failure = failures.get(decode(target.pathname));
    if (failure?.kind === 'slow') await wait(failure.delayMs);
    if (response.destroyed) return;
    if (failure?.kind === 'status') return send(response, { status: failure.status, body: `HTTP ${failure.status}\n` });
    if (failure?.kind === 'html') return send(response, { body: HTML_PAGE, contentType: 'text/html; charset=utf-8' });
    if (failure?.kind === 'fail-times' && failure.times > 0) {
      failure.times -= 1;
      return send(response, { status: failure.status, body: 'Service unavailable\n' });
    }
    const reply = answer(target);
    if (failure?.kind === 'truncated') return sendTruncated(response, reply);
    send(response, reply);
  };

  /** A CORS proxy that only reaches this portal, by answering for the target itself. */
  const serveProxy = async (target: URL, response: ServerResponse): Promise<void> => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    const inner = parseUrl(target.searchParams.get('url') ?? '');
    if (!inner || inner.origin !== origin) return send(response, { status: 502, body: 'Bad proxy target\n' });
    return serve(inner, response);
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    hits.push(request.url ?? '');
    if (options.cors) response.setHeader('Access-Control-Allow-Origin', '*');
    if (request.method !== 'GET') return send(response, { status: 405, body: 'GET only\n' });
    serve(new URL(request.url ?? '/', origin), response).catch((error: unknown) => {
      send(response, { status: 500, body: `Mock portal error: ${String(error)}\n` });
    });
  });
  // Node closes idle keep-alive connections after 5 s, racing a client about to reuse one (ECONNRESET): a
  // test that idles between requests would then see a network failure the portal never had.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    hits,
    setFailure(path, failure) {
      if (failure) failures.set(decode(path), { ...failure });
      else failures.delete(decode(path));
    },
    async close() {
      for (const done of [...pending]) done();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function send(response: ServerResponse, reply: MockReply): void {
  if (response.destroyed || response.headersSent) return;
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(reply.body);
  const headers = { 'Content-Type': reply.contentType ?? 'application/octet-stream' };
  if (!reply.chunked) {
    response.writeHead(reply.status ?? 200, { ...headers, 'Content-Length': body.byteLength });
    response.end(body);
    return;
  }
  response.writeHead(reply.status ?? 200, headers);
  const size = Math.max(1, Math.ceil(body.byteLength / 4));
  for (let offset = 0; offset < body.byteLength; offset += size) response.write(body.subarray(offset, offset + size));
  response.end();
}

/** Declare more bytes than are sent, send half the body, and hang up. */
function sendTruncated(response: ServerResponse, reply: MockReply): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(reply.body);
  response.writeHead(reply.status ?? 200, {
    'Content-Type': reply.contentType ?? 'application/octet-stream',
    'Content-Length': body.byteLength + 1000,
  });
  response.write(body.subarray(0, Math.ceil(body.byteLength / 2)), () => response.socket?.destroy());
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
