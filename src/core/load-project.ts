import { topoSort } from './graph/topo-sort.ts';
import { renderTemplate, TemplateError } from './jinja/render-template.ts';
import { buildMetricModels } from './metrics/metric-models.ts';
import { nearestNames } from './text/nearest.ts';
import { readDocBlocks } from './project/doc-blocks.ts';
import { discoverCalls, lineOfCall, type DiscoveredCalls } from './project/discover-calls.ts';
import { dbtFunctions, TARGET } from './project/jinja-context.ts';
import { configFromTree, mergeConfig } from './project/node-config.ts';
import { parseSchemaFiles, type NodePatch } from './project/parse-schema-files.ts';
import { readProjectSettings } from './project/project-settings.ts';
import { buildTestNodes } from './project/test-nodes.ts';
import type {
  ModelNode,
  NodeConfig,
  Project,
  ProjectError,
  ProjectFile,
  ProjectNode,
  ProjectSettings,
  SeedNode,
  SourceNode,
} from './project/types.ts';
import { messageOf } from './text/message-of.ts';
import { readSnapshots } from './snapshots/read-snapshots.ts';

/** A loaded project, or the errors that stop it from building. */
export interface LoadedProject {
  /** Every node that could be read. */
  project: Project;
  /** Problems that stop the project from building, each pointing at its file and line. */
  errors: ProjectError[];
}

/**
 * Read a dbt-style project from its files: dbt_project.yml, macros, doc blocks, seeds, YAML properties,
 * models and singular tests. Every model is rendered once to discover its refs, sources and config; the
 * graph is then checked for unknown references (with the nearest names) and cycles (naming every node).
 */
export function loadProject(options: {
  files: readonly ProjectFile[];
  defaultName?: string;
  /** Vars that override dbt_project.yml's, as dbt's `--vars` do. */
  vars?: Readonly<Record<string, unknown>> | undefined;
}): LoadedProject {
  const read = readProjectSettings({ files: options.files, defaultName: options.defaultName });
  const { errors } = read;
  const settings = options.vars
    ? { ...read.settings, vars: { ...read.settings.vars, ...options.vars } }
    : read.settings;
  // Macro and test folders may sit inside the model folder (models/macros); their files are not models.
  const reserved = [...settings.macroPaths, ...settings.testPaths];
  const inside = (path: string, folders: string[]) => folders.some((folder) => path.startsWith(`${folder}/`));
  const under = (paths: string[], extension: string) =>
    options.files.filter((file) => file.path.endsWith(extension) && inside(file.path, paths));
  const inModels = (extension: string) =>
    under(settings.modelPaths, extension).filter((file) => !inside(file.path, reserved));
  const docBlocks = readDocBlocks([...inModels('.md'), ...under(['docs'], '.md')]);
  errors.push(...docBlocks.errors);
  const project: Project = {
    settings,
    nodes: new Map(),
    docs: docBlocks.docs,
    macroSources: under(settings.macroPaths, '.sql'),
  };
  const schema = parseSchemaFiles([...inModels('.yml'), ...inModels('.yaml'), ...under(settings.seedPaths, '.yml')]);
  errors.push(...schema.errors);
  const context = {
    project,
    errors,
    describe: (text: string, path: string) => renderDescription({ project, text, path, errors }),
  };

  for (const file of under(settings.seedPaths, '.csv'))
    addNode(context, readSeed({ ...context, file, patch: schema.seeds.get(baseName(file.path, '.csv')) }));
  for (const declaration of schema.sources) addNode(context, readSource({ ...context, declaration }));
  // Models whose file does not render: their own error says why, so refs to them and YAML describing
  // them are not reported again as "unknown" (one mistake, one message).
  const unreadable = new Set<string>();
  for (const file of inModels('.sql')) {
    const model = readModel({ ...context, file, patch: schema.models.get(baseName(file.path, '.sql')) });
    if (model) addNode(context, model);
    else unreadable.add(baseName(file.path, '.sql'));
  }
  for (const snapshot of readSnapshots({ ...context, files: options.files, schemaName })) addNode(context, snapshot);
  // Saved queries of the semantic layer become models too, once the models their semantic models ref exist.
  for (const model of buildMetricModels({ ...context, schema, schemaName })) addNode(context, model);
  reportPatchesWithoutNodes({ project, errors, patches: schema.models, kind: 'model', unreadable });
  resolveReferences({ project, errors, unreadable });
  for (const test of buildTestNodes({
    project,
    schema,
    // As in dbt, tests/generic/ holds `{% test %}` definitions, not singular tests (a dbt export writes its
    // generic tests there; this engine runs them with its own compilers).
    testFiles: under(settings.testPaths, '.sql').filter(
      (file) => !inside(file.path, genericFolders(settings.testPaths)),
    ),
    errors,
    describe: context.describe,
  }))
    addNode(context, test);
  if (errors.length === 0) reportCycle({ project, errors });
  return { project, errors };
}

interface LoadContext {
  project: Project;
  errors: ProjectError[];
  describe: (text: string, path: string) => string;
}

function addNode(context: LoadContext, node: ProjectNode | undefined): void {
  if (!node || !node.config.enabled) return;
  const clash = [...context.project.nodes.values()].find(
    (other) =>
      other.name === node.name &&
      other.resourceType !== 'source' &&
      node.resourceType !== 'source' &&
      other.resourceType !== 'test' &&
      node.resourceType !== 'test',
  );
  if (clash) {
    context.errors.push({
      path: node.path,
      message: `Two nodes are named '${node.name}': ${clash.path} and ${node.path}. Rename one: ref() needs unique names.`,
    });
    return;
  }
  if (context.project.nodes.has(node.uniqueId)) {
    context.errors.push({ path: node.path, line: node.line, message: `${node.uniqueId} is declared twice.` });
    return;
  }
  context.project.nodes.set(node.uniqueId, node);
}

function readModel(options: LoadContext & { file: ProjectFile; patch: NodePatch | undefined }): ModelNode | undefined {
  const { project, file, patch, errors } = options;
  const { settings } = project;
  const name = baseName(file.path, '.sql');
  const fqn = fqnOf({ settings, path: file.path, roots: settings.modelPaths, name });
  let calls: DiscoveredCalls;
  try {
    calls = discoverCalls({ project, file, values: { this: name, execute: false } });
  } catch (error) {
    errors.push(toProjectError(error, file.path));
    return undefined;
  }
  const { config, problems } = mergeConfig({
    layers: [...configFromTree({ tree: settings.modelConfig, fqn }), patch?.config ?? {}, ...calls.inline],
    defaults: { materialized: 'view' },
  });
  errors.push(
    ...problems.map((message) => ({ path: file.path, line: lineOfCall(file.content, 'config', ''), message })),
  );
  return {
    resourceType: 'model',
    ...fileNodeFields({ ...options, resourceType: 'model', name, fqn, config }),
    rawSql: file.content,
    refs: calls.refs,
    sources: calls.sources,
  };
}

/** The fields every file-defined node (model, seed) shares: id, place, description, columns, relation. */
function fileNodeFields(
  options: LoadContext & {
    file: ProjectFile;
    patch: NodePatch | undefined;
    resourceType: 'model' | 'seed';
    name: string;
    fqn: string[];
    config: NodeConfig;
  },
) {
  const { project, file, patch, resourceType, name, fqn, config } = options;
  return {
    uniqueId: `${resourceType}.${project.settings.name}.${name}`,
    name,
    path: file.path,
    fqn,
    description: options.describe(patch?.description ?? '', patch?.path ?? file.path),
    dependsOn: [],
    config,
    columns: describeColumns(options, patch),
    schema: schemaName(config.schema),
    relation: config.alias ?? name,
  };
}

function readSeed(options: LoadContext & { file: ProjectFile; patch: NodePatch | undefined }): SeedNode {
  const { project, file, patch, errors } = options;
  const { settings } = project;
  const name = baseName(file.path, '.csv');
  const fqn = fqnOf({ settings, path: file.path, roots: settings.seedPaths, name });
  const { config, problems } = mergeConfig({
    layers: [...configFromTree({ tree: settings.seedConfig, fqn }), patch?.config ?? {}],
    defaults: { materialized: 'table' },
  });
  errors.push(...problems.map((message) => ({ path: patch?.path ?? file.path, line: patch?.line, message })));
  return {
    resourceType: 'seed',
    ...fileNodeFields({ ...options, resourceType: 'seed', name, fqn, config }),
    csv: file.content,
  };
}

function readSource(
  options: LoadContext & { declaration: ReturnType<typeof parseSchemaFiles>['sources'][number] },
): SourceNode {
  const { project, declaration } = options;
  const { settings } = project;
  const folders = declaration.path.split('/').slice(1, -1);
  const { config } = mergeConfig({ layers: [declaration.config], defaults: {} });
  return {
    resourceType: 'source',
    uniqueId: `source.${settings.name}.${declaration.sourceName}.${declaration.tableName}`,
    name: declaration.tableName,
    sourceName: declaration.sourceName,
    path: declaration.path,
    line: declaration.line,
    fqn: [settings.name, ...folders, declaration.sourceName, declaration.tableName],
    description: options.describe(declaration.description, declaration.path),
    dependsOn: [],
    config,
    schema: declaration.schema,
    relation: declaration.identifier,
    columns: describeColumns(options, declaration),
    freshness: declaration.freshness,
    meta: declaration.meta,
  };
}

/** Point refs and sources at nodes; unknown ones become errors with the file, the line and the nearest names. */
function resolveReferences(options: {
  project: Project;
  errors: ProjectError[];
  unreadable: ReadonlySet<string>;
}): void {
  const { project, errors, unreadable } = options;
  const byName = new Map<string, ProjectNode>();
  const sourceIds = new Map<string, string>();
  for (const node of project.nodes.values()) {
    if (node.resourceType === 'model' || node.resourceType === 'seed') byName.set(node.name, node);
    if (node.resourceType === 'source') sourceIds.set(`${node.sourceName}.${node.name}`, node.uniqueId);
  }
  for (const node of project.nodes.values()) {
    if (node.resourceType !== 'model') continue;
    for (const ref of node.refs) {
      const target = byName.get(ref.target);
      if (target) node.dependsOn.push(target.uniqueId);
      else if (!unreadable.has(ref.target))
        errors.push({
          path: node.path,
          line: ref.line,
          message: unknownMessage('model', ref.target, [...byName.keys()]),
        });
    }
    for (const ref of node.sources) {
      const id = sourceIds.get(ref.target);
      if (id) node.dependsOn.push(id);
      else
        errors.push({
          path: node.path,
          line: ref.line,
          message: unknownMessage('source', ref.target, [...sourceIds.keys()]),
        });
    }
    node.dependsOn = [...new Set(node.dependsOn)];
  }
}

function reportCycle(options: { project: Project; errors: ProjectError[] }): void {
  const nodes = [...options.project.nodes.values()];
  const sorted = topoSort(nodes.map((node) => ({ id: node.uniqueId, dependsOn: node.dependsOn })));
  if (sorted.ok) return;
  const names = sorted.cycle.map((id) => options.project.nodes.get(id)?.name ?? id);
  const first = options.project.nodes.get(sorted.cycle[0] as string);
  options.errors.push({
    path: first?.path ?? 'models',
    message: `Found a cycle: ${names.join(' → ')}. Remove one of these refs.`,
  });
}

function reportPatchesWithoutNodes(options: {
  project: Project;
  errors: ProjectError[];
  patches: Map<string, NodePatch>;
  kind: string;
  unreadable: ReadonlySet<string>;
}): void {
  const names = [...options.project.nodes.values()].filter((n) => n.resourceType === 'model').map((n) => n.name);
  for (const [name, patch] of options.patches) {
    if (names.includes(name) || options.unreadable.has(name)) continue;
    const hint = nearestNames({ name, candidates: names });
    options.errors.push({
      path: patch.path,
      line: patch.line,
      message: `YAML describes ${options.kind} '${name}', but there is no ${name}.sql.${hint.length > 0 ? ` Did you mean ${hint.map((h) => `'${h}'`).join(', ')}?` : ''}`,
    });
  }
}

function renderDescription(options: { project: Project; text: string; path: string; errors: ProjectError[] }): string {
  const { project, text, path, errors } = options;
  if (!text.includes('{{')) return text;
  try {
    const functions = dbtFunctions({
      path,
      source: text,
      settings: project.settings,
      docs: project.docs,
      callbacks: { ref: quoted, source: (s, t) => quoted(`${s}.${t}`) },
    });
    return renderTemplate({ path, source: text, globals: { functions } });
  } catch (error) {
    errors.push(toProjectError(error, path));
    return text;
  }
}

function describeColumns(context: LoadContext, patch: NodePatch | undefined): ModelNode['columns'] {
  if (!patch) return {};
  return Object.fromEntries(
    Object.entries(patch.columns).map(([name, column]) => [
      name,
      { ...column, description: context.describe(column.description, patch.path) },
    ]),
  );
}

/** The folders of generic test definitions: `generic/` in each test path. */
export function genericFolders(testPaths: readonly string[]): string[] {
  return testPaths.map((folder) => `${folder}/generic`);
}

/** dbt's default generate_schema_name: the target schema, suffixed with a custom schema when set. */
export function schemaName(custom: string | undefined): string {
  return custom ? `${TARGET.schema}_${custom}` : TARGET.schema;
}

function fqnOf(options: { settings: ProjectSettings; path: string; roots: string[]; name: string }): string[] {
  const root = options.roots.find((folder) => options.path.startsWith(`${folder}/`)) ?? '';
  const folders = options.path
    .slice(root.length + 1)
    .split('/')
    .slice(0, -1);
  return [options.settings.name, ...folders, options.name];
}

function baseName(path: string, extension: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -extension.length);
}

function quoted(name: string): string {
  return `"${name}"`;
}

function unknownMessage(kind: string, target: string, candidates: string[]): string {
  const nearest = nearestNames({ name: target, candidates });
  return `Unknown ${kind} '${target}'.${nearest.length > 0 ? ` Did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?` : ''}`;
}

/** A thrown template error as a project error. */
export function toProjectError(error: unknown, path: string): ProjectError {
  if (error instanceof TemplateError) return { path: error.path, line: error.line, message: error.detail };
  return { path, message: messageOf(error) };
}
