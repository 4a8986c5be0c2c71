// Serves handleProxyRequest over node:http: IncomingMessage → Request, Response → ServerResponse, streaming the
// body and aborting the upstream request when the client goes away.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { handleProxyRequest, type ProxyConfig } from './handle-request.ts';
import { messageOf } from '../core/text/message-of.ts';

/** Where and how to run the proxy. */
export interface ProxyServerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on (default 127.0.0.1, so the proxy is not exposed to the network by accident). */
  host?: string;
  /** What the proxy may fetch. */
  config: ProxyConfig;
}

/** A running proxy. */
export interface ProxyServer {
  /** Its base URL, ending in `/`, e.g. `http://127.0.0.1:8787/`. */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts the proxy on `node:http`; resolves once it is listening. */
export function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  const server = createServer((incoming, outgoing) => void serve(incoming, outgoing, options.config));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve({ url: baseUrl(server.address() as AddressInfo), close: () => closeServer(server) });
    });
  });
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse, config: ProxyConfig): Promise<void> {
  const clientGone = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) clientGone.abort();
  });
  try {
    const response = await handleProxyRequest(toRequest(incoming, clientGone.signal), config);
    await writeResponse(response, outgoing);
  } catch (error) {
    if (outgoing.headersSent) {
      // Mid-body failure (size limit, stalled upstream, client gone): abort the connection so the client sees
      // a failed download, not a truncated file.
      outgoing.destroy();
      return;
    }
    const message = messageOf(error);
    outgoing.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
    outgoing.end(`Proxy failure: ${message}\n`);
  }
}

/** The request as the handler sees it. The body is left out: only GET and HEAD are relayed, so it is never read. */
function toRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Concatenation, not `new URL(path, base)`: a path such as `//evil.example/x` must stay a path.
  return new Request(`http://localhost${incoming.url ?? '/'}`, { method: incoming.method ?? 'GET', headers, signal });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.statusText === '') outgoing.writeHead(response.status, headers);
  else outgoing.writeHead(response.status, response.statusText, headers);
  if (response.body === null) {
    outgoing.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), outgoing);
}

function baseUrl({ address, port }: AddressInfo): string {
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}
