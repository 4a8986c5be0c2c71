// Streams an upstream body through unchanged while enforcing the proxy's size and idle limits.

/** Limits on a relayed body. */
export interface BodyLimits {
  /** Error the stream once more than this many bytes have passed. */
  maxBytes: number;
  /** Call `onIdle` when no chunk has arrived for this long. */
  idleMs: number;
  /** Called when the body stalls; the caller aborts the upstream request, which errors the stream. */
  onIdle(): void;
}

/**
 * Passes `body` through a counting TransformStream. Once the headers are sent the status can no longer change,
 * so an over-long or stalled body errors the stream instead: the server adapter then aborts the connection and
 * the client sees a failed download rather than a silently truncated file. Erroring the stream also cancels the
 * upstream body, releasing its connection.
 */
export function limitBody(body: ReadableStream<Uint8Array>, limits: BodyLimits): ReadableStream<Uint8Array> {
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restartTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(limits.onIdle, limits.idleMs);
  };
  restartTimer();
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limits.maxBytes) {
          clearTimeout(timer);
          controller.error(new Error(`Upstream response exceeds the proxy's limit of ${limits.maxBytes} bytes.`));
          return;
        }
        restartTimer();
        controller.enqueue(chunk);
      },
      flush() {
        clearTimeout(timer);
      },
    }),
  );
}
