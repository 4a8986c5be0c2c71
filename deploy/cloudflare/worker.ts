// Cloudflare Worker serving the app's own CORS proxy: the same handler as `npm run proxy`.
// Deploy with `npx wrangler deploy --config deploy/cloudflare/wrangler.toml` (see docs/proxy.md).
import { handleProxyRequest, readProxyConfig } from '../../src/proxy/handle-request.ts';

export default {
  /** `env` holds the PROXY_* variables from wrangler.toml `[vars]` or the dashboard. */
  fetch(request: Request, env: Record<string, string | undefined>): Promise<Response> {
    return handleProxyRequest(request, readProxyConfig(env));
  },
};
