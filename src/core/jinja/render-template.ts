import { Environment, Interpreter, parse, tokenize } from '@huggingface/jinja';

/** A function callable from a template. Positional arguments arrive unwrapped; keyword arguments arrive
 * as one trailing plain object (Jinja's `f(a, key=1)` becomes `f('a', { key: 1 })`). */
export type TemplateFunction = (...args: unknown[]) => unknown;

/** What a template can see. */
export interface TemplateGlobals {
  /** Callables such as `ref`, `source`, `config`, `var`. */
  functions: Record<string, TemplateFunction>;
  /** Plain values. */
  values?: Record<string, unknown>;
}

/** A template that could not be parsed or rendered, with the file it came from. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  /** The file being rendered. */
  readonly path: string;
  /** 1-based line, when it could be located. */
  readonly line: number | undefined;
  /** The message without the location prefix. */
  readonly detail: string;
  constructor(options: { path: string; message: string; line?: number | undefined }) {
    super(options.line ? `${options.path}:${options.line}: ${options.message}` : `${options.path}: ${options.message}`);
    this.path = options.path;
    this.line = options.line;
    this.detail = options.message;
  }
}

/**
 * Render a Jinja template the way dbt does (no autoescape, no trim_blocks/lstrip_blocks, final newline
 * dropped as in Jinja2). We drive @huggingface/jinja's parser and interpreter directly: its `Template`
 * class forces trim_blocks/lstrip_blocks, which changes the whitespace of loops compared with dbt.
 */
export function renderTemplate(options: { path: string; source: string; globals: TemplateGlobals }): string {
  const { path, source, globals } = options;
  let program;
  try {
    program = parse(tokenize(source, {}));
  } catch (error) {
    throw new TemplateError({ path, message: `Jinja syntax error: ${messageOf(error)}` });
  }
  const env = new Environment();
  // Jinja2 spells these in lower case, dbt users also write the Python forms.
  for (const [name, value] of Object.entries({
    true: true,
    false: false,
    none: null,
    True: true,
    False: false,
    None: null,
  })) {
    env.set(name, value);
  }
  for (const [name, value] of Object.entries(globals.values ?? {})) env.set(name, value);
  for (const [name, fn] of Object.entries(globals.functions)) {
    env.set(name, (...args: unknown[]) => fn(...args.map(unwrapValue)));
  }
  try {
    const result = new Interpreter(env).run(program);
    return String(unwrapValue(result) ?? '');
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError({ path, message: messageOf(error), line: lineOfCause(error) });
  }
}

/** Turn the interpreter's runtime wrappers (StringValue, ArrayValue, keyword-argument Maps) into plain JS. */
export function unwrapValue(value: unknown): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([key, inner]) => [key, unwrapValue(inner)]));
  }
  if (Array.isArray(value)) return value.map(unwrapValue);
  if (value !== null && typeof value === 'object' && 'type' in value && 'value' in value) {
    return unwrapValue((value as { value: unknown }).value);
  }
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The interpreter reports no positions; our own template functions attach a `line` when they know it. */
function lineOfCause(error: unknown): number | undefined {
  const cause = (error as { line?: unknown } | null)?.line;
  if (typeof cause === 'number') return cause;
  return undefined;
}
