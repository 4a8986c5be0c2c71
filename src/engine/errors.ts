import type { EngineErrorData } from './contract.ts';

/** Flatten anything thrown into plain data that can cross a worker boundary intact. */
export function toErrorData(error: unknown): EngineErrorData {
  if (error instanceof Error) {
    const extra = error as Error & Partial<EngineErrorData>;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      model: extra.model,
      path: extra.path,
      line: extra.line,
    };
  }
  return { name: 'Error', message: String(error) };
}

/** An error rebuilt on the calling side from `EngineErrorData`, keeping the project location fields. */
export class EngineError extends Error {
  /** The model's unique id, when a model failed. */
  readonly model: string | undefined;
  /** The model's file. */
  readonly path: string | undefined;
  /** 1-based line in the file. */
  readonly line: number | undefined;
  constructor(data: EngineErrorData) {
    super(data.message);
    this.name = data.name;
    this.model = data.model;
    this.path = data.path;
    this.line = data.line;
    if (data.stack) this.stack = data.stack;
  }
}
