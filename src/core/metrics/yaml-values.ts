/** Small readers of plain YAML values, for the semantic layer's declarations. */

/** One YAML entry being read: its file, its value, where its parts are, and how to report a problem. */
export interface Reader {
  /** The YAML file. */
  path: string;
  /** The entry as a plain object (empty when it is not a mapping). */
  value: Record<string, unknown>;
  /** Line of a node inside the entry. */
  lineOf(at: ReadonlyArray<string | number>): number | undefined;
  /** Report a problem at a node inside the entry. */
  fail(at: ReadonlyArray<string | number>, message: string): void;
}

/** The value as a mapping, or an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The value as a list, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string (numbers become text), or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a name is lower snake_case, so it can be a column name as written. */
export function isSnakeCase(name: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(name);
}

/**
 * Keys of a mapping that have no value. In a flow mapping (`{ name: x, description: a, b }`) a comma ends a
 * plain value, so unquoted text with a comma leaves its tail behind as such a key.
 */
export function keysWithoutValue(value: Record<string, unknown>): string[] {
  return Object.entries(value)
    .filter(([, item]) => item === null)
    .map(([key]) => key);
}
