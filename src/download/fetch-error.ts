/**
 * The one error type downloads throw, and the plain words it uses. Every message names the URL the user
 * asked for (never a proxied one) and says what to do next, because it is shown as-is in the UI and CLI.
 */

/** Why a download failed. */
export type FetchFailure = 'blocked' | 'http' | 'timeout' | 'too-large' | 'truncated' | 'not-data' | 'cancelled';

/** What a `FetchError` is built from. */
export interface FetchErrorOptions {
  /** Why it failed. */
  kind: FetchFailure;
  /** The URL that was asked for (not the proxied one). */
  url: string;
  /** The plain-words explanation. */
  message: string;
  /** The HTTP status, for `http` failures. */
  status?: number | undefined;
  /** The start of the error response's body, for `http` failures. */
  responseText?: string | undefined;
  /** The underlying error, if any. */
  cause?: unknown;
  /** Whether the failed attempt went through the user's CORS proxy. */
  via?: 'direct' | 'proxy' | undefined;
}

/** A failed download, classified so callers can react (retry, suggest a proxy, show the status). */
export class FetchError extends Error {
  /** Why it failed. */
  readonly kind: FetchFailure;
  /** The URL that was asked for (not the proxied one). */
  readonly url: string;
  /** The HTTP status, for `http` failures. */
  readonly status?: number | undefined;
  /**
   * The start (up to 4 KB) of the error response's body, for `http` failures: servers with a known error
   * format (CKAN answers 404 and 409 with JSON naming the problem) can be explained further by the caller.
   */
  readonly responseText?: string | undefined;
  /** Whether the failed attempt went through the user's CORS proxy (undefined: not known). */
  readonly via?: 'direct' | 'proxy' | undefined;

  constructor(options: FetchErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FetchError';
    this.kind = options.kind;
    this.url = options.url;
    this.status = options.status;
    this.responseText = options.responseText;
    this.via = options.via;
  }
}

/** Whether another attempt could succeed: network errors, timeouts, cut-off bodies, 5xx and 429. */
export function isRetryable(error: FetchError): boolean {
  if (error.kind === 'http') return error.status === 429 || (error.status !== undefined && error.status >= 500);
  return error.kind === 'blocked' || error.kind === 'timeout' || error.kind === 'truncated';
}

/** The host (with port) of a URL, for messages; the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** What a browser's `TypeError: Failed to fetch` means, which is all it says for CORS blocks and outages alike. */
export function blockedMessage(url: string): string {
  return (
    `${hostOf(url)} did not answer this browser: the portal may not allow cross-site downloads (CORS), or you ` +
    'are offline. Set a CORS proxy in Settings, or download the file yourself and load it from file.'
  );
}

/** The same, when the request went through the user's proxy. */
export function proxyBlockedMessage(url: string, proxyUrl: string): string {
  return (
    `Your CORS proxy (${hostOf(proxyUrl)}) did not answer for ${url}: check the proxy in Settings and that you ` +
    'are online, or download the file yourself and load it from file.'
  );
}

/** An HTTP error status explained. */
export function httpMessage(options: { url: string; status: number; statusText: string; viaProxy: boolean }): string {
  const { url, status } = options;
  const text = options.statusText ? ` ${options.statusText}` : '';
  const route = options.viaProxy ? ' (through your CORS proxy, which may itself have refused)' : '';
  return `${url} answered HTTP ${status}${text}${route}: ${adviceFor(status)}`;
}

function adviceFor(status: number): string {
  if (status === 404 || status === 410) {
    return "the file is not there any more. Check the dataset's page on the portal for its current link.";
  }
  if (status === 401 || status === 403) {
    return "access was refused. The file may no longer be public; check the dataset's page on the portal.";
  }
  if (status === 429) return 'the portal is limiting requests. Wait a few minutes and try again.';
  if (status >= 500) return 'the portal had a server error. Try again later.';
  return 'the request was not accepted. Check the link, or download the file yourself and load it from file.';
}

/**
 * What a proxy said in its error answer, for the message: a CORS proxy explains its own refusals in plain text
 * (ours: "Refused …: host not allowed"), which the status alone cannot tell apart from the portal's. Empty when
 * there is nothing short and textual to quote (an HTML page, JSON, nothing).
 */
export function proxySaid(responseText: string | undefined): string {
  const line = responseText?.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (line === '' || /^[<{[]/.test(line)) return '';
  return ` The proxy said: "${line.length > 400 ? `${line.slice(0, 397)}...` : line}"`;
}

/** A download slower than the per-attempt limit. */
export function timeoutMessage(url: string, timeoutMs: number): string {
  return (
    `${url} did not arrive within ${seconds(timeoutMs)} s. The portal may be slow or the file large: try again ` +
    'later, raise the timeout in Settings, or download the file yourself and load it from file.'
  );
}

/** A download over the size limit. */
export function tooLargeMessage(url: string, bytes: number, maxBytes: number, complete: boolean): string {
  const size = complete ? `is ${formatSize(bytes)}` : `is larger than ${formatSize(bytes)}`;
  return (
    `${url} ${size}, over the download limit of ${formatSize(maxBytes)}. Raise the limit in Settings if you ` +
    'expected a file this large; otherwise check that the link points at the right file.'
  );
}

/** A body that stopped early. */
export function truncatedMessage(url: string, loaded: number, total: number | undefined): string {
  const part = total === undefined ? `after ${loaded} bytes` : `after ${loaded} of ${total} bytes`;
  return `The download of ${url} stopped early (${part}): the connection may have dropped. Try again.`;
}

/** A web page where data was expected. */
export function htmlMessage(url: string, title: string | undefined): string {
  const page = title === undefined ? 'a web page' : `a web page ("${title}")`;
  return (
    `${url} sent ${page} instead of data: the file may have moved, or the portal showed an error or sign-in ` +
    'page. Open the link in a browser to see what it says, or download the file yourself and load it from file.'
  );
}

/** The caller cancelled. */
export function cancelledMessage(url: string): string {
  return `The download of ${url} was cancelled.`;
}

/** A copy of an error with the number of attempts added to its message. */
export function withAttempts(error: FetchError, attempts: number): FetchError {
  if (attempts <= 1 || error.kind === 'cancelled') return error;
  return new FetchError({
    kind: error.kind,
    url: error.url,
    status: error.status,
    responseText: error.responseText,
    via: error.via,
    message: `${error.message} (Tried ${attempts} times.)`,
    cause: error.cause,
  });
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
