/**
 * Parsing of dbt's node selection syntax (https://docs.getdbt.com/reference/node-selection/syntax) into
 * plain criteria, kept apart from evaluation so the UI's selector box can report mistakes as the user types.
 */

/** How a criterion finds its starting nodes: the dbt selector methods this project supports. */
export type SelectorMethod = 'name' | 'tag' | 'path' | 'file' | 'source' | 'resource_type' | 'state';

/** One criterion of a selector, such as `2+tag:nightly+`: a method, its value and the graph operators around it. */
export interface Criterion {
  /** The criterion as written, for messages. */
  raw: string;
  /** How the starting nodes are found; `name` when no `method:` is written and the value does not look like a file. */
  method: SelectorMethod;
  /** What the method looks for, e.g. `nightly`; may contain the wildcards `*` and `?`. */
  value: string;
  /** Generations of ancestors to add: `+x` → Infinity, `2+x` → 2, no `+` → undefined. */
  parents: number | undefined;
  /** Generations of descendants to add: `x+` → Infinity, `x+1` → 1, no `+` → undefined. */
  children: number | undefined;
  /** `@x`: add x's descendants and all their ancestors, i.e. everything needed to rebuild what x feeds. */
  childrensParents: boolean;
}

/** A parsed selector: a union of intersections (`a b,c` is a ∪ (b ∩ c)), or the reasons it is invalid. */
export interface ParsedSelector {
  /** Each element is one whitespace-separated part; its criteria are the comma-separated pieces. */
  union: Criterion[][];
  /** One message per invalid criterion, naming it; empty when the selector is valid. */
  errors: string[];
}

/** Values `resource_type:` accepts: the node kinds this project has. */
export const RESOURCE_TYPES = ['model', 'seed', 'snapshot', 'source', 'test'] as const;

/** Values `state:` accepts, as in dbt (its `modified.*` sub-selectors need more than a checksum). */
export const STATE_VALUES = ['modified', 'new', 'old', 'unmodified'] as const;

const METHODS: readonly SelectorMethod[] = ['tag', 'path', 'file', 'source', 'resource_type', 'state'];
const VALID_METHODS = `valid methods are ${METHODS.join(', ')}, or a bare node name`;

// dbt's RAW_SELECTOR_PATTERN (core/dbt/graph/selector_spec.py): `@`, `N+`, `method:`, value, `+N`. The lazy
// value leaves a trailing `+N` to the children group; anything the groups cannot take stays in the value.
const CRITERION = /^(@)?(?:(\d*)\+)?(?:([\w.]+):)?(.*?)(?:\+(\d*))?$/;

/**
 * Parse `--select`/`--exclude` values. Whitespace separates a union; commas separate an intersection; an
 * array is a union of its elements. Blank input parses to an empty union (the caller decides what that means).
 */
export function parseSelector(selector: string | readonly string[] | undefined): ParsedSelector {
  const tokens = (typeof selector === 'string' ? [selector] : (selector ?? []))
    .flatMap((part) => part.split(/\s+/))
    .filter((token) => token !== '');
  const union: Criterion[][] = [];
  const errors: string[] = [];
  for (const token of tokens) {
    const parsed = token
      .split(',')
      .map((raw) => (raw === '' ? `Invalid selector "${token}": empty criterion around ","` : parseCriterion(raw)));
    const criteria = parsed.filter((item): item is Criterion => typeof item !== 'string');
    errors.push(...parsed.filter((item): item is string => typeof item === 'string'));
    if (criteria.length === parsed.length) union.push(criteria);
  }
  return { union, errors };
}

function parseCriterion(raw: string): Criterion | string {
  const [, at, parentDepth, method, value = '', childDepth] = CRITERION.exec(raw) ?? [];
  const invalid = (why: string) => `Invalid selector "${raw}": ${why}`;
  if (/[+@]/.test(value)) return invalid('misplaced graph operator; write +x, x+, +x+, 2+x, x+1 or @x');
  if (at !== undefined && childDepth !== undefined) {
    // As in dbt: `@x` already takes every descendant, so a trailing `+` is a mistake rather than a request.
    return invalid('"@" cannot be combined with a trailing "+"');
  }
  if (method === undefined && value.includes(':')) {
    return invalid(`unknown method "${value.slice(0, value.indexOf(':'))}"; ${VALID_METHODS}`);
  }
  if (value === '') return invalid(method === undefined ? 'no node name or method' : `"${method}:" needs a value`);
  if (method !== undefined && !isMethod(method)) return invalid(`unknown method "${method}"; ${VALID_METHODS}`);
  const resolved = method ?? defaultMethod(value);
  const problem = checkValue(resolved, value);
  if (problem !== undefined) return invalid(problem);
  return {
    raw,
    method: resolved,
    value,
    parents: toDepth(parentDepth),
    children: toDepth(childDepth),
    childrensParents: at !== undefined,
  };
}

/** `name` is only ever implied: dbt spells it `fqn:`, whose dotted form we do not support. */
function isMethod(method: string): method is SelectorMethod {
  return (METHODS as readonly string[]).includes(method);
}

/** dbt reads a bare value with a `/` as a path and one ending in a model or seed extension as a file name. */
function defaultMethod(value: string): SelectorMethod {
  if (value.includes('/')) return 'path';
  if (/\.(sql|py|csv)$/i.test(value)) return 'file';
  return 'name';
}

function checkValue(method: SelectorMethod, value: string): string | undefined {
  const oneOf = (valid: readonly string[]) =>
    valid.includes(value) ? undefined : `unknown ${method} "${value}"; valid values are ${valid.join(', ')}`;
  if (method === 'resource_type') return oneOf(RESOURCE_TYPES);
  if (method === 'state') return oneOf(STATE_VALUES);
  const parts = value.split('.');
  if (method === 'source' && (parts.length > 3 || parts.includes(''))) {
    return 'write source:source_name, source:source_name.table or source:package.source_name.table';
  }
  return undefined;
}

/** A `+` without digits means every generation. */
function toDepth(digits: string | undefined): number | undefined {
  if (digits === undefined) return undefined;
  return digits === '' ? Infinity : Number(digits);
}
