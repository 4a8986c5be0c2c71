import type { InputValue } from './bind-inputs.ts';
import { nearestNames } from '../text/nearest.ts';
import type { ComponentProp, ComponentTag } from './parse-attributes.ts';

/**
 * What a report component accepts, declared once next to the component (a Svelte file's
 * `<script module>`). The report parser checks every tag against these declarations, and the renderer
 * turns the written attributes into the typed values the component receives.
 */
export interface ComponentSpec {
  /** The tag name, e.g. `BarChart`. */
  name: string;
  /** One sentence for authors: what the component shows. */
  description: string;
  /** Every attribute the tag accepts, by name. */
  props: Readonly<Record<string, PropSpec>>;
  /**
   * An input (Dropdown, Slider…): it sets the value of `${inputs.<name>}` for the page's queries rather
   * than showing a query's rows, so it has no SQL, lineage or download tools of its own.
   */
  input?: boolean;
  /**
   * An input's value before anyone chooses, from its resolved props, when it needs no query to know it
   * (a TextInput's `defaultValue`, a Slider's `min`): the page's queries then run with it on first load.
   */
  initialValue?: (props: Readonly<Record<string, unknown>>) => InputValue | undefined;
  /**
   * What may stand between `<Name>` and `</Name>`: markdown (an Alert's text), or tags of these child
   * components (a chart's `<ReferenceArea>`, a table's `<Column>`). Without it the tag takes no content.
   */
  children?: 'markdown' | { components: readonly ComponentSpec[] };
}

/** A child tag (`<Column id=x fmt=usd />`) with its attributes resolved by its own spec. */
export interface ResolvedChild {
  /** The child's tag name. */
  name: string;
  /** Its typed attribute values, as `resolveProps` gives them. */
  props: Record<string, unknown>;
}

/** One attribute of a component. */
export type PropSpec = {
  /** What the attribute does, for authors (shown in errors' neighbourhood and in completions). */
  description: string;
  /** The tag is an error without it. */
  required?: boolean;
} & PropType;

/** How an attribute is written, and what the component receives for it. */
export type PropType =
  /** `data={query_name}`: the component receives that query's result. */
  | { type: 'query' }
  /** `x=level`: a column of the component's `data` query, checked once the query has run. */
  | { type: 'column'; default?: string }
  /** `tooltip="town, lga"`: comma-separated columns of the `data` query; the component receives a list. */
  | { type: 'columns' }
  /** Free text: `title="Schools by level"`. */
  | { type: 'string'; default?: string }
  /** `{10}` or `10`: a number, optionally within bounds. */
  | { type: 'number'; default?: number; min?: number; max?: number; integer?: boolean }
  /** A bare attribute, `{true}` or `{false}`. */
  | { type: 'boolean'; default?: boolean }
  /** One of a fixed set of words: `orientation=horizontal`. */
  | { type: 'enum'; values: readonly string[]; default?: string };

/** The component specs a report may use, by tag name. */
export type ComponentRegistry = ReadonlyMap<string, ComponentSpec>;

/** Declares a component spec; typed so a component's props and its declaration cannot drift apart. */
export function defineComponent<const Spec extends ComponentSpec>(spec: Spec): Spec {
  return spec;
}

/** A registry from a list of specs; two specs of one name is a programming error. */
export function componentRegistry(specs: Iterable<ComponentSpec>): ComponentRegistry {
  const registry = new Map<string, ComponentSpec>();
  for (const spec of specs) {
    if (registry.has(spec.name)) throw new Error(`Two report components are named ${spec.name}`);
    registry.set(spec.name, spec);
  }
  return registry;
}

/** A problem in a tag, phrased for the report's author. */
export interface TagProblem {
  /** 1-based line of the tag. */
  line: number;
  /** What is wrong and how to fix it. */
  message: string;
}

/**
 * Checks a tag against the registry: the component exists, every attribute is one it accepts and is
 * written as its type needs, and every required attribute is there. Columns are checked later, against
 * the query's result (see `checkColumns`).
 */
export function checkComponentTag(options: { tag: ComponentTag; registry: ComponentRegistry }): TagProblem[] {
  const { tag, registry } = options;
  const spec = registry.get(tag.name);
  const at = (message: string) => ({ line: tag.line, message });
  if (!spec) {
    const nearest = nearestNames({ name: tag.name, candidates: registry.keys(), limit: 1 })[0];
    const hint = nearest ? `did you mean <${nearest}>? ` : '';
    return [at(`There is no component <${tag.name}>: ${hint}Components: ${[...registry.keys()].join(', ')}`)];
  }
  const problems: TagProblem[] = [];
  for (const [name, value] of Object.entries(tag.props)) {
    const prop = spec.props[name];
    if (!prop) {
      const nearest = nearestNames({ name, candidates: Object.keys(spec.props), limit: 1 })[0];
      const hint = nearest ? `did you mean ${nearest}? ` : '';
      problems.push(at(`<${tag.name}> has no attribute '${name}': ${hint}It takes ${describeProps(spec)}`));
      continue;
    }
    const problem = checkValue({ prop, value });
    if (problem) problems.push(at(`<${tag.name}> ${name}: ${problem}`));
  }
  for (const [name, prop] of Object.entries(spec.props)) {
    if (prop.required && !(name in tag.props)) {
      problems.push(at(`<${tag.name}> needs ${name}=${example(name, prop)} (${prop.description})`));
    }
  }
  return problems;
}

function describeProps(spec: ComponentSpec): string {
  return Object.entries(spec.props)
    .map(([name, prop]) => (prop.required ? `${name} (required)` : name))
    .join(', ');
}

function example(name: string, prop: PropSpec): string {
  switch (prop.type) {
    case 'query':
      return '{query_name}';
    case 'column':
    case 'columns':
      return 'column_name';
    case 'number':
      return '{10}';
    case 'boolean':
      return '{true}';
    case 'enum':
      return prop.values[0] ?? '…';
    case 'string':
      return `"${name}"`;
  }
}

/** Why a written value does not suit its attribute's type, or undefined when it does. */
function checkValue(options: { prop: PropSpec; value: ComponentProp }): string | undefined {
  const { prop, value } = options;
  switch (prop.type) {
    case 'query':
      return value.kind === 'query' ? undefined : `write the name of a query in braces, as in {query_name}`;
    case 'column':
    case 'columns':
    case 'string':
      return value.kind === 'string' ? undefined : `write text (a bare word or "quoted"), not ${written(value)}`;
    case 'boolean':
      return value.kind === 'boolean' ? undefined : `write {true}, {false}, or the bare name; not ${written(value)}`;
    case 'enum': {
      const text = value.kind === 'string' ? value.value : undefined;
      if (text !== undefined && prop.values.includes(text)) return undefined;
      const nearest = text === undefined ? undefined : nearestNames({ name: text, candidates: prop.values })[0];
      return `${written(value)} is not one of ${prop.values.join(', ')}${nearest ? ` (did you mean ${nearest}?)` : ''}`;
    }
    case 'number': {
      const number = numberOf(value);
      if (number === undefined) return `write a number, as in {10}; not ${written(value)}`;
      if (prop.integer && !Number.isInteger(number)) return `${number} is not a whole number`;
      if (prop.min !== undefined && number < prop.min) return `${number} is below the least allowed, ${prop.min}`;
      if (prop.max !== undefined && number > prop.max) return `${number} is above the most allowed, ${prop.max}`;
      return undefined;
    }
  }
}

/** `{10}` and `10` (a bare or quoted number) are both numbers to an author. */
function numberOf(value: ComponentProp): number | undefined {
  if (value.kind === 'number') return value.value;
  if (value.kind !== 'string' || !value.value.trim()) return undefined;
  const number = Number(value.value);
  return Number.isFinite(number) ? number : undefined;
}

function written(value: ComponentProp): string {
  switch (value.kind) {
    case 'query':
      return `{${value.name}}`;
    case 'string':
      return `'${value.value}'`;
    case 'boolean':
    case 'number':
      return `{${String(value.value)}}`;
    case 'expression':
      return `{${value.source}}`;
  }
}

/**
 * The columns a tag names that its `data` query's result lacks, with the nearest real column: checked when
 * the query has run, since only then are its columns known.
 */
export function checkColumns(options: {
  tag: ComponentTag;
  spec: ComponentSpec;
  columns: readonly string[];
}): string[] {
  const { tag, spec, columns } = options;
  const problems: string[] = [];
  for (const [name, prop] of Object.entries(spec.props)) {
    if (prop.type !== 'column' && prop.type !== 'columns') continue;
    for (const column of namedColumns({ prop, value: tag.props[name] })) {
      if (columns.includes(column)) continue;
      const nearest = nearestNames({ name: column, candidates: columns, limit: 1, perCharacter: true })[0];
      const query = tag.props.data?.kind === 'query' ? ` '${tag.props.data.name}'` : '';
      problems.push(
        `<${tag.name}> ${name}=${column}: the query${query} has no column '${column}'` +
          `${nearest ? ` (did you mean ${nearest}?)` : ''}. Its columns: ${columns.join(', ')}`,
      );
    }
  }
  return problems;
}

function namedColumns(options: { prop: PropSpec; value: ComponentProp | undefined }): string[] {
  const { prop, value } = options;
  const text = value?.kind === 'string' ? value.value : prop.type === 'column' ? prop.default : undefined;
  if (text === undefined) return [];
  return prop.type === 'columns' ? splitColumns(text) : [text];
}

function splitColumns(text: string): string[] {
  return text
    .split(',')
    .map((column) => column.trim())
    .filter(Boolean);
}

/**
 * The typed values a component receives for a checked tag: a query's result for a query attribute, a list
 * for columns, numbers and booleans as such, and each declared default for what the tag leaves out.
 */
export function resolveProps<Result>(options: {
  tag: ComponentTag;
  spec: ComponentSpec;
  resultOf: (query: string) => Result | undefined;
}): Record<string, unknown> {
  const { tag, spec, resultOf } = options;
  const values: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(spec.props)) {
    const value = tag.props[name];
    if (prop.type === 'query') {
      if (value?.kind === 'query') values[name] = resultOf(value.name);
    } else if (prop.type === 'columns') {
      values[name] = value?.kind === 'string' ? splitColumns(value.value) : [];
    } else if (prop.type === 'number') {
      values[name] = value ? numberOf(value) : prop.default;
    } else if (prop.type === 'boolean') {
      values[name] = value?.kind === 'boolean' ? value.value : prop.default;
    } else {
      values[name] = value?.kind === 'string' ? value.value : prop.default;
    }
  }
  return values;
}
