/**
 * Downloading one file from a public portal, in the browser and in Node alike: a plain GET (no custom
 * headers, so browsers send no CORS preflight), streamed for progress and the size limit, retried with
 * backoff when a retry can help, and routed through the user's CORS proxy when the portal blocks the
 * browser. Every failure is a `FetchError` whose message names the URL and says what to do.
 */
import { cancelled, guardAttempt, sleepUnlessAborted } from './attempt-guard.ts';
import { detectHtml } from './detect-html.ts';
import {
  FetchError,
  blockedMessage,
  hostOf,
  htmlMessage,
  httpMessage,
  isRetryable,
  proxyBlockedMessage,
  proxySaid,
  withAttempts,
} from './fetch-error.ts';
import { applyProxy } from './portal-urls.ts';
import { readBody, readStart } from './read-body.ts';
import { messageOf } from '../core/text/message-of.ts';

export { FetchError, type FetchFailure } from './fetch-error.ts';
export { applyMirror, applyProxy } from './portal-urls.ts';

/** How a download is going. */
export interface FetchProgress {
  /** The URL asked for (not the proxied one). */
  url: string;
  /** Bytes received so far in this attempt (records, for DataStore tables). */
  loaded: number;
  /** Bytes expected (records, for DataStore tables), when the server said. */
  total?: number | undefined;
  /** 1-based attempt number. */
  attempt: number;
  /** Whether this attempt goes straight to the portal or through the user's CORS proxy. */
  via: 'direct' | 'proxy';
}

/** How to download. Every field is optional. */
export interface FetchSettings {
  /** The fetch to use (injectable for tests); default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /**
   * The user's CORS proxy, a template with `{url}` or `{encodedUrl}` (e.g.
   * `https://corsproxy.io/?url={encodedUrl}`). Only used when set, and only after a direct request failed.
   */
  proxy?: string | undefined;
  /** Where the first attempt goes; `proxy` skips a direct request already known to be blocked. Default `direct`. */
  startVia?: 'direct' | 'proxy' | undefined;
  /** Milliseconds allowed per attempt, body included. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Extra attempts after network errors, timeouts, cut-off bodies, HTTP 5xx and 429 (never other 4xx). Default 2. */
  retries?: number | undefined;
  /** Wait before the first retry, doubling after each. Default 500 ms. */
  backoffMs?: number | undefined;
  /** Largest body accepted, checked against Content-Length first and while streaming. Default 64 MiB. */
  maxBytes?: number | undefined;
  /** Cancels the download (and any wait between attempts). */
  signal?: AbortSignal | undefined;
  /** Called as bytes arrive. */
  onProgress?: ((progress: FetchProgress) => void) | undefined;
  /** Called with plain-words notes for the log (retries, switching to the proxy). */
  onNote?: ((note: string) => void) | undefined;
  /** How to wait between attempts (injectable for tests); default a timer that ends early on cancel. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** A downloaded file. */
export interface FetchedFile {
  /** The body. */
  bytes: Uint8Array;
  /** The URL asked for (not the proxied one). */
  url: string;
  /** How the successful attempt went. */
  via: 'direct' | 'proxy';
  /** The Content-Type the server sent. */
  contentType?: string | undefined;
  /** The notes sent to `onNote` along the way. */
  notes: string[];
}

const DEFAULTS = { timeoutMs: 30_000, retries: 2, backoffMs: 500, maxBytes: 64 * 1024 * 1024 };

/** Download `url`; throws `FetchError`. */
export async function fetchBytes(url: string, settings: FetchSettings): Promise<FetchedFile> {
  const notes: string[] = [];
  const note = (text: string): void => {
    notes.push(text);
    settings.onNote?.(text);
  };
  const retries = settings.retries ?? DEFAULTS.retries;
  const backoffMs = settings.backoffMs ?? DEFAULTS.backoffMs;
  const proxy = settings.proxy?.trim() || undefined;
  let via: 'direct' | 'proxy' = proxy && settings.startVia === 'proxy' ? 'proxy' : 'direct';
  let retriesUsed = 0;
  for (let attempt = 1; ; attempt += 1) {
    if (settings.signal?.aborted) throw cancelled(url);
    const target = via === 'proxy' && proxy ? proxied(url, proxy) : url;
    try {
      const file = await attemptOnce({ url, target, via, attempt, settings });
      return { ...file, notes };
    } catch (failure) {
      // Anything else is a bug (or a throwing onProgress), not a download problem: let it through as is.
      if (!(failure instanceof FetchError)) throw failure;
      if (failure.kind === 'blocked' && via === 'direct' && proxy) {
        via = 'proxy';
        note(
          `${hostOf(url)} did not answer directly (it may not allow cross-site downloads); retrying through your CORS proxy…`,
        );
        continue;
      }
      if (!isRetryable(failure) || retriesUsed >= retries) throw withAttempts(failure, attempt);
      const waitMs = backoffMs * 2 ** retriesUsed;
      retriesUsed += 1;
      note(`Attempt ${attempt} for ${url} failed (${shortReason(failure)}); trying again in ${waitMs / 1000} s…`);
      await (settings.sleep ? settings.sleep(waitMs) : sleepUnlessAborted(waitMs, settings.signal));
    }
  }
}

interface Attempt {
  url: string;
  target: string;
  via: 'direct' | 'proxy';
  attempt: number;
  settings: FetchSettings;
}

async function attemptOnce({ url, target, via, attempt, settings }: Attempt): Promise<Omit<FetchedFile, 'notes'>> {
  const guard = guardAttempt({ timeoutMs: settings.timeoutMs ?? DEFAULTS.timeoutMs, signal: settings.signal });
  try {
    let response: Response;
    try {
      const fetchImpl = settings.fetch ?? globalThis.fetch;
      // Called with globalThis as `this`: browsers throw "Illegal invocation" for a detached window.fetch.
      response = await fetchImpl.call(globalThis, target, { method: 'GET', credentials: 'omit', signal: guard.signal });
    } catch (error) {
      throw guard.explain(url) ?? networkFailure(url, target, via, error);
    }
    if (!response.ok) {
      const responseText = await readStart(response, 4096);
      const explained = httpMessage({
        url,
        status: response.status,
        statusText: response.statusText,
        viaProxy: via === 'proxy',
      });
      const message = via === 'proxy' ? explained + proxySaid(responseText) : explained;
      throw new FetchError({ kind: 'http', url, status: response.status, responseText, message, via });
    }
    const bytes = await readBody(response, {
      url,
      maxBytes: settings.maxBytes ?? DEFAULTS.maxBytes,
      signal: guard.signal,
      onBytes: (loaded, total) => settings.onProgress?.({ url, loaded, total, attempt, via }),
    }).catch((error: unknown) => {
      throw guard.explain(url) ?? error;
    });
    const contentType = response.headers.get('content-type') ?? undefined;
    const page = detectHtml(bytes, contentType);
    if (page) throw new FetchError({ kind: 'not-data', url, message: htmlMessage(url, page.title) });
    return { bytes, url, via, contentType };
  } finally {
    guard.dispose();
  }
}

/** The proxied URL; a bad proxy setting is reported (once, not retried) as the block it was meant to get around. */
function proxied(url: string, template: string): string {
  try {
    return applyProxy(template, url);
  } catch (error) {
    const reason = messageOf(error);
    throw new FetchError({ kind: 'blocked', url, message: `${blockedMessage(url)} ${reason}`, cause: error });
  }
}

/** fetch rejects with a TypeError for CORS blocks, DNS failures, refused connections and dropped networks alike. */
function networkFailure(url: string, target: string, via: 'direct' | 'proxy', error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const base = via === 'proxy' ? proxyBlockedMessage(url, target) : blockedMessage(url);
  const detail = causeOf(error);
  return new FetchError({ kind: 'blocked', url, message: detail ? `${base} (${detail})` : base, cause: error });
}

/** Node says why (ECONNREFUSED, ENOTFOUND) in the cause; browsers say nothing more than "Failed to fetch". */
function causeOf(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return undefined;
}

function shortReason(error: FetchError): string {
  if (error.kind === 'http') return `HTTP ${error.status ?? '?'}`;
  if (error.kind === 'blocked') return 'no answer';
  return error.kind === 'timeout' ? 'too slow' : 'cut off';
}
