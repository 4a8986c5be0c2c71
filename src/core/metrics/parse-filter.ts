/** A metric filter we compile: one categorical dimension equal to a value, or in a list of values. */
export interface DimensionFilter {
  /** The dimension as written, `entity__dimension` (`staff__fte_status`). */
  dimension: string;
  /** The accepted values (one for `=`). */
  values: Array<string | number>;
}

/** The filter shapes we understand, for error messages. */
export const FILTER_SHAPES = "{{ Dimension('entity__dimension') }} = 'value'  or  … IN ('a', 'b')";

/**
 * Parse a MetricFlow filter of the shapes in {@link FILTER_SHAPES}. The values are parsed (not kept as SQL
 * text), so the compiler quotes them itself; anything else returns undefined.
 */
export function parseFilter(filter: string): DimensionFilter | undefined {
  const match = /^\s*\{\{\s*Dimension\(\s*(['"])([A-Za-z0-9_]+)\1\s*\)\s*\}\}\s*(=|in\b)\s*([\s\S]*?)\s*$/i.exec(
    filter,
  );
  if (!match) return undefined;
  const [, , dimension, operator, right] = match as unknown as [string, string, string, string, string];
  if (operator === '=') {
    const literal = readLiteral(right, 0);
    return literal && literal.end === right.length ? { dimension, values: [literal.value] } : undefined;
  }
  if (!right.startsWith('(') || !right.endsWith(')')) return undefined;
  const values: Array<string | number> = [];
  const inner = right.slice(1, -1);
  let position = 0;
  while (position <= inner.length) {
    const literal = readLiteral(inner, position);
    if (!literal) return undefined;
    values.push(literal.value);
    position = skipSpaces(inner, literal.end);
    if (position === inner.length) return { dimension, values };
    if (inner[position] !== ',') return undefined;
    position++;
  }
  return undefined;
}

/** A SQL literal at `start` (spaces first are skipped): `'text'` with `''` escapes, or a number. */
function readLiteral(source: string, start: number): { value: string | number; end: number } | undefined {
  const at = skipSpaces(source, start);
  if (source[at] === "'") {
    const literal = /^'((?:[^']|'')*)'/.exec(source.slice(at));
    return literal ? { value: (literal[1] ?? '').replaceAll("''", "'"), end: at + literal[0].length } : undefined;
  }
  const number = /^-?\d+(\.\d+)?/.exec(source.slice(at));
  return number ? { value: Number(number[0]), end: at + number[0].length } : undefined;
}

function skipSpaces(source: string, start: number): number {
  let index = start;
  while (index < source.length && /\s/.test(source[index] as string)) index++;
  return index;
}
