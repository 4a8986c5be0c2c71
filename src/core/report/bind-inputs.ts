/**
 * `${inputs.name}` in a report query, as Evidence users write it, turned into a parameter of a prepared
 * statement: the input's value is bound, never spliced into the SQL text, so no value can change what the
 * query does. An input inside a string literal (`like '%${inputs.search}%'`, an Evidence habit) becomes
 * the literal's parts joined around the parameter, which keeps its meaning and its safety.
 */

/** A report query with its inputs replaced by numbered parameters. */
export interface BoundQuery {
  /** The SQL to prepare: `$1`, `$2`… where the inputs were. */
  sql: string;
  /** The input bound to each parameter, in order: `$1` is `inputs[0]`. One input used twice is one parameter. */
  inputs: string[];
  /** What is wrong with a placeholder, phrased for the report's author, with its line within the query. */
  problems: Array<{ line: number; message: string }>;
}

/** The value of a report input, as bound to a parameter. */
export type InputValue = string | number | boolean | null;

/**
 * Replaces every `${inputs.name}` (or Evidence's `${inputs.name.value}`) in the SQL with a parameter. Text
 * in comments is left alone; a placeholder in a quoted identifier, or any other `${…}`, is a problem.
 */
export function bindInputs(sql: string): BoundQuery {
  const inputs: string[] = [];
  const problems: BoundQuery['problems'] = [];
  const parameter = (name: string) => {
    if (!inputs.includes(name)) inputs.push(name);
    return `$${inputs.indexOf(name) + 1}`;
  };
  const lineAt = (index: number) => sql.slice(0, index).split('\n').length;
  let out = '';
  let index = 0;
  while (index < sql.length) {
    const rest = sql.slice(index);
    const skipped = /^(?:--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))/.exec(rest)?.[0];
    if (skipped) {
      out += skipped;
      index += skipped.length;
    } else if (rest.startsWith("'")) {
      const literal = /^'(?:[^']|'')*(?:'|$)/.exec(rest)?.[0] ?? rest;
      out += bindInLiteral({ literal, at: index, parameter, problems, lineAt });
      index += literal.length;
    } else if (rest.startsWith('"')) {
      const identifier = /^"(?:[^"]|"")*(?:"|$)/.exec(rest)?.[0] ?? rest;
      if (identifier.includes('${')) {
        problems.push({
          line: lineAt(index),
          message: `${identifier}: an input cannot name a column or table; compare a column with it instead`,
        });
      }
      out += identifier;
      index += identifier.length;
    } else if (rest.startsWith('${')) {
      const placeholder = readPlaceholder(rest);
      if (placeholder.name !== undefined) out += parameter(placeholder.name);
      else {
        problems.push({ line: lineAt(index), message: placeholder.problem });
        out += placeholder.text;
      }
      index += placeholder.text.length;
    } else {
      out += sql[index];
      index += 1;
    }
  }
  return { sql: out, inputs, problems };
}

/** The names of the inputs a query uses, without binding it. */
export function inputsUsed(sql: string): string[] {
  return bindInputs(sql).inputs;
}

type Placeholder = { text: string; name: string; problem?: never } | { text: string; name?: never; problem: string };

const PLACEHOLDER = /^\$\{\s*inputs\.([A-Za-z_]\w*)(?:\.value)?\s*\}/;

function readPlaceholder(text: string): Placeholder {
  const matched = PLACEHOLDER.exec(text);
  if (matched?.[1]) return { text: matched[0], name: matched[1] };
  const close = text.indexOf('}');
  const whole = close < 0 ? (text.split('\n')[0] ?? text) : text.slice(0, close + 1);
  const problem =
    close < 0
      ? `${whole}: the placeholder is never closed; write \${inputs.name}`
      : `${whole}: a report query can only use inputs, written \${inputs.name}`;
  return { text: whole, problem };
}

/** `'%${inputs.q}%'` → `('%' || $1::VARCHAR || '%')`; a literal without placeholders is returned as is. */
function bindInLiteral(options: {
  literal: string;
  at: number;
  parameter: (name: string) => string;
  problems: BoundQuery['problems'];
  lineAt: (index: number) => number;
}): string {
  const { literal, at, parameter, problems, lineAt } = options;
  if (!literal.includes('${')) return literal;
  const closed = literal.length > 1 && literal.endsWith("'");
  const body = literal.slice(1, closed ? -1 : undefined);
  const parts: string[] = [];
  let text = '';
  let index = 0;
  while (index < body.length) {
    const placeholder = body.startsWith('${', index) ? readPlaceholder(body.slice(index)) : undefined;
    if (placeholder?.name !== undefined) {
      if (text) parts.push(`'${text}'`);
      text = '';
      parts.push(`${parameter(placeholder.name)}::VARCHAR`);
      index += placeholder.text.length;
      continue;
    }
    if (placeholder?.problem !== undefined) {
      problems.push({ line: lineAt(at + 1 + index), message: placeholder.problem });
    }
    const step = placeholder?.text.length ?? 1;
    text += body.slice(index, index + step);
    index += step;
  }
  if (text) parts.push(`'${text}'`);
  if (!closed) return literal;
  return parts.length === 1 ? (parts[0] ?? literal) : `(${parts.join(' || ')})`;
}
