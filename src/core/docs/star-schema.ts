import { resolveReferenceExpression } from '../project/test-nodes.ts';
import type { ModelNode, Project, TestNode } from '../project/types.ts';

/** The role a key column plays in its table. */
export type KeyRole = 'PK' | 'UK' | 'FK';

/** A key column of a dimension or fact. */
export interface KeyColumn {
  /** Column name. */
  name: string;
  /** Declared data type, when the YAML gives one. */
  dataType: string | undefined;
  /** Primary key, other unique key, and/or foreign key. */
  roles: KeyRole[];
}

/** A dimension (`dim__*`) or fact (`fct__*`) model with its key columns. */
export interface StarTable {
  /** Model name. */
  name: string;
  /** `dimension` or `fact`, from the name's prefix. */
  kind: 'dimension' | 'fact';
  /** Key columns: primary and unique keys first, then foreign keys, each in name order. */
  keys: KeyColumn[];
}

/** A link from a table's column to a dimension: a `relationships` test, or a `calendar_year` column. */
export interface StarLink {
  /** The referencing table (usually a fact). */
  from: string;
  /** Its column. */
  column: string;
  /** The dimension referenced. */
  to: string;
  /** The dimension's column. */
  field: string;
}

/** The dimensions and facts of a project and the links between them. */
export interface StarSchema {
  /** Dimensions, by name. */
  dimensions: StarTable[];
  /** Facts, by name. */
  facts: StarTable[];
  /** Links between them, by table then column. */
  links: StarLink[];
}

/** The calendar dimension every `calendar_year` column joins (models/CONVENTIONS.md). */
export const CALENDAR_DIMENSION = 'dim__calendar_year';

/**
 * Read the star schema of a loaded project: models named `dim__*` and `fct__*`, linked by their
 * `relationships` tests and by `calendar_year` columns (to {@link CALENDAR_DIMENSION}, when it exists). With
 * `selected` (unique ids), only selected tables and the tables they link to directly are kept.
 */
export function readStarSchema(options: { project: Project; selected?: ReadonlySet<string> | undefined }): StarSchema {
  const { project } = options;
  const models = [...project.nodes.values()].filter(
    (node): node is ModelNode => node.resourceType === 'model' && /^(dim|fct)__/.test(node.name),
  );
  const byId = new Map(models.map((model) => [model.uniqueId, model]));
  const names = new Set(models.map((model) => model.name));
  const tests = [...project.nodes.values()].filter((node): node is TestNode => node.resourceType === 'test');
  const links = [...relationshipLinks({ project, tests, byId }), ...calendarLinks(models, names)];
  const unique = uniqueLinks(links);
  const selected = options.selected;
  const chosen = new Set(models.filter((m) => !selected || selected.has(m.uniqueId)).map((m) => m.name));
  // A selected table brings the tables it links to, so `--select fct__x` still shows the row of fct__x.
  const kept = new Set(chosen);
  for (const link of unique) if (chosen.has(link.from) || chosen.has(link.to)) kept.add(link.from).add(link.to);
  const shown = unique.filter((link) => kept.has(link.from) && kept.has(link.to));
  const tables = models
    .filter((model) => kept.has(model.name))
    .map((model) => tableOf({ model, tests, links: shown }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    dimensions: tables.filter((table) => table.kind === 'dimension'),
    facts: tables.filter((table) => table.kind === 'fact'),
    links: shown,
  };
}

function relationshipLinks(options: { project: Project; tests: TestNode[]; byId: Map<string, ModelNode> }): StarLink[] {
  const { project, tests, byId } = options;
  return tests.flatMap((test) => {
    const kwargs = test.testMetadata?.kwargs;
    const from = byId.get(test.attachedNode ?? '');
    if (test.testMetadata?.name !== 'relationships' || !kwargs || !from || !test.columnName) return [];
    const to = byId.get(resolveReferenceExpression({ project, expression: String(kwargs.to) }) ?? '');
    if (!to || !to.name.startsWith('dim__')) return [];
    return [{ from: from.name, column: test.columnName, to: to.name, field: String(kwargs.field ?? test.columnName) }];
  });
}

function calendarLinks(models: ModelNode[], names: ReadonlySet<string>): StarLink[] {
  if (!names.has(CALENDAR_DIMENSION)) return [];
  return models
    .filter((model) => model.name !== CALENDAR_DIMENSION && 'calendar_year' in model.columns)
    .map((model) => ({ from: model.name, column: 'calendar_year', to: CALENDAR_DIMENSION, field: 'calendar_year' }));
}

function uniqueLinks(links: StarLink[]): StarLink[] {
  const seen = new Map(links.map((link) => [`${link.from}.${link.column}→${link.to}`, link]));
  return [...seen.values()].sort(
    (a, b) => a.from.localeCompare(b.from) || a.column.localeCompare(b.column) || a.to.localeCompare(b.to),
  );
}

/** A table's keys: `_meta__<name>__sk` is its primary key; other `unique`-tested columns are unique keys. */
function tableOf(options: { model: ModelNode; tests: TestNode[]; links: StarLink[] }): StarTable {
  const { model, tests, links } = options;
  const surrogate = `_meta__${model.name}__sk`;
  const uniqueColumns = tests
    .filter((test) => test.attachedNode === model.uniqueId && test.testMetadata?.name === 'unique' && test.columnName)
    .map((test) => test.columnName as string);
  const candidates = [...new Set([...(surrogate in model.columns ? [surrogate] : []), ...uniqueColumns])].sort();
  const primary = candidates.includes(surrogate) ? [surrogate] : candidates;
  const foreign = new Set(links.filter((link) => link.from === model.name).map((link) => link.column));
  const roles = (name: string): KeyRole[] => [
    ...(primary.includes(name) ? (['PK'] as const) : candidates.includes(name) ? (['UK'] as const) : []),
    ...(foreign.has(name) ? (['FK'] as const) : []),
  ];
  const ordered = [...primary, ...candidates.filter((name) => !primary.includes(name)), ...[...foreign].sort()];
  return {
    name: model.name,
    kind: model.name.startsWith('dim__') ? 'dimension' : 'fact',
    keys: [...new Set(ordered)].map((name) => ({ name, dataType: model.columns[name]?.dataType, roles: roles(name) })),
  };
}
