// Netlify edge function (Deno) serving the app's own CORS proxy: the same handler as `npm run proxy`.
// Route it in netlify.toml (see docs/proxy.md); set PROXY_* variables in the site's environment settings.
import { handleProxyRequest, readProxyConfig } from '../../../src/proxy/handle-request.ts';
import { PROXY_ENV_NAMES } from '../../../src/proxy/proxy-config.ts';

/** Netlify's global in edge functions (https://docs.netlify.com/edge-functions/api/#netlify-global-object). */
declare const Netlify: { env: { get(name: string): string | undefined } } | undefined;

function readEnv(): Record<string, string | undefined> {
  const get = (name: string) => (typeof Netlify === 'undefined' ? undefined : Netlify.env.get(name));
  return Object.fromEntries(PROXY_ENV_NAMES.map((name) => [name, get(name)]));
}

export default (request: Request): Promise<Response> => handleProxyRequest(request, readProxyConfig(readEnv()));
