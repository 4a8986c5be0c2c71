import type { Project } from '../project/types.ts';
import type { CatalogTable } from './catalog.ts';

/** What the editor can offer: the project's names, the built catalog, and DuckDB's own vocabulary. */
export interface CompletionContext {
  project: Project | undefined;
  catalog: readonly CatalogTable[];
  /** From `duckdb_keywords()`. */
  keywords: readonly string[];
  /** From `duckdb_functions()`: name and kind (scalar, aggregate, table …). */
  functions: readonly { name: string; type: string }[];
}

/** One suggestion, independent of Monaco's types so it is testable in Node. */
export interface Completion {
  label: string;
  kind: 'model' | 'source' | 'macro' | 'table' | 'column' | 'keyword' | 'function' | 'jinja';
  /** One line beside the label: the type, the relation, the row count. */
  detail: string;
  /** Markdown shown in the details pane. */
  documentation: string;
  /** Text to insert when it differs from the label. */
  insertText?: string;
}

/**
 * The completions at the cursor, from the text before it (`before`) and the whole document (`text`, to
 * resolve table aliases): model names inside `ref('`, source and table names inside `source('`, macros
 * after `{{`, a table's columns after `name.` or `alias.`, and otherwise tables, columns, keywords and
 * functions.
 */
export function completionsAt(options: { before: string; text: string; context: CompletionContext }): Completion[] {
  const { before, text, context } = options;
  const project = context.project;
  const nodes = [...(project?.nodes.values() ?? [])];

  if (/\bref\(\s*['"][\w]*$/.test(before)) {
    return nodes.flatMap((node) =>
      node.resourceType === 'model' || node.resourceType === 'seed'
        ? [
            {
              label: node.name,
              kind: 'model' as const,
              detail: `${node.resourceType} · ${node.path}`,
              documentation: node.description,
            },
          ]
        : [],
    );
  }
  const sourceTable = /\bsource\(\s*['"](\w+)['"]\s*,\s*['"]\w*$/.exec(before);
  if (sourceTable) {
    return nodes.flatMap((node) =>
      node.resourceType === 'source' && node.sourceName === sourceTable[1]
        ? [
            {
              label: node.name,
              kind: 'source' as const,
              detail: `source table · ${node.relation}`,
              documentation: node.description,
            },
          ]
        : [],
    );
  }
  if (/\bsource\(\s*['"]\w*$/.test(before)) {
    const names = [...new Set(nodes.flatMap((node) => (node.resourceType === 'source' ? [node.sourceName] : [])))];
    return names.map((name) => ({ label: name, kind: 'source' as const, detail: 'source', documentation: '' }));
  }
  if (/\{\{[^}]*$/.test(before) && /\{\{\s*\w*$/.test(before)) {
    return [...jinjaFunctions(), ...macroNames(project).map((name) => macroCompletion(name))];
  }
  const dotted = /([\w"]+)\.(\w*)$/.exec(before);
  if (dotted?.[1]) {
    const table = resolveTable(dotted[1].replaceAll('"', ''), text, context.catalog);
    if (table) return table.columns.map((column) => columnCompletion(table, column));
  }

  const tables = context.catalog.map((table) => ({
    label: table.name,
    kind: 'table' as const,
    detail: `${table.kind} · ${table.schema}${table.rowCount === undefined ? '' : ` · ${table.rowCount.toLocaleString('en-AU')} rows`}`,
    documentation: table.description,
  }));
  const columns = new Map<string, Completion>();
  for (const table of context.catalog) {
    for (const column of table.columns) {
      if (!columns.has(column.name)) columns.set(column.name, columnCompletion(table, column));
    }
  }
  const keywords = context.keywords.map((keyword) => ({
    label: keyword.toLowerCase(),
    kind: 'keyword' as const,
    detail: 'keyword',
    documentation: '',
  }));
  const functions = new Map<string, Completion>();
  for (const fn of context.functions) {
    if (!functions.has(fn.name) && /^[a-z_]\w*$/i.test(fn.name))
      functions.set(fn.name, { label: fn.name, kind: 'function', detail: `${fn.type} function`, documentation: '' });
  }
  return [...tables, ...columns.values(), ...keywords, ...functions.values()];
}

/** Markdown for the word under the pointer: a table (its kind, rows, description, columns) or a column. */
export function hoverAt(options: {
  word: string;
  text: string;
  before: string;
  context: CompletionContext;
}): string | undefined {
  const { word, context } = options;
  const qualifier = /([\w"]+)\.$/.exec(options.before)?.[1]?.replaceAll('"', '');
  const owner = qualifier ? resolveTable(qualifier, options.text, context.catalog) : undefined;
  const tables = owner ? [owner] : context.catalog;
  const table = owner ? undefined : context.catalog.find((candidate) => candidate.name === word);
  if (table) {
    const rows = table.rowCount === undefined ? '' : `, ${table.rowCount.toLocaleString('en-AU')} rows`;
    const columns = table.columns.map((column) => `\`${column.name}\` ${column.type}`).join(' · ');
    return [`**${table.schema}.${table.name}** (${table.kind}${rows})`, table.description, columns]
      .filter(Boolean)
      .join('\n\n');
  }
  for (const candidate of tables) {
    const column = candidate.columns.find((inner) => inner.name === word);
    if (column)
      return [`**${column.name}** ${column.type} — in ${candidate.name}`, column.description]
        .filter(Boolean)
        .join('\n\n');
  }
  return undefined;
}

/** Macro names defined in the project's macro files (`{% macro name(` …). */
export function macroNames(project: Project | undefined): string[] {
  const names = new Set<string>();
  for (const file of project?.macroSources ?? []) {
    for (const match of file.content.matchAll(/\{%-?\s*macro\s+(\w+)\s*\(/g)) if (match[1]) names.add(match[1]);
  }
  return [...names].sort();
}

function macroCompletion(name: string): Completion {
  return { label: name, kind: 'macro', detail: 'macro', documentation: '', insertText: `${name}()` };
}

function jinjaFunctions(): Completion[] {
  return [
    {
      label: 'ref',
      kind: 'jinja',
      detail: "ref('model')",
      documentation: 'A model or seed, by name.',
      insertText: "ref('')",
    },
    {
      label: 'source',
      kind: 'jinja',
      detail: "source('source', 'table')",
      documentation: 'A loaded source table.',
      insertText: "source('', '')",
    },
    {
      label: 'config',
      kind: 'jinja',
      detail: 'config(materialized=…)',
      documentation: "This node's configuration.",
      insertText: 'config()',
    },
    { label: 'var', kind: 'jinja', detail: "var('name')", documentation: 'A project variable.', insertText: "var('')" },
  ];
}

function columnCompletion(table: CatalogTable, column: CatalogTable['columns'][number]): Completion {
  return {
    label: column.name,
    kind: 'column',
    detail: `${column.type} · ${table.name}`,
    documentation: column.description,
  };
}

/**
 * The table a qualifier names: a relation itself, or an alias given in the document
 * (`from dim__school as s`, `join {{ ref('dim__school') }} s`).
 */
function resolveTable(qualifier: string, text: string, catalog: readonly CatalogTable[]): CatalogTable | undefined {
  const direct = catalog.find((table) => table.name === qualifier);
  if (direct) return direct;
  const alias =
    /(?:from|join)\s+(?:\{\{\s*ref\(\s*['"](\w+)['"]\s*\)\s*\}\}|\{\{\s*source\([^)]*['"](\w+)['"]\s*\)\s*\}\}|(?:[\w"]+\.)*"?(\w+)"?)\s+(?:as\s+)?(\w+)/gi;
  for (const match of text.matchAll(alias)) {
    if (match[4] !== qualifier) continue;
    const name = match[1] ?? match[2] ?? match[3];
    const table = catalog.find((candidate) => candidate.name === name);
    if (table) return table;
  }
  return undefined;
}
