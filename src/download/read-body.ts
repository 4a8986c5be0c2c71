/**
 * Reading a response body with a reader, so progress can be shown, the size limit enforced before the
 * whole file is in memory, and a cut-off download told apart from a complete one.
 */
import { FetchError, tooLargeMessage, truncatedMessage } from './fetch-error.ts';

/** How to read one body. */
export interface ReadBodyOptions {
  /** The URL asked for, for messages. */
  url: string;
  /** Stop with `too-large` past this many bytes. */
  maxBytes: number;
  /** The attempt's signal: a read that fails because it fired is re-thrown as is, for the caller to name. */
  signal: AbortSignal;
  /** Called after each chunk with the bytes so far and the expected total, if known. */
  onBytes: (loaded: number, total: number | undefined) => void;
}

/** The body's bytes; throws `too-large` or `truncated` FetchErrors. */
export async function readBody(response: Response, options: ReadBodyOptions): Promise<Uint8Array> {
  const { url, maxBytes, signal } = options;
  const total = expectedLength(response);
  const declared = declaredLength(response);
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError({ kind: 'too-large', url, message: tooLargeMessage(url, declared, maxBytes, true) });
  }
  options.onBytes(0, total);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const step = await reader.read().catch((error: unknown) => {
      if (signal.aborted) throw error;
      throw new FetchError({ kind: 'truncated', url, message: truncatedMessage(url, loaded, total), cause: error });
    });
    if (step.done) break;
    loaded += step.value.byteLength;
    if (loaded > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError({ kind: 'too-large', url, message: tooLargeMessage(url, maxBytes, maxBytes, false) });
    }
    chunks.push(step.value);
    options.onBytes(loaded, total);
  }
  if (total !== undefined && loaded < total) {
    throw new FetchError({ kind: 'truncated', url, message: truncatedMessage(url, loaded, total) });
  }
  return join(chunks, loaded);
}

/** Read at most `limit` bytes of a body as text (for error pages), then let the rest go. */
export async function readStart(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    while (loaded < limit) {
      const step = await reader.read();
      if (step.done) break;
      chunks.push(step.value);
      loaded += step.value.byteLength;
    }
  } catch {
    // The status already says what went wrong; the body is only a bonus.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(join(chunks, loaded).subarray(0, limit));
}

/** Content-Length as sent, if any. */
function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}

/**
 * The decoded body's expected length. With a Content-Encoding, Content-Length counts the compressed bytes
 * while the reader yields decompressed ones, so the two cannot be compared.
 * https://fetch.spec.whatwg.org/#concept-response-body-info
 */
function expectedLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  return declaredLength(response);
}

function join(chunks: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, length - offset), offset);
    offset += chunk.byteLength;
    if (offset >= length) break;
  }
  return bytes;
}
