import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';

/** What a caller holds to stop the statement it started: `cancel` ends it at DuckDB's next slice of work. */
export interface CancelToken {
  cancelled: boolean;
}

/** A statement stopped on request, before it finished. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled: the statement was stopped before it finished. The database is still usable.') {
    super(message);
    this.name = 'CancelledError';
  }
}

/**
 * Run one statement as DuckDB's pending query: DuckDB works in slices, and every 50 ms or so
 * (at the end of a slice) control returns to the event loop, so a cancel request (a message from the page, a
 * Ctrl+C) is seen and the statement is stopped within a slice. A statement that finishes in its first
 * slice costs about what `runQuery` does. Returns the result as an Arrow IPC stream; rejects with DuckDB's error.
 */
export async function runPendingQuery(options: {
  bindings: DuckDBBindings;
  connection: number;
  sql: string;
  token: CancelToken;
}): Promise<Uint8Array> {
  const { bindings, connection, sql, token } = options;
  let yieldAt = performance.now() + YIELD_EVERY_MS;
  // Between slices of work: now and then let the event loop run, and stop if a cancel was asked for.
  // A poll may do very little work (one small task): yield only now and then, or the waits add up.
  const checkpoint = async () => {
    if (performance.now() >= yieldAt) {
      await nextTask();
      yieldAt = performance.now() + YIELD_EVERY_MS;
    }
    if (token.cancelled) {
      bindings.cancelPendingQuery(connection);
      throw new CancelledError();
    }
  };
  let header = bindings.startPendingQuery(connection, sql, false);
  while (header === null) {
    await checkpoint();
    header = bindings.pollPendingQuery(connection);
  }
  // The result is ready: its schema came first, and its record batches follow until an empty one.
  const messages = [header];
  for (;;) {
    const batch = bindings.fetchQueryResults(connection);
    if (batch === null) {
      await checkpoint(); // DuckDB asks to be called again: it is still working on the next batch
      continue;
    }
    if (batch.length === 0) break;
    messages.push(batch);
  }
  messages.push(END_OF_STREAM);
  return concatenate(messages);
}

/** How long a statement runs between chances to see a cancel request. */
const YIELD_EVERY_MS = 50;

/** The Arrow IPC end-of-stream marker: a continuation token and a zero length. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Let queued messages and signals run (a macrotask, so a worker's `message` events are delivered). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
