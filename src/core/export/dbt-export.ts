/**
 * A project as a folder dbt-core with dbt-duckdb builds unmodified: the user's files as they stand, the
 * generic tests dbt does not ship as project tests, each source pointing at a Parquet file of the rows this
 * engine loaded (dbt-duckdb's `meta: external_location`), a profiles.yml and a README. The CLI writes the
 * tree to a folder (`npm run stack -- export --to DIR`); the browser zips it (Settings).
 */
import { strToU8, zipSync } from 'fflate';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { relationOf } from '../plan/compile-node.ts';
import type { Project, ProjectFile, SourceNode } from '../project/types.ts';
import { TEST_MACROS, unqualifyTestNames } from './dbt-test-macros.ts';
import { exportReadme, profilesYml } from './export-readme.ts';

/** One file of an export: text, or bytes (the Parquet files). */
export interface ExportFile {
  /** Path inside the exported folder, with forward slashes. */
  path: string;
  /** The file's content. */
  content: string | Uint8Array;
}

/** A source's loaded rows as Parquet. */
export interface ExportedTable {
  /** The source. */
  source: SourceNode;
  /** Its raw table, as this engine loaded it, as a Parquet file. */
  parquet: Uint8Array;
}

/** The file that marks a folder as an export, so a second export may replace the first. */
export const EXPORT_MARKER = '.stack-export.json';

/** Where a source's Parquet file goes, relative to the exported project (dbt runs from there). */
export function parquetPath(source: SourceNode): string {
  return `data/${source.sourceName}/${source.name}.parquet`;
}

/**
 * Build the export's file tree. `files` are the project's files as they stand (the workspace's edits in the
 * browser); `tables` holds one Parquet file per source of `project` (a source without one is an error).
 */
export function buildDbtExport(options: {
  project: Project;
  files: readonly ProjectFile[];
  tables: readonly ExportedTable[];
  exportedAt: string;
}): ExportFile[] {
  const { project, files, tables } = options;
  const { settings } = project;
  const sources = [...project.nodes.values()].filter((node): node is SourceNode => node.resourceType === 'source');
  const missing = sources.filter((source) => !tables.some((table) => table.source.uniqueId === source.uniqueId));
  if (missing.length > 0)
    throw new Error(
      `No loaded rows for ${missing.map((s) => `${s.sourceName}.${s.name}`).join(', ')}: build the sources first.`,
    );
  const moveMacros = settings.macroPaths.some((folder) => settings.modelPaths.some((m) => folder.startsWith(`${m}/`)));
  const profile = settings.name;
  const out: ExportFile[] = [];
  for (const file of files.filter((f) => belongsToProject(f, settings))) {
    if (file.path === 'dbt_project.yml') {
      out.push({ path: file.path, content: rewriteProjectFile({ text: file.content, profile, moveMacros }) });
      continue;
    }
    const macroFolder = settings.macroPaths.find((folder) => file.path.startsWith(`${folder}/`));
    const path = moveMacros && macroFolder ? `macros/${file.path.slice(macroFolder.length + 1)}` : file.path;
    const isYaml = /\.ya?ml$/.test(path);
    const content = isYaml ? pointSourcesAtParquet(unqualifyTestNames(file.content), sources) : file.content;
    out.push({ path, content });
  }
  if (!files.some((file) => file.path === 'dbt_project.yml'))
    out.push({
      path: 'dbt_project.yml',
      content: rewriteProjectFile({ text: `name: ${profile}\n`, profile, moveMacros }),
    });
  const genericFolder = `${settings.testPaths[0] ?? 'tests'}/generic`;
  for (const macro of TEST_MACROS) out.push({ path: `${genericFolder}/${macro.name}.sql`, content: macro.sql });
  if (files.some((file) => /^semantic_models:/m.test(file.content)) && !hasTimeSpine(files))
    out.push({ path: `${settings.modelPaths[0] ?? 'models'}/metricflow_time_spine.sql`, content: TIME_SPINE });
  for (const table of tables) out.push({ path: parquetPath(table.source), content: table.parquet });
  out.push({ path: 'profiles.yml', content: profilesYml(profile) });
  out.push({ path: 'README.md', content: exportReadme({ project: profile, sources: sources.map(parquetPath) }) });
  out.push({ path: '.gitignore', content: 'target/\ndbt_packages/\nlogs/\n*.duckdb\n*.duckdb.wal\n' });
  const paths = out.map((file) => file.path).sort();
  const marker = { generator: 'data-stack-in-a-tab', project: profile, exportedAt: options.exportedAt, files: paths };
  out.push({ path: EXPORT_MARKER, content: `${JSON.stringify(marker, null, 2)}\n` });
  return out;
}

/** A model dbt's semantic layer (MetricFlow) needs beside semantic models: one row per day. */
const TIME_SPINE = `-- Added by the export: dbt's semantic layer (MetricFlow) needs a time spine beside semantic models.
{{ config(materialized='table') }}
select cast(range as date) as date_day
from range(date '2000-01-01', date '2041-01-01', interval 1 day)
`;

function hasTimeSpine(files: readonly ProjectFile[]): boolean {
  return files.some((file) => file.path.endsWith('/metricflow_time_spine.sql') || /time_spine:/.test(file.content));
}

function belongsToProject(file: ProjectFile, settings: Project['settings']): boolean {
  if (file.path === 'dbt_project.yml') return true;
  const folders = [
    ...settings.modelPaths,
    ...settings.seedPaths,
    ...settings.testPaths,
    ...settings.macroPaths,
    ...settings.snapshotPaths,
  ];
  if (folders.some((folder) => file.path.startsWith(`${folder}/`))) return true;
  // docs/ is read for `{% docs %}` blocks only; other notes there are not the project's.
  return file.path.startsWith('docs/') && file.path.endsWith('.md') && file.content.includes('{% docs');
}

/** dbt_project.yml with a `profile:` (dbt needs one) and, if macros sat inside the models, `macro-paths: [macros]`. */
function rewriteProjectFile(options: { text: string; profile: string; moveMacros: boolean }): string {
  const doc = parseDocument(options.text);
  if (!doc.has('profile')) doc.set('profile', options.profile);
  // dbt would parse a macro file inside a model path as a model too; at the top level it is only a macro.
  if (options.moveMacros) doc.set('macro-paths', doc.createNode(['macros'], { flow: true }));
  return stringify(doc);
}

/** A YAML file with every source table's `meta.external_location` set to its Parquet file (others unchanged). */
function pointSourcesAtParquet(text: string, sources: readonly SourceNode[]): string {
  if (!/^sources:/m.test(text)) return text;
  const doc = parseDocument(text);
  const declared = doc.get('sources');
  if (!isSeq(declared)) return text;
  for (const item of declared.items) {
    if (!isMap(item)) continue;
    const sourceName = String(item.get('name'));
    const tables = item.get('tables');
    if (!isSeq(tables)) continue;
    for (const table of tables.items) {
      if (!isMap(table)) continue;
      const source = sources.find((s) => s.sourceName === sourceName && s.name === String(table.get('name')));
      if (!source) continue;
      if (!isMap(table.get('meta'))) table.set('meta', doc.createNode({}));
      table.setIn(['meta', 'external_location'], parquetPath(source));
    }
  }
  return stringify(doc);
}

function stringify(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Each source's raw table as Parquet, read through `exportRows` (the Engine's, which works after lock-down:
 * it reads rows as Arrow and writes Parquet in JavaScript, no `COPY … TO`).
 */
export async function readSourceTables(options: {
  project: Project;
  exportRows: (sql: string) => Promise<Uint8Array>;
}): Promise<ExportedTable[]> {
  const tables: ExportedTable[] = [];
  for (const source of options.project.nodes.values()) {
    if (source.resourceType !== 'source') continue;
    tables.push({ source, parquet: await options.exportRows(`select * from ${relationOf(source)}`) });
  }
  return tables;
}

/** An export as one zip, every file under a folder named after the project (what the browser downloads). */
export function zipDbtExport(options: { name: string; files: readonly ExportFile[] }): Uint8Array {
  const folder = options.name.replace(/[^\w.-]+/g, '_') || 'project';
  const entries: Record<string, Uint8Array> = {};
  for (const file of options.files)
    entries[`${folder}/${file.path}`] = typeof file.content === 'string' ? strToU8(file.content) : file.content;
  return zipSync(entries, { level: 6 });
}
