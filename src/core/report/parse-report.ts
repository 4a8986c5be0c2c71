import MarkdownIt, { type Env, type StateBlock, type Token } from 'markdown-it';
import { parseDocument } from 'yaml';
import { readComponentTag, type ComponentTag } from './parse-attributes.ts';
import { messageOf } from '../text/message-of.ts';
import { nearestNames } from '../text/nearest.ts';
import { checkComponentTag, componentRegistry, type ComponentRegistry } from './component-spec.ts';
import { bindInputs, type BoundQuery } from './bind-inputs.ts';

export type { ComponentProp } from './parse-attributes.ts';

/** A markdown report, parsed into what the UI renders in order, and the queries it needs. */
export interface ReportDocument {
  /** The path the report was read from, as given. */
  path: string;
  /** Frontmatter `title`, else the first `# heading`, else the file name without its extension. */
  title: string;
  /** Frontmatter `description`, when it is a string. */
  description?: string;
  /** The whole frontmatter; `{}` when absent or invalid. */
  frontmatter: Record<string, unknown>;
  /** Every named ```sql fence, in source order; a duplicate name keeps only its first definition. */
  queries: ReportQuery[];
  /** Markdown, query and component blocks, in source order. */
  blocks: ReportBlock[];
  /** Problems in the report, sorted by line; parsing continues past each one. */
  errors: ReportError[];
}

/** A named ```sql fence: ```` ```sql orders_by_month ````. */
export interface ReportQuery {
  /** The name after `sql` in the fence's info string. */
  name: string;
  /** The SQL text between the fences. */
  sql: string;
  /** 1-based line of the opening fence in the source file. */
  line: number;
  /** The SQL to run, with every `${inputs.name}` a parameter, and the input bound to each (see bindInputs). */
  bound: Pick<BoundQuery, 'sql' | 'inputs'>;
}

/** One renderable piece of a report. */
export type ReportBlock = MarkdownBlock | QueryBlock | ComponentBlock;

/** Consecutive markdown rendered to HTML, with raw HTML escaped (sanitise it again before display). */
export interface MarkdownBlock {
  /** Discriminant. */
  kind: 'markdown';
  /** The rendered HTML. */
  html: string;
  /** 1-based line where this markdown starts. */
  line: number;
}

/** Where a named ```sql fence stood, so the UI can offer "show SQL" there. */
export interface QueryBlock {
  /** Discriminant. */
  kind: 'query';
  /** The query's name; its SQL is in `ReportDocument.queries`. */
  name: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** A component tag such as `<BarChart data={q} x=level />`, with its name, props, children and lines. */
export interface ComponentBlock extends ComponentTag {
  /** Discriminant. */
  kind: 'component';
  /** For a component whose content is markdown (Alert, Details), that content rendered, raw HTML escaped. */
  html?: string;
  /** For a component whose content is child tags (a chart's ReferenceArea, a table's Column), those tags. */
  childTags?: ComponentTag[];
}

/** A problem in the report's source, phrased for its author. */
export interface ReportError {
  /** 1-based line in the source file. */
  line: number;
  /** What is wrong and, where possible, how to fix it. */
  message: string;
}

/**
 * Parses an Evidence.dev-style markdown report. Never throws on bad content: problems land in `errors`.
 * With `components`, every tag is checked against them (unknown names and attributes, values of the wrong
 * type, missing required attributes), each problem naming the nearest valid name.
 */
export function parseReport(options: { path: string; source: string; components?: ComponentRegistry }): ReportDocument {
  const errors: ReportError[] = [];
  // markdown-it normalises line endings itself; doing it first keeps our line arrays aligned with its maps.
  const lines = options.source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const frontmatter = readFrontmatter(lines, errors);
  closeUnterminatedSqlFences(lines, errors);
  const context: ParseContext = { lines, errors, components: [], registry: options.components };
  const env = { [CONTEXT]: context };
  const tokens = markdown.parse(lines.join('\n'), env);
  const { queries, blocks } = collectBlocks(tokens, context, env);
  checkQueryReferences(blocks, queries, errors);
  const description = frontmatter.description;
  return {
    path: options.path,
    title: chooseTitle(frontmatter.title, tokens, options.path),
    ...(typeof description === 'string' && { description }),
    frontmatter,
    queries,
    blocks,
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

const CONTEXT = Symbol('report-context');
interface ParseContext {
  lines: string[];
  errors: ReportError[];
  /** Component blocks in the order their (content-free) tokens were pushed. */
  components: ComponentBlock[];
  /** The components tags are checked against, when given. */
  registry: ComponentRegistry | undefined;
}

/** Reads YAML between leading `---` lines, then blanks those lines so every later line number stays exact. */
function readFrontmatter(lines: string[], errors: ReportError[]): Record<string, unknown> {
  const fail = (line: number, message: string) => {
    errors.push({ line, message });
    return {};
  };
  if (lines[0]?.trimEnd() !== '---') return {};
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) return fail(1, "The frontmatter opened on line 1 is never closed: add a '---' line after it");
  const document = parseDocument(lines.slice(1, close).join('\n'));
  lines.fill('', 0, close + 1);
  const [first] = document.errors;
  // yaml's message ends with a position relative to the YAML text and a code excerpt; we give our own line.
  const reason = first?.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  if (first) return fail((first.linePos?.[0].line ?? 1) + 1, `Frontmatter: ${reason}`);
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // toJS throws on alias abuse ("billion laughs"); treat it like any other YAML mistake.
    return fail(2, `Frontmatter: ${messageOf(error)}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return fail(2, 'Frontmatter must be `key: value` lines');
  return value as Record<string, unknown>;
}

/**
 * An unclosed fence swallows the rest of the file (CommonMark). For a ```sql fence we end it at its first
 * blank line instead, by turning that line into a closing fence, so later blocks still parse. Another
 * fence opener inside a ```sql fence (never valid SQL) also means the author forgot to close it.
 */
function closeUnterminatedSqlFences(lines: string[], errors: ReportError[]): void {
  let open: Fence | undefined;
  for (const [index, line] of lines.entries()) {
    const [, indent = '', marker = '', info = ''] = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line) ?? [];
    if (!marker) continue;
    if (open && !info.trim() && marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      open = undefined;
      continue;
    }
    if (open && info.trim()) open = closeSqlFence(lines, open, index, errors);
    // A backtick fence's info string cannot contain a backtick (CommonMark), so such a line is inline code.
    if (!open && !(marker[0] === '`' && info.includes('`'))) open = { index, indent, marker, info };
  }
  if (open) closeSqlFence(lines, open, lines.length, errors);
}

interface Fence {
  index: number;
  indent: string;
  marker: string;
  info: string;
}

/**
 * Reports an unclosed ```sql fence and closes it at its first blank line before `limit`, if there is one.
 * Returns the fence still open afterwards: the same one unless it was a sql fence.
 */
function closeSqlFence(lines: string[], open: Fence, limit: number, errors: ReportError[]): Fence | undefined {
  const [lang, name] = open.info.trim().split(/\s+/);
  if (lang?.toLowerCase() !== 'sql') return open;
  const line = open.index + 1;
  const label = name ? `'${name}' ` : '';
  const message = `The sql fence ${label}opened on line ${line} is never closed: add a ${open.marker} line after the query`;
  errors.push({ line, message });
  const blank = lines.findIndex((text, i) => i > open.index && i < limit && text.trim() === '');
  if (blank >= 0) lines[blank] = open.indent + open.marker;
  return undefined;
}

const markdown = new MarkdownIt({ html: false, linkify: false });
// Before html_block (off anyway with html: false); `alt` lets a tag line end a paragraph, list or quote.
markdown.block.ruler.before('html_block', 'component', componentRule, {
  alt: ['paragraph', 'reference', 'blockquote', 'list'],
});

/**
 * A block rule for lines starting with `<Capitalised`. markdown-it tries the fence and indented-code rules
 * first, so a tag inside code stays code. Only top-level tags are components.
 */
function componentRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const context = state.env[CONTEXT] as ParseContext;
  // Inside a list item or quote the rule only answers "does this outdented (lazy) line end the paragraph?".
  const lazy = (state.sCount[startLine] ?? 0) < state.blkIndent;
  if (state.level > 0 && !(silent && lazy)) return false;
  const read = readComponentTag({ lines: context.lines, startLine });
  if (!read || silent) return read !== undefined;
  context.errors.push(...read.errors);
  if (read.tag) {
    const block: ComponentBlock = { kind: 'component', ...read.tag };
    if (context.registry) {
      context.errors.push(...checkComponentTag({ tag: read.tag, registry: context.registry }));
      Object.assign(block, readChildren({ tag: read.tag, registry: context.registry, errors: context.errors }));
    }
    context.components.push(block);
    state.push('component', '', 0).map = [startLine, read.next];
  }
  state.line = read.next;
  return true;
}

// Content between a component's tags is plain markdown: no component tags of its own, no raw HTML.
const contentMarkdown = new MarkdownIt({ html: false, linkify: false });

/**
 * A paired tag's content, as its spec declares it: markdown rendered to HTML, or child tags each checked
 * against the child components the spec allows (problems land in `errors`, with the child's own line).
 */
function readChildren(options: {
  tag: ComponentTag;
  registry: ComponentRegistry;
  errors: ReportError[];
}): Pick<ComponentBlock, 'html' | 'childTags'> {
  const { tag, registry, errors } = options;
  const spec = registry.get(tag.name);
  const content = tag.children ?? '';
  if (!spec || !content.trim()) return {};
  if (spec.children === 'markdown') return { html: contentMarkdown.render(dedent(content)) };
  // The content ends just before `</Name>` on the tag's last line, so its first line is that many lines up.
  const firstLine = tag.endLine - (content.match(/\n/g)?.length ?? 0);
  if (!spec.children) {
    const line = firstLine + content.split('\n').findIndex((text) => text.trim());
    errors.push({ line, message: `<${tag.name}> takes no content: end it with '/>' instead` });
    return {};
  }
  const allowed = componentRegistry(spec.children.components);
  const names = [...allowed.keys()].map((name) => `<${name}>`).join(', ');
  const lines = content.split('\n');
  const childTags: ComponentTag[] = [];
  for (let index = 0; index < lines.length;) {
    if (!lines[index]?.trim()) {
      index++;
      continue;
    }
    const line = firstLine + index;
    const read = readComponentTag({ lines: lines.map((text) => text.trimStart()), startLine: index });
    if (!read) {
      errors.push({ line, message: `Only ${names} may stand inside <${tag.name}>; line ${line} is text` });
      break;
    }
    const shift = (found: { line: number; message: string }) => ({ ...found, line: found.line + firstLine - 1 });
    errors.push(...read.errors.map(shift));
    index = read.next;
    if (!read.tag) continue;
    const child = { ...read.tag, line: read.tag.line + firstLine - 1, endLine: read.tag.endLine + firstLine - 1 };
    if (!allowed.has(child.name)) {
      const nearest = nearestNames({ name: child.name, candidates: allowed.keys(), limit: 1 })[0];
      const hint = nearest ? `did you mean <${nearest}>? ` : '';
      errors.push({
        line: child.line,
        message: `<${child.name}> cannot stand inside <${tag.name}>: ${hint}It takes ${names}`,
      });
      continue;
    }
    const problems = checkComponentTag({ tag: child, registry: allowed });
    errors.push(...problems);
    if (problems.length === 0) childTags.push(child);
  }
  return { childTags };
}

/** Lines of indented content with their common indent removed, so it is not read as a code block. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)?.[0].length ?? 0));
  return lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

function collectBlocks(tokens: Token[], context: ParseContext, env: Env): Pick<ReportDocument, 'queries' | 'blocks'> {
  const queries: ReportQuery[] = [];
  const blocks: ReportBlock[] = [];
  let pending: Token[] = [];
  const flush = () => {
    const start = pending.find((token) => token.map)?.map?.[0];
    if (start !== undefined) {
      blocks.push({
        kind: 'markdown',
        html: markdown.renderer.render(pending, markdown.options, env),
        line: start + 1,
      });
    }
    pending = [];
  };
  for (const token of tokens) {
    const query = token.level === 0 && token.type === 'fence' ? readQuery(token, queries, context.errors) : undefined;
    const block: ReportBlock | undefined = query
      ? { kind: 'query', name: query.name, line: query.line }
      : token.type === 'component'
        ? context.components.shift()
        : undefined;
    if (!block) {
      pending.push(token);
      continue;
    }
    flush();
    if (query) queries.push(query);
    blocks.push(block);
  }
  flush();
  return { queries, blocks };
}

/** The query of a ```sql name fence; a bad or duplicate name leaves the fence as a plain code block. */
function readQuery(token: Token, queries: ReportQuery[], errors: ReportError[]): ReportQuery | undefined {
  const [lang, name] = token.info.trim().split(/\s+/);
  if (lang?.toLowerCase() !== 'sql' || !name) return undefined;
  const line = (token.map?.[0] ?? 0) + 1;
  const first = queries.find((query) => query.name === name);
  const problem = !/^[A-Za-z_]\w*$/.test(name)
    ? `Query name '${name}' on line ${line} cannot be used in data={…}: use letters, digits and _`
    : first && `Query '${name}' is defined twice, on line ${first.line} and line ${line}: rename one`;
  if (!problem) {
    const sql = token.content.trimEnd();
    const { problems, ...bound } = bindInputs(sql);
    for (const found of problems)
      errors.push({ line: line + found.line, message: `Query '${name}': ${found.message}` });
    return { name, sql, line, bound };
  }
  errors.push({ line, message: problem });
  return undefined;
}

function checkQueryReferences(blocks: ReportBlock[], queries: ReportQuery[], errors: ReportError[]): void {
  const names = queries.map((query) => query.name);
  for (const block of blocks) {
    if (block.kind !== 'component') continue;
    for (const [prop, value] of Object.entries(block.props)) {
      if (value.kind !== 'query' || names.includes(value.name)) continue;
      const nearest = nearestNames({ name: value.name, candidates: names, limit: names.length, perCharacter: true });
      const known = names.length
        ? `defined queries, nearest first: ${nearest.join(', ')}`
        : 'this report defines no queries';
      const message = `<${block.name}> ${prop}={${value.name}} refers to no query in this report (${known})`;
      errors.push({ line: block.line, message });
    }
  }
}

function chooseTitle(frontmatterTitle: unknown, tokens: Token[], path: string): string {
  if (typeof frontmatterTitle === 'string' && frontmatterTitle.trim()) return frontmatterTitle.trim();
  const h1 = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const text = (tokens[h1 + 1]?.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .trim();
  if (h1 >= 0 && text) return text;
  return (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]*$/, '');
}
