// Headers every proxy response carries, and the plain-text error responses.

/** The methods the proxy answers; everything else gets 405. */
export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

/** A refusal or failure the caller should see as a plain-text response with this status. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';

  constructor(
    /** The HTTP status to answer with. */
    readonly status: number,
    message: string,
    /** Extra response headers, such as `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * CORS headers so the app can read every answer, errors included (otherwise the browser hides the message), and
 * headers that stop a relayed HTML or SVG file from running as a page on the proxy's origin: the proxy is often
 * deployed on the app's own site, and a relayed page must not gain that site's origin.
 */
export function baseHeaders(): Headers {
  return new Headers({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Content-Length, Content-Type, ETag, Last-Modified',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
  });
}

/** The answer to a CORS preflight: GET and HEAD from any origin, cached by the browser for a day. */
export function preflightResponse(): Response {
  const headers = baseHeaders();
  headers.set('Access-Control-Allow-Methods', ALLOWED_METHODS);
  headers.set('Access-Control-Max-Age', '86400');
  return new Response(null, { status: 204, headers });
}

/** A plain-text response explaining what went wrong. */
export function textResponse(status: number, message: string, extraHeaders: Record<string, string> = {}): Response {
  const headers = baseHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(`${message}\n`, { status, headers });
}
