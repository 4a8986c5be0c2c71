import * as Comlink from 'comlink';
import type { EngineErrorData } from './contract.ts';
import { EngineError, toErrorData } from './errors.ts';

/**
 * Comlink's default handler keeps only an error's name, message and stack. Ours also keeps the project
 * location (model, file, line), so a failure in the worker reads the same as one in-process.
 * Install it on both sides of the worker boundary.
 */
export function installErrorTransfer(): void {
  // Comlink marks thrown values with a private symbol; reuse its own test instead of reaching for it.
  const builtIn = Comlink.transferHandlers.get('throw');
  if (!builtIn || builtIn === handler) return;
  handler.canHandle = (value: unknown): value is { value: unknown } => builtIn.canHandle(value);
  Comlink.transferHandlers.set('throw', handler);
}

const handler: Comlink.TransferHandler<{ value: unknown }, EngineErrorData> = {
  // Replaced by comlink's own test when installed.
  canHandle: (_value: unknown): _value is { value: unknown } => false,
  serialize: ({ value }) => [toErrorData(value), []],
  deserialize: (data) => {
    throw new EngineError(data);
  },
};
