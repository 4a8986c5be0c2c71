import { readYaml, type YamlFile } from './read-yaml.ts';
import type { ColumnInfo, Freshness, FreshnessThreshold, ProjectError, ProjectFile } from './types.ts';

/** A test as declared in YAML, before it becomes a node. */
export interface TestDeclaration {
  /** Test name, e.g. `not_null`, `relationships`, `dbt_utils.expression_is_true`. */
  testName: string;
  /** Its arguments (everything but `config`). */
  args: Record<string, unknown>;
  /** Its `config:` (severity, where, …), including legacy top-level severity/where. */
  config: Record<string, unknown>;
  /** The tested column, for column tests. */
  columnName?: string | undefined;
  /** 1-based line of the declaration. */
  line: number | undefined;
}

/** What YAML says about one model or seed (dbt calls this a patch). */
export interface NodePatch {
  /** The YAML file. */
  path: string;
  /** Line of the entry. */
  line: number | undefined;
  /** Description (may contain `{{ doc() }}`). */
  description: string;
  /** Columns by name. */
  columns: Record<string, ColumnInfo>;
  /** `config:` of the entry. */
  config: Record<string, unknown>;
  /** Tests on the node and its columns. */
  tests: TestDeclaration[];
}

/** A source table declared in YAML. */
export interface SourceDeclaration extends NodePatch {
  /** The source's name. */
  sourceName: string;
  /** The table's name. */
  tableName: string;
  /** Schema of the raw relation (dbt default: the source's name). */
  schema: string;
  /** The raw relation's name (dbt default: the table's name). */
  identifier: string;
  /** Freshness thresholds. */
  freshness: Freshness | undefined;
  /** The table's `meta:` merged over the source's. */
  meta: Record<string, unknown>;
}

/** One entry of a top-level `semantic_models:`, `metrics:` or `saved_queries:` list, read by src/core/metrics. */
export interface SemanticDeclaration {
  /** The YAML file. */
  path: string;
  /** The entry as plain data. */
  value: unknown;
  /** 1-based line of a node inside the entry (`[]`: the entry itself; `['measures', 0]`), when it exists. */
  lineOf(at: ReadonlyArray<string | number>): number | undefined;
}

/** Everything the YAML files of a project declare. */
export interface SchemaDeclarations {
  /** Source tables. */
  sources: SourceDeclaration[];
  /** Model patches by model name. */
  models: Map<string, NodePatch>;
  /** Seed patches by seed name. */
  seeds: Map<string, NodePatch>;
  /** MetricFlow's `semantic_models:` entries. */
  semanticModels: SemanticDeclaration[];
  /** MetricFlow's `metrics:` entries. */
  metrics: SemanticDeclaration[];
  /** MetricFlow's `saved_queries:` entries. */
  savedQueries: SemanticDeclaration[];
  /** Problems found. */
  errors: ProjectError[];
}

const SEMANTIC_KEYS = [
  ['semantic_models', 'semanticModels'],
  ['metrics', 'metrics'],
  ['saved_queries', 'savedQueries'],
] as const;

/**
 * Read `sources:`, `models:` and `seeds:` from every YAML file given (dbt's "properties" files), and collect
 * the semantic layer's lists with their positions.
 */
export function parseSchemaFiles(files: readonly ProjectFile[]): SchemaDeclarations {
  const result: SchemaDeclarations = {
    sources: [],
    models: new Map(),
    seeds: new Map(),
    semanticModels: [],
    metrics: [],
    savedQueries: [],
    errors: [],
  };
  for (const file of files) {
    const yaml = readYaml(file);
    result.errors.push(...yaml.errors);
    const root = asRecord(yaml.value);
    for (const kind of ['models', 'seeds'] as const) {
      list(root[kind]).forEach((entry, index) => {
        const patch = readPatch({ file, yaml, entry, at: [kind, index], errors: result.errors });
        const name = asRecord(entry).name;
        if (!patch || typeof name !== 'string') return;
        const previous = result[kind].get(name);
        if (previous) {
          result.errors.push({
            path: file.path,
            line: patch.line,
            message: `'${name}' is described twice: here and in ${previous.path}.`,
          });
        } else result[kind].set(name, patch);
      });
    }
    list(root.sources).forEach((source, sourceIndex) => readSource({ file, yaml, source, sourceIndex, result }));
    for (const [key, kind] of SEMANTIC_KEYS)
      list(root[key]).forEach((value, index) =>
        result[kind].push({ path: file.path, value, lineOf: (at) => yaml.lineOf([key, index, ...at]) }),
      );
  }
  return result;
}

function readSource(options: {
  file: ProjectFile;
  yaml: YamlFile;
  source: unknown;
  sourceIndex: number;
  result: SchemaDeclarations;
}): void {
  const { file, yaml, sourceIndex, result } = options;
  const source = asRecord(options.source);
  if (typeof source.name !== 'string') {
    result.errors.push({
      path: file.path,
      line: yaml.lineOf(['sources', sourceIndex]),
      message: 'A source has no `name`.',
    });
    return;
  }
  list(source.tables).forEach((table, tableIndex) => {
    const at = ['sources', sourceIndex, 'tables', tableIndex];
    const patch = readPatch({ file, yaml, entry: table, at, errors: result.errors });
    const entry = asRecord(table);
    if (!patch || typeof entry.name !== 'string') return;
    result.sources.push({
      ...patch,
      sourceName: String(source.name),
      tableName: entry.name,
      schema: String(entry.schema ?? source.schema ?? source.name),
      identifier: String(entry.identifier ?? entry.name),
      // A table's `freshness: null` turns off what it would inherit from its source, as in dbt.
      freshness: readFreshness(
        'freshness' in entry ? entry.freshness : source.freshness,
        entry.loaded_at_field ?? source.loaded_at_field,
      ),
      meta: { ...asRecord(source.meta), ...asRecord(entry.meta) },
    });
  });
}

function readPatch(options: {
  file: ProjectFile;
  yaml: YamlFile;
  entry: unknown;
  at: Array<string | number>;
  errors: ProjectError[];
}): NodePatch | undefined {
  const { file, yaml, at } = options;
  const entry = asRecord(options.entry);
  const line = yaml.lineOf(at);
  if (typeof entry.name !== 'string') {
    options.errors.push({ path: file.path, line, message: 'An entry has no `name`.' });
    return undefined;
  }
  const tests = readTests({
    yaml,
    declared: entry.data_tests ?? entry.tests,
    at: [...at, entry.data_tests ? 'data_tests' : 'tests'],
  });
  const columns: Record<string, ColumnInfo> = {};
  list(entry.columns).forEach((column, index) => {
    const col = asRecord(column);
    if (typeof col.name !== 'string') return;
    columns[col.name] = {
      name: col.name,
      description: String(col.description ?? ''),
      dataType: typeof col.data_type === 'string' ? col.data_type : undefined,
    };
    const key = col.data_tests ? 'data_tests' : 'tests';
    tests.push(...readTests({ yaml, declared: col[key], at: [...at, 'columns', index, key], columnName: col.name }));
  });
  return {
    path: file.path,
    line,
    description: String(entry.description ?? ''),
    columns,
    config: asRecord(entry.config),
    tests,
  };
}

function readTests(options: {
  yaml: YamlFile;
  declared: unknown;
  at: Array<string | number>;
  columnName?: string;
}): TestDeclaration[] {
  return list(options.declared).flatMap((declared, index): TestDeclaration[] => {
    const line = options.yaml.lineOf([...options.at, index]);
    if (typeof declared === 'string')
      return [{ testName: declared, args: {}, config: {}, columnName: options.columnName, line }];
    const [testName, body] = Object.entries(asRecord(declared))[0] ?? [];
    if (!testName) return [];
    const { config, severity, where, ...args } = asRecord(body);
    const legacy = Object.fromEntries(Object.entries({ severity, where }).filter(([, v]) => v !== undefined));
    return [{ testName, args, config: { ...legacy, ...asRecord(config) }, columnName: options.columnName, line }];
  });
}

function readFreshness(value: unknown, loadedAtField: unknown): Freshness | undefined {
  const freshness = asRecord(value);
  const hours = (threshold: unknown): number | undefined => {
    const t = asRecord(threshold);
    if (typeof t.count !== 'number') return undefined;
    const factor = { minute: 1 / 60, hour: 1, day: 24 }[String(t.period)] ?? 1;
    return t.count * factor;
  };
  if (!value && !loadedAtField) return undefined;
  return {
    warnAfterHours: hours(freshness.warn_after),
    errorAfterHours: hours(freshness.error_after),
    loadedAtField: typeof loadedAtField === 'string' ? loadedAtField : undefined,
    warnAfter: threshold(freshness.warn_after),
    errorAfter: threshold(freshness.error_after),
  };
}

function threshold(value: unknown): FreshnessThreshold | undefined {
  const t = asRecord(value);
  return typeof t.count === 'number' ? { count: t.count, period: String(t.period) } : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
