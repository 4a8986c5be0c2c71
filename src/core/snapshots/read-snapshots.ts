import { discoverCalls } from '../project/discover-calls.ts';
import { configFromTree, mergeConfig } from '../project/node-config.ts';
import { readYaml } from '../project/read-yaml.ts';
import type { ModelNode, Project, ProjectError, ProjectFile } from '../project/types.ts';
import { lineAt } from '../text/nearest.ts';
import { messageOf } from '../text/message-of.ts';
import { readSnapshotSettings } from './snapshot-settings.ts';

/** One snapshot as written: a `{% snapshot %}` block in a .sql file, or a YAML entry with `relation:`. */
interface SnapshotDefinition {
  name: string;
  path: string;
  line: number;
  /** Jinja SQL of its query, padded with blank lines so a line in it is the line in its file. */
  sql: string;
  /** `config:` from YAML. */
  config: Record<string, unknown>;
  description: string;
}

/**
 * Read the snapshots of a project's snapshot folders, in both of dbt's forms: `{% snapshot name %} … {%
 * endsnapshot %}` blocks in .sql files (config through `config()`, `target_schema` kept as dbt did), and
 * dbt 1.9's YAML (`snapshots: - name, relation: ref(…)/source(…), config:`). YAML entries without
 * `relation` describe (and configure) a .sql snapshot of the same name. Each becomes a model node with
 * `snapshot` set and a `snapshot.` unique id; every problem names its file and line.
 */
export function readSnapshots(options: {
  project: Project;
  files: readonly ProjectFile[];
  errors: ProjectError[];
  schemaName: (custom: string | undefined) => string;
  describe: (text: string, path: string) => string;
}): ModelNode[] {
  const { project, errors } = options;
  const { settings } = project;
  const inside = (path: string) => settings.snapshotPaths.some((folder) => path.startsWith(`${folder}/`));
  const files = options.files.filter((file) => inside(file.path));
  const patches = new Map<string, SnapshotDefinition>();
  const definitions: SnapshotDefinition[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.sql'))) definitions.push(...snapshotBlocks(file));
  for (const file of files.filter((f) => /\.ya?ml$/.test(f.path))) {
    for (const entry of yamlSnapshots(file, errors)) {
      if (entry.sql) definitions.push(entry);
      else patches.set(entry.name, entry);
    }
  }
  const nodes: ModelNode[] = [];
  for (const definition of definitions) {
    const patch = patches.get(definition.name);
    const file = { path: definition.path, content: definition.sql };
    try {
      const calls = discoverCalls({ project, file, values: { this: definition.name, execute: false } });
      const fqn = [settings.name, ...folderOf(definition.path, settings.snapshotPaths), definition.name];
      const { config, problems } = mergeConfig({
        layers: [
          ...configFromTree({ tree: settings.snapshotConfig, fqn }),
          patch?.config ?? {},
          definition.config,
          ...calls.inline,
        ],
        defaults: { materialized: 'snapshot' },
      });
      config.materialized = 'snapshot';
      const read = readSnapshotSettings(config.extra);
      const all = [...problems, ...read.problems];
      errors.push(
        ...all.map((message) => ({
          path: definition.path,
          line: definition.line,
          message: `Snapshot '${definition.name}': ${message}`,
        })),
      );
      if (!read.settings) continue;
      const targetSchema = typeof config.extra.target_schema === 'string' ? config.extra.target_schema : undefined;
      nodes.push({
        resourceType: 'model',
        uniqueId: `snapshot.${settings.name}.${definition.name}`,
        name: definition.name,
        path: definition.path,
        line: definition.line,
        fqn,
        description: options.describe(patch?.description || definition.description, definition.path),
        dependsOn: [],
        config,
        columns: {},
        schema: targetSchema ?? options.schemaName(config.schema),
        relation: config.alias ?? definition.name,
        rawSql: definition.sql,
        refs: calls.refs,
        sources: calls.sources,
        snapshot: read.settings,
      });
    } catch (error) {
      errors.push({
        path: definition.path,
        line: definition.line,
        message: `Snapshot '${definition.name}': ${messageOf(error)}`,
      });
    }
  }
  return nodes;
}

/** `{% snapshot name %}…{% endsnapshot %}` blocks (whitespace control allowed), bodies padded to their lines. */
function snapshotBlocks(file: ProjectFile): SnapshotDefinition[] {
  const pattern = /\{%-?\s*snapshot\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\}([\s\S]*?)\{%-?\s*endsnapshot\s*-?%\}/g;
  return [...file.content.matchAll(pattern)].map((match) => {
    const bodyStart = match.index + match[0].indexOf('%}') + 2;
    const line = lineAt(file.content, match.index);
    const padding = '\n'.repeat(lineAt(file.content, bodyStart) - 1);
    return {
      name: match[1] as string,
      path: file.path,
      line,
      sql: padding + (match[2] ?? ''),
      config: {},
      description: '',
    };
  });
}

/** dbt 1.9's YAML snapshots; an entry's `relation` becomes `select * from {{ relation }}`. */
function yamlSnapshots(file: ProjectFile, errors: ProjectError[]): SnapshotDefinition[] {
  const yaml = readYaml(file);
  errors.push(...yaml.errors);
  const list = (yaml.value as { snapshots?: unknown } | undefined)?.snapshots;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    errors.push({ path: file.path, line: yaml.lineOf(['snapshots']), message: '`snapshots:` must be a list.' });
    return [];
  }
  return list.flatMap((entry: unknown, index) => {
    const record = (entry ?? {}) as Record<string, unknown>;
    const line = yaml.lineOf(['snapshots', index]) ?? 1;
    if (typeof record.name !== 'string') {
      errors.push({ path: file.path, line, message: 'A snapshot entry needs a `name`.' });
      return [];
    }
    const relation = record.relation;
    if (relation !== undefined && (typeof relation !== 'string' || !/^\s*(ref|source)\s*\(/.test(relation))) {
      errors.push({
        path: file.path,
        line,
        message: `Snapshot '${record.name}': \`relation\` must be ref('…') or source('…', '…').`,
      });
      return [];
    }
    const config = record.config && typeof record.config === 'object' ? (record.config as Record<string, unknown>) : {};
    const sql = typeof relation === 'string' ? `${'\n'.repeat(line - 1)}select * from {{ ${relation} }}` : '';
    return [
      {
        name: record.name,
        path: file.path,
        line,
        sql,
        config,
        description: typeof record.description === 'string' ? record.description : '',
      },
    ];
  });
}

function folderOf(path: string, roots: readonly string[]): string[] {
  const root = roots.find((folder) => path.startsWith(`${folder}/`)) ?? '';
  return path
    .slice(root.length + 1)
    .split('/')
    .slice(0, -1);
}
