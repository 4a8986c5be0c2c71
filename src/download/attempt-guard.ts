/**
 * One attempt's abort signal: the caller's cancel combined with a per-attempt timeout, remembering which of
 * the two fired so the failure can be named correctly. Written with a plain timer rather than
 * `AbortSignal.any(AbortSignal.timeout())` so the timer is cleared as soon as the attempt ends (no stray
 * timers keep Node alive) and older browsers without `AbortSignal.any` work too.
 */
import { FetchError, cancelledMessage, timeoutMessage } from './fetch-error.ts';

/** A running attempt's signal and how to explain an abort. */
export interface AttemptGuard {
  /** Pass to fetch; aborts on the caller's cancel or on timeout. */
  signal: AbortSignal;
  /** A `cancelled` or `timeout` error if the signal fired, else undefined (the failure was something else). */
  explain(url: string): FetchError | undefined;
  /** Clear the timer and stop listening to the caller's signal. */
  dispose(): void;
}

/** Start guarding one attempt. */
export function guardAttempt(options: { timeoutMs: number; signal?: AbortSignal | undefined }): AttemptGuard {
  const { timeoutMs, signal: outer } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    explain(url) {
      if (outer?.aborted) return cancelled(url);
      if (timedOut) return new FetchError({ kind: 'timeout', url, message: timeoutMessage(url, timeoutMs) });
      return undefined;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/** A `cancelled` error for a URL. */
export function cancelled(url: string): FetchError {
  return new FetchError({ kind: 'cancelled', url, message: cancelledMessage(url) });
}

/** Wait `ms`, ending early (without error) if the signal fires; the caller checks the signal afterwards. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
