import { runBuildSession } from '../core/build/build-session.ts';
import { descendantsOf } from '../core/graph/select-nodes.ts';
import { loadProject } from '../core/load-project.ts';
import type { Project } from '../core/project/types.ts';
import type { InputValue } from '../core/report/bind-inputs.ts';
import { parseReport, type ReportDocument } from '../core/report/parse-report.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import type { PrecomputedManifest, PrecomputedPage } from '../core/results/precomputed-manifest.ts';
import { projectDataKey, queryKey } from '../core/results/results-key.ts';
import type { Engine } from '../engine/contract.ts';
import { decodeResult } from '../engine/decode-result.ts';
import { bundledFiles, sampleFolderKey } from './bundled-files.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import { folderObtainer } from './source-obtainers.ts';

/** The inputs whose starting value comes from a query's rows: as the page does, the default, else the first. */
const QUERY_INPUTS = new Set(['Dropdown', 'ButtonGroup']);

/** The precomputed results: the manifest and each page's file, by file name. */
export interface PrecomputedOutput {
  /** The manifest to write as manifest.json. */
  manifest: PrecomputedManifest;
  /** Each page's concatenated Arrow IPC results, by the file name the manifest gives. */
  files: Map<string, Uint8Array>;
}

/**
 * Build the bundled project on the bundled sample (the files in `sampleDir`, exactly those the site serves)
 * with the engine the CLI uses, run every report page's queries with the inputs each page starts on, and
 * return their Arrow IPC bytes keyed as the page looks them up. Throws when the project does not load or
 * does not build: a site must not ship numbers from a broken build.
 */
export async function precomputeReports(options: {
  root: string;
  sampleDir: string;
  engine: Engine;
}): Promise<PrecomputedOutput> {
  const files = bundledFiles(options.root);
  const data = sampleFolderKey(options.sampleDir);
  const { project, errors } = loadProject({ files: files.filter((file) => !file.path.startsWith('reports/')) });
  if (errors.length > 0) throw new Error(errors.map(formatProjectError).join('\n'));
  const build = await runBuildSession({
    project,
    engine: options.engine,
    obtainer: asBundled(folderObtainer(options.sampleDir)),
    refresh: false,
    loadedAt: new Date().toISOString(),
  });
  if (build.errors.length > 0) throw new Error(`The bundled project did not build:\n${build.errors.join('\n')}`);
  const readsHistory = readsAny(historyRelations(project));
  const manifest: PrecomputedManifest = { version: 1, key: projectDataKey({ files, data }), data, pages: {} };
  const output = new Map<string, Uint8Array>();
  for (const file of files.filter((candidate) => candidate.path.startsWith('reports/'))) {
    const page = parseReport({ path: file.path, source: file.content });
    const results = await pageResults({ page, engine: options.engine, skip: readsHistory });
    // The key is in the name: a service worker's cache-first copy from an older deployment is never read
    // for a newer one's key.
    const slug = file.path
      .replace(/^reports\//, '')
      .replace(/\.md$/, '')
      .replace(/[^A-Za-z0-9_-]/g, '_');
    const name = `${slug}.${manifest.key}.arrows`;
    manifest.pages[file.path] = { file: name, queries: results.queries };
    output.set(name, results.bytes);
  }
  return { manifest, files: output };
}

/** Every query of a page that runs with its starting inputs, concatenated, with each one's place. */
async function pageResults(options: {
  page: ReportDocument;
  engine: Engine;
  /** Queries not to precompute. */
  skip: (sql: string) => boolean;
}): Promise<{ bytes: Uint8Array; queries: PrecomputedPage['queries'] }> {
  const { page, engine } = options;
  const inputs = await startingInputs({ page, engine });
  const queries: PrecomputedPage['queries'] = {};
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const query of page.queries) {
    if (!query.bound.inputs.every((name) => inputs.has(name)) || options.skip(query.bound.sql)) continue;
    const params = query.bound.inputs.map((name) => inputs.get(name) ?? null);
    try {
      const { ipc } =
        params.length > 0 ? await engine.query(query.bound.sql, params) : await engine.query(query.bound.sql);
      queries[queryKey({ sql: query.bound.sql, params })] = { offset, length: ipc.byteLength };
      chunks.push(ipc);
      offset += ipc.byteLength;
    } catch {
      // A query that fails on the sample is left out: the page runs it itself and shows its error.
    }
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, queries };
}

/**
 * The values the page's query-backed inputs start on, as its Dropdown and ButtonGroup pick them (the
 * `defaultValue` choice, else the first row). Inputs whose value this cannot know are left out: the
 * queries reading them are not precomputed and the page runs them once its database is built.
 */
export async function startingInputs(options: {
  page: ReportDocument;
  engine: Engine;
}): Promise<Map<string, InputValue>> {
  const values = new Map<string, InputValue>();
  for (const block of options.page.blocks) {
    if (block.kind !== 'component' || !QUERY_INPUTS.has(block.name)) continue;
    const text = (prop: string) => {
      const value = block.props[prop];
      return value?.kind === 'string' ? value.value : undefined;
    };
    const name = text('name');
    const data = block.props['data'];
    if (!name || data?.kind !== 'query' || block.props['noDefault']) continue;
    const query = options.page.queries.find((candidate) => candidate.name === data.name);
    if (!query || query.bound.inputs.length > 0) continue;
    const rows = decodeResult((await options.engine.query(query.bound.sql)).ipc).rows;
    const column = text('value') ?? Object.keys(rows[0] ?? {})[0];
    const label = text('label') ?? column;
    const wanted = text('defaultValue');
    const chosen =
      (wanted === undefined
        ? undefined
        : rows.find((row) => String(row[column ?? '']) === wanted || String(row[label ?? '']) === wanted)) ?? rows[0];
    if (chosen && column) values.set(name, asInputValue(chosen[column]));
  }
  return values;
}

/** A cell as the page binds it (src/ui/inputs/input-options.ts `toInputValue`). */
function asInputValue(cell: unknown): InputValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'bigint') return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString();
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * The relations of the project's snapshots and of every model downstream of one. Their rows depend on the
 * history a browser has kept across its own loads (snapshots), which the results key cannot see: a build
 * cannot precompute what a returning reader's page will answer, so those queries wait for the page's build.
 */
export function historyRelations(project: Project): Set<string> {
  const nodes = [...project.nodes.values()];
  const snapshots = nodes.filter((node) => node.uniqueId.startsWith('snapshot.')).map((node) => node.uniqueId);
  const downstream = descendantsOf(nodes, snapshots);
  return new Set(
    nodes.flatMap((node) =>
      (snapshots.includes(node.uniqueId) || downstream.has(node.uniqueId)) && 'relation' in node ? [node.relation] : [],
    ),
  );
}

/** Whether a query's SQL names any of these relations (as a whole word, in any case). */
function readsAny(relations: ReadonlySet<string>): (sql: string) => boolean {
  const names = [...relations].map((name) => name.replace(/[^A-Za-z0-9_]/g, '\\$&'));
  if (names.length === 0) return () => false;
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'i');
  return (sql) => pattern.test(sql);
}

/**
 * The sample without fetched-at times. The page stamps the bundled sample with the visit's own time
 * (src/ui/sources/obtain-files.ts), which a build cannot know, and a folder's files would carry the build
 * machine's modification times instead: the Data quality page would show the deployment's age. Left out,
 * the precomputed source ages are empty until the page's own build fills them in.
 */
function asBundled(obtainer: SourceObtainer): SourceObtainer {
  return {
    obtain: async (request) => {
      const { fetchedAt: _dropped, ...obtained } = await obtainer.obtain(request);
      return obtained;
    },
  };
}
