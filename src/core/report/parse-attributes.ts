/** `data={orders}`: a bare identifier in braces names a query of the same report. */
export interface QueryProp {
  /** Discriminant. */
  kind: 'query';
  /** The query name, as written between the braces. */
  name: string;
}

/** `x=level`, `x="level"` or `x='level'`: plain text, never evaluated. */
export interface StringProp {
  /** Discriminant. */
  kind: 'string';
  /** The text without its quotes. */
  value: string;
}

/** A bare attribute (`<DataTable search />`), `{true}` or `{false}`. */
export interface BooleanProp {
  /** Discriminant. */
  kind: 'boolean';
  /** `true` for a bare attribute. */
  value: boolean;
}

/** A numeric literal in braces: `{100}`, `{-1.5}`, `{1e3}`. */
export interface NumberProp {
  /** Discriminant. */
  kind: 'number';
  /** The parsed number. */
  value: number;
}

/** Any other braced value (`{['a','b']}`, `{inputs.year}`): kept as text for the UI to interpret. */
export interface ExpressionProp {
  /** Discriminant. */
  kind: 'expression';
  /** The raw text between the outer braces, exactly as written. */
  source: string;
}

/** One attribute value of a component tag, classified by how it was written. */
export type ComponentProp = QueryProp | StringProp | BooleanProp | NumberProp | ExpressionProp;

/** The attributes read from a tag, and the first problem that stopped the reading, if any. */
export interface AttributesResult {
  /** Attributes by name, in source order, up to the first error. */
  props: Record<string, ComponentProp>;
  /** Why reading stopped early, phrased for the report author; absent when all went well. */
  error?: string;
}

/**
 * Reads a whole string of attributes, as written between a component name and its `/>`. Values may be
 * quoted, braced (with nested braces and JS strings inside) or bare, and may span lines.
 */
export function parseAttributes(source: string): AttributesResult {
  const result = readTagAttributes({ source, start: 0 });
  if (result.error !== undefined || result.end === source.length) {
    return { props: result.props, ...(result.error !== undefined && { error: result.error }) };
  }
  return { props: result.props, error: `unexpected '${source.charAt(result.end)}' in the attributes` };
}

/** A component tag read from report lines (1-based line numbers). */
export interface ComponentTag {
  /** The tag name, e.g. `BarChart`. */
  name: string;
  /** The tag's attributes by name. */
  props: Record<string, ComponentProp>;
  /** For a paired tag (`<Details>…</Details>`), the raw text between the tags. */
  children?: string;
  /** 1-based line of the `<` that opens the tag. */
  line: number;
  /** 1-based line of the `/>` or `</Name>` that closes it. */
  endLine: number;
}

/** What reading a tag produced. */
export interface ComponentTagResult {
  /** 0-based index of the first line after the tag, or after the lines given up on when it is broken. */
  next: number;
  /** The tag, unless it is too broken to render. */
  tag?: ComponentTag;
  /** Problems, with 1-based lines and messages for the report author. */
  errors: { line: number; message: string }[];
}

const TAG_START = /^ {0,3}<([A-Z][\w.]*)(?=[\s/>]|$)/;
// Lines an opening tag cannot run into, so a forgotten '/>' costs one tag, not the rest of the file
// (the price: an attribute value cannot contain a blank line).
const TAG_BOUNDARY = /^\s*$|^ {0,3}(?:<[A-Z]|`{3}|~{3})/;

/**
 * Reads the component tag starting on `lines[startLine]`: self-closing (`<A x=1 />`) or paired
 * (`<A>…</A>`), over as many lines as it takes. Returns undefined when that line starts no tag.
 */
export function readComponentTag(options: { lines: string[]; startLine: number }): ComponentTagResult | undefined {
  const { lines, startLine } = options;
  const start = TAG_START.exec(lines[startLine] ?? '');
  if (!start) return undefined;
  const name = start[1] ?? '';
  const line = startLine + 1;
  let stop = startLine + 1;
  while (stop < lines.length && !TAG_BOUNDARY.test(lines[stop] ?? '')) stop++;
  const chunk = lines.slice(startLine, stop).join('\n');
  const read = readTagAttributes({ source: chunk, start: start[0].length });
  if (read.error !== undefined) {
    return { next: stop, errors: [{ line, message: `<${name}> on line ${line}: ${read.error}` }] };
  }
  if (read.end === chunk.length) {
    return {
      next: stop,
      errors: [{ line, message: `<${name}> opened on line ${line} is never closed: add '/>'` }],
    };
  }
  // The chunk is a prefix of the tail, so offsets in one are offsets in the other.
  const tail = read.selfClosing ? chunk : lines.slice(startLine).join('\n');
  let end = read.end + (read.selfClosing ? 2 : 1);
  let children: string | undefined;
  if (!read.selfClosing) {
    const closing = new RegExp(`</${name.replace(/\./g, '\\.')}\\s*>`, 'g');
    closing.lastIndex = end;
    const found = closing.exec(tail);
    if (!found) {
      const message = `<${name}> opened on line ${line} is never closed: add '</${name}>' or end it with '/>'`;
      return { next: startLine + lineOf(tail, read.end) + 1, errors: [{ line, message }] };
    }
    children = tail.slice(end, found.index);
    end = found.index + found[0].length;
  }
  const endLine = startLine + lineOf(tail, end) + 1;
  const tag = { name, props: read.props, line, endLine, ...(children !== undefined && { children }) };
  const lineEnd = tail.indexOf('\n', end);
  const rest = tail.slice(end, lineEnd < 0 ? undefined : lineEnd).trim();
  const message = `Text after <${name}> on line ${endLine} is ignored: put it on its own line`;
  return { next: endLine, tag, errors: rest ? [{ line: endLine, message }] : [] };
}

/** 0-based line of an offset in a text. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** Where the attribute list of an opening tag stopped, on top of what was read. */
interface TagAttributesResult extends AttributesResult {
  /** Offset of the `/>` or `>` that ends the tag, or `source.length` when neither was found. */
  end: number;
  /** True when the tag ends with `/>`. */
  selfClosing: boolean;
}

/**
 * Reads attributes from `start` until the `/>` or `>` that ends an opening tag. Sharing this tokenizer
 * with `parseAttributes` means a `>` inside quotes or braces (`{a > b}`) never ends a tag early.
 */
function readTagAttributes(options: { source: string; start: number }): TagAttributesResult {
  const { source } = options;
  const props = new Map<string, ComponentProp>();
  const finish = (end: number, extra: { error?: string; selfClosing?: boolean } = {}) => ({
    // fromEntries defines own properties, so an attribute called `__proto__` cannot touch the prototype.
    props: Object.fromEntries(props),
    end,
    selfClosing: extra.selfClosing ?? false,
    ...(extra.error !== undefined && { error: extra.error }),
  });
  let pos = options.start;
  for (;;) {
    pos = skipSpace(source, pos);
    if (pos >= source.length) return finish(source.length);
    if (source.startsWith('/>', pos)) return finish(pos, { selfClosing: true });
    if (source[pos] === '>') return finish(pos);
    const name = matchAt(ATTRIBUTE_NAME, source, pos);
    if (name === undefined) {
      return finish(source.length, {
        error: `unexpected '${source.charAt(pos)}' where an attribute name should be`,
      });
    }
    if (props.has(name)) return finish(source.length, { error: `attribute '${name}' is given twice` });
    pos = skipSpace(source, pos + name.length);
    if (source[pos] !== '=') {
      props.set(name, { kind: 'boolean', value: true });
      continue;
    }
    const value = readValue(source, skipSpace(source, pos + 1), name);
    if ('error' in value) return finish(source.length, { error: value.error });
    props.set(name, value.prop);
    pos = value.next;
  }
}

// HTML attribute names, plus Svelte's `bind:value` and `on:click` (which contain ':').
const ATTRIBUTE_NAME = /[^\s"'`<>/={}]+/y;
const UNQUOTED_VALUE = /[^\s"'`<>={}]+/y;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Identifiers that are JS values rather than query names.
const NOT_QUERIES = new Set(['null', 'undefined', 'NaN', 'Infinity']);

type ValueResult = { prop: ComponentProp; next: number } | { error: string };

function readValue(source: string, pos: number, name: string): ValueResult {
  const open = source[pos];
  if (open === '"' || open === "'") {
    const close = source.indexOf(open, pos + 1);
    if (close < 0) return { error: `the ${open} opening the value of '${name}' is never closed` };
    return { prop: { kind: 'string', value: source.slice(pos + 1, close) }, next: close + 1 };
  }
  if (open === '{') {
    const close = findClosingBrace(source, pos);
    if (close < 0) return { error: `the { opening the value of '${name}' is never closed` };
    const inner = source.slice(pos + 1, close);
    if (inner.trim() === '') return { error: `'${name}={}' has nothing between the braces` };
    return { prop: classifyExpression(inner), next: close + 1 };
  }
  const bare = matchAt(UNQUOTED_VALUE, source, pos);
  // `a/>` ends a tag, so a bare value loses a trailing '/' that is followed by '>'.
  const value = bare?.endsWith('/') && source[pos + bare.length] === '>' ? bare.slice(0, -1) : bare;
  if (!value) return { error: `'${name}=' has no value` };
  return { prop: { kind: 'string', value }, next: pos + value.length };
}

function classifyExpression(inner: string): ComponentProp {
  const text = inner.trim();
  if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
  if (NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  if (IDENTIFIER.test(text) && !NOT_QUERIES.has(text)) return { kind: 'query', name: text };
  return { kind: 'expression', source: inner };
}

/** Offset of the `}` matching the `{` at `open`, skipping JS strings; -1 when unbalanced. */
function findClosingBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipString(source, i);
      if (i < 0) return -1;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** Offset of the quote closing the JS string that starts at `open` (honouring `\` escapes); -1 if none. */
function skipString(source: string, open: number): number {
  const quote = source[open];
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i;
  }
  return -1;
}

function skipSpace(source: string, pos: number): number {
  while (pos < source.length && /\s/.test(source.charAt(pos))) pos++;
  return pos;
}

function matchAt(pattern: RegExp, source: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  return pattern.exec(source)?.[0];
}
