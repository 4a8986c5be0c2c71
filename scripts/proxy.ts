// `npm run proxy`: runs the app's own CORS proxy locally (see docs/proxy.md). Settings come from the environment:
// PORT (default 8787), HOST (default 127.0.0.1), PROXY_ALLOW_HOSTS, PROXY_MAX_BYTES, PROXY_TIMEOUT_MS and
// PROXY_ALLOW_PRIVATE.
import { readProxyConfig } from '../src/proxy/handle-request.ts';
import { startProxyServer } from '../src/proxy/node-server.ts';
import { messageOf } from '../src/core/text/message-of.ts';

try {
  const config = readProxyConfig(process.env);
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT: "${process.env.PORT}" is not a port.`);
  const server = await startProxyServer({ port, host: process.env.HOST ?? '127.0.0.1', config });

  console.log(`CORS proxy listening on ${server.url}`);
  console.log(`Relays GET and HEAD from: ${config.allowHosts.join(', ')}`);
  console.log(`Limits: ${config.maxBytes} bytes, ${config.timeoutMs} ms per request`);
  console.log(`Paste this into the app's settings as the proxy: ${server.url}?url={encodedUrl}`);

  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = 1;
}
