import { Environment, Interpreter, parse, tokenize } from '@huggingface/jinja';
import { messageOf } from '../text/message-of.ts';

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

/** A template file: its path (for messages) and its Jinja source. */
export interface TemplateSource {
  /** File path, for messages. */
  path: string;
  /** Jinja source. */
  content: string;
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
 * Macro files run first in the same environment, so their `{% macro %}`s are callable; macros see the
 * caller's `ref`/`source` (Jinja macros resolve globals dynamically), and `{{ return(x) }}` works as in dbt.
 */
export function renderTemplate(options: {
  path: string;
  source: string;
  globals: TemplateGlobals;
  macros?: readonly TemplateSource[];
}): string {
  const { path, source, globals } = options;
  const program = parseOrThrow({ path, content: source });
  const env = new Environment();
  for (const [name, value] of Object.entries({ ...JINJA_CONSTANTS, ...globals.values })) env.set(name, value);
  for (const [name, fn] of Object.entries(globals.functions)) {
    env.set(name, (...args: unknown[]) => fn(...args.map(unwrapValue)));
  }
  env.set('return', (value: unknown) => {
    throw new ReturnSignal(value);
  });
  const interpreter = new Interpreter(env);
  const globalsBefore = new Set(env.variables.keys());
  for (const macro of options.macros ?? []) {
    runOrThrow({ path: macro.path, run: () => interpreter.run(parseCached(macro)) });
  }
  wrapMacrosForReturn(env, globalsBefore);
  return runOrThrow({ path, run: () => String(unwrapValue(interpreter.run(program)) ?? '') });
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

// Jinja2 spells these in lower case; dbt users also write the Python forms.
const JINJA_CONSTANTS = { true: true, false: false, none: null, True: true, False: false, None: null };

/** Thrown by `{{ return(x) }}` and caught at the macro call, as dbt's `return` does. */
class ReturnSignal {
  constructor(readonly value: unknown) {}
}

type RuntimeFunction = { type: string; value: (args: unknown[], scope: unknown) => unknown };

/**
 * Wrap every macro the macro files defined (not the globals set before them, `return` among them) so a
 * `return(...)` inside it becomes the macro's value, as a plain value (a list stays a list).
 */
function wrapMacrosForReturn(env: Environment, globalsBefore: ReadonlySet<string>): void {
  for (const [name, value] of env.variables) {
    const fn = value as unknown as RuntimeFunction;
    if (fn.type !== 'FunctionValue' || globalsBefore.has(name)) continue;
    const original = fn.value;
    fn.value = (args, scope) => {
      try {
        return original(args, scope);
      } catch (signal) {
        if (!(signal instanceof ReturnSignal)) throw signal;
        // `Environment.set` converts a plain value into the interpreter's runtime value and returns it.
        return new Environment().set('value', unwrapValue(signal.value));
      }
    };
  }
}

const parsedMacros = new Map<string, ReturnType<typeof parse>>();

function parseCached(template: TemplateSource): ReturnType<typeof parse> {
  let program = parsedMacros.get(template.content);
  if (!program) {
    program = parseOrThrow(template);
    parsedMacros.set(template.content, program);
  }
  return program;
}

function parseOrThrow(template: TemplateSource): ReturnType<typeof parse> {
  try {
    return parse(tokenize(template.content, {}));
  } catch (error) {
    const message = messageOf(error);
    throw new TemplateError({
      path: template.path,
      message: `Jinja syntax error: ${message}`,
      line: lineOfSyntaxError(template.content, message),
    });
  }
}

/**
 * The line a Jinja syntax error is on. The parser says what is wrong but not where, so we parse ever
 * longer runs of whole lines: the first run that fails with the same message ends at the line at fault
 * (an unclosed `{{` there, or the `{% if %}` that is never closed).
 */
function lineOfSyntaxError(content: string, message: string): number | undefined {
  const lines = content.split('\n');
  for (let count = 1; count <= lines.length; count++) {
    try {
      parse(tokenize(lines.slice(0, count).join('\n'), {}));
    } catch (error) {
      if (messageOf(error) === message) return count;
    }
  }
  return undefined;
}

function runOrThrow<T>(options: { path: string; run: () => T }): T {
  try {
    return options.run();
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    if (error instanceof ReturnSignal) {
      throw new TemplateError({ path: options.path, message: 'return() was called outside a macro.' });
    }
    const line = (error as { line?: unknown } | null)?.line;
    throw new TemplateError({
      path: options.path,
      message: messageOf(error),
      line: typeof line === 'number' ? line : undefined,
    });
  }
}
