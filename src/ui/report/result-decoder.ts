import { messageOf } from '../../core/text/message-of.ts';
import type { decodeResult } from '../../engine/decode-result.ts';

/** Turns a result's Arrow IPC bytes into plain rows (`decodeResult`, once its chunk has arrived). */
export type ResultDecoder = typeof decodeResult;

let decoder: Promise<ResultDecoder> | undefined;

/**
 * The decoder of query results, fetched on first use. Apache Arrow is the largest library the page uses
 * (~37 kB gzip), and nothing before the first report needs it until the first results arrive, so it is a
 * chunk of its own rather than part of the first download (issue 11's P5); App asks for it as soon as the
 * page's report is known, so it arrives alongside those results, not after them. A failed fetch is
 * forgotten, so the next query asks again, and the error says what did not load.
 */
export function loadResultDecoder(): Promise<ResultDecoder> {
  decoder ??= import('../../engine/decode-result.ts').then(
    (module) => module.decodeResult,
    (error: unknown) => {
      decoder = undefined;
      throw new Error(`the code that reads query results did not load (${messageOf(error)})`);
    },
  );
  return decoder;
}
