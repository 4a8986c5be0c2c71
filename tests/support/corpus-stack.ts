/**
 * The whole loading path for the bad-input corpus (tests/corpus): every catalogued source served by the mock
 * portal on 127.0.0.1, downloaded by the app's own code (fetchSourceFile, optionally through the project's
 * CORS proxy), read through the contracts, loaded into DuckDB-WASM (Node build) by the one build session, with
 * the user's edits laid over the project's files. A case breaks one source; `run` reports what every source
 * and the edited models became, so a test can check the message and that nothing else moved.
 */
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { runBuildSession, type BuildOutcome } from '../../src/core/build/build-session.ts';
import type { SourceObtainer } from '../../src/core/build/source-obtainer.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { Project, ProjectFile, SourceNode } from '../../src/core/project/types.ts';
import type { LoadReport } from '../../src/core/sources/prepare-source.ts';
import { messageOf } from '../../src/core/text/message-of.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { fetchSourceFile, type PortalSettings } from '../../src/download/fetch-source.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { portalFromCatalogue } from './catalogue-portal.ts';
import {
  startMockPortal,
  type MockDataStore,
  type MockFile,
  type MockPackage,
  type MockPortal,
} from './mock-portal.ts';

/** The user's edits: one changed model and one added model, each reading a different source. */
export const USER_EDITS = {
  /** A changed staging model (RAM): a column of the user's own. */
  changed: 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__ram.sql',
  /** An added model reading ACARA staff numbers. */
  added: 'models/user/user_staff_by_year.sql',
} as const;

/** What one build gave: per source, its report, step status and raw row count; per edited model, the same. */
export interface StackRun {
  /** The session's outcome. */
  outcome: BuildOutcome;
  /** Load reports by source name (`nsw_doe_datansw.master_dataset`). */
  reports: Map<string, LoadReport>;
  /** Step status by source name. */
  status: Map<string, string>;
  /** Rows in each source's raw table after the build (the previous table when a load failed). */
  rows: Map<string, number>;
  /** Rows in each source's quarantine table (0 when there is none). */
  quarantined: Map<string, number>;
  /** The edited models: status and rows. */
  edits: Record<keyof typeof USER_EDITS, { status: string; rows: number }>;
  /** The text of every node of the project after the build (the session must not change the user's models), by path. */
  sql: Map<string, string>;
}

/** How a run downloads the source a case breaks (every other source is downloaded the default way). */
export interface RunOptions {
  /** The source these options are for. */
  source?: string | undefined;
  /** Download settings for it, laid over the defaults (20 s timeout, one retry, instant backoff). */
  settings?: PortalSettings | undefined;
  /** Whether the browser blocks its direct download (CORS), so it can only come through `settings.proxy`. */
  blocked?: boolean | undefined;
}

/** A running stack: the portal, the engine, the project with the user's edits. */
export interface CorpusStack {
  /** The mock portal. */
  portal: MockPortal;
  /** Files the portal serves, by path: change `body` to publish something else. */
  files: Record<string, MockFile>;
  /** DataStore tables by resource id: replace one to publish something else. */
  datastore: Record<string, MockDataStore>;
  /** CKAN packages for package_show, by package id: change one to move or withdraw a resource. */
  packages: Record<string, MockPackage>;
  /** The project (with the user's edits). */
  project: Project;
  /** The project's files as the user has them, before any build. */
  filesBefore: Map<string, string>;
  /** The text of every node of the project before any build, by path. */
  sqlBefore: Map<string, string>;
  /** Source nodes by name. */
  sources: Map<string, SourceNode>;
  /** Build every source and the edited models. */
  run(options?: RunOptions): Promise<StackRun>;
  /** A file as the sample publishes it (whatever a case has published since). */
  original(path: string): string | Uint8Array | undefined;
  /** Rows of a query on the engine. */
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  /** Rows in a source's raw table now. */
  countRows(source: string): Promise<number>;
  /** Put every file and table back as the sample publishes it. */
  reset(): void;
  /** Stop the portal. */
  close(): Promise<void>;
}

/** Start the portal and the engine, with the user's edits applied to the repository's project. */
export async function startCorpusStack(root: string): Promise<CorpusStack> {
  const files = withUserEdits(readProjectDir(root));
  const { project, errors } = loadProject({ files });
  if (errors.length > 0) throw new Error(`the project with the user's edits does not load: ${errors.join('; ')}`);
  const options = portalFromCatalogue(project);
  const originals = {
    files: new Map(Object.entries(options.files).map(([path, file]) => [path, { ...file }])),
    datastore: { ...options.datastore },
    packages: JSON.stringify(options.packages),
  };
  const portal = await startMockPortal(options);
  const engine = new DuckDbEngine(openNodeBindings);
  // Booting DuckDB-WASM blocks this process, the mock portal's too: do it before any download is timed.
  await engine.open();
  const sources = new Map(
    [...project.nodes.values()]
      .filter((node): node is SourceNode => node.resourceType === 'source')
      .map((node) => [`${node.sourceName}.${node.name}`, node]),
  );
  const edited = new Map(
    Object.entries(USER_EDITS).map(([key, path]) => [
      key,
      [...project.nodes.values()].find((node) => node.path === path),
    ]),
  );
  const selected = new Set([
    ...[...sources.values()].map((node) => node.uniqueId),
    ...[...edited.values()].flatMap((node) => (node ? [node.uniqueId] : [])),
  ]);
  const query = async (sql: string) => decodeResult((await engine.query(sql)).ipc).rows;
  const count = async (relation: string): Promise<number> => {
    try {
      const [row] = await query(`select count(*) as n from ${relation}`);
      return Number(row?.n ?? 0);
    } catch {
      return 0;
    }
  };
  return {
    portal,
    files: options.files,
    datastore: options.datastore,
    packages: options.packages,
    project,
    filesBefore: new Map(files.map((file) => [file.path, file.content])),
    sqlBefore: sqlOf(project),
    sources,
    query,
    original: (path) => originals.files.get(path)?.body,
    countRows: (source) => count(`main."${sources.get(source)?.relation ?? source}"`),
    async run(runOptions = {}) {
      const outcome = await runBuildSession({
        project,
        engine,
        obtainer: portalObtainer(portal, runOptions, sources),
        selected,
        withUpstream: true,
        loadedAt: '2026-01-01T00:00:00Z',
      });
      const statusOf = new Map(outcome.results.map((result) => [result.uniqueId, result.status]));
      const run: StackRun = {
        outcome,
        reports: new Map(),
        status: new Map(),
        rows: new Map(),
        quarantined: new Map(),
        edits: { changed: { status: '', rows: 0 }, added: { status: '', rows: 0 } },
        sql: sqlOf(project),
      };
      for (const [name, node] of sources) {
        const report = outcome.reports.get(node.uniqueId);
        if (report) run.reports.set(name, report);
        run.status.set(name, statusOf.get(node.uniqueId) ?? 'not run');
        run.rows.set(name, await count(`main."${node.relation}"`));
        run.quarantined.set(name, await count(`main."${node.relation}__quarantine"`));
      }
      for (const [key, node] of edited) {
        run.edits[key as keyof typeof USER_EDITS] = {
          status: node ? (statusOf.get(node.uniqueId) ?? 'not run') : 'missing',
          rows: node && 'relation' in node ? await count(`main."${node.relation}"`) : 0,
        };
      }
      return run;
    },
    reset() {
      for (const [path, original] of originals.files) {
        const file = options.files[path] as MockFile;
        delete file.chunked;
        Object.assign(file, original);
      }
      for (const id of Object.keys(options.datastore)) delete options.datastore[id];
      Object.assign(options.datastore, originals.datastore);
      for (const id of Object.keys(options.packages)) delete options.packages[id];
      Object.assign(options.packages, JSON.parse(originals.packages) as Record<string, MockPackage>);
      for (const path of originals.files.keys()) portal.setFailure(path, undefined);
    },
    close: () => portal.close(),
  };
}

/** The download path of a CSV or XLSX source's first file on the mock portal (its real path). */
export function pathOf(stack: CorpusStack, source: string, index = 0): string {
  const file = readFile(stack, source, index);
  if (!file.url) throw new Error(`${source} has no download URL`);
  return decodeURIComponent(new URL(file.url).pathname);
}

/** The resource id of a DataStore source. */
export function resourceOf(stack: CorpusStack, source: string): string {
  return readFile(stack, source, 0).resourceId ?? '';
}

function readFile(stack: CorpusStack, source: string, index: number): { url?: string; resourceId?: string } {
  const node = stack.sources.get(source);
  const files = (node?.meta.files ?? []) as Array<{ url?: string; resource_id?: string }>;
  const file = files[index];
  if (!file) throw new Error(`no file ${index} of ${source}`);
  return { url: file.url, resourceId: file.resource_id };
}

/**
 * The app's live obtainer without the browser cache (src/ui/sources/obtain-files.ts): fetchSourceFile with
 * the mirror set to the mock portal, and a download failure becoming an error for that source.
 */
function portalObtainer(portal: MockPortal, options: RunOptions, sources: Map<string, SourceNode>): SourceObtainer {
  const target = options.source === undefined ? undefined : sources.get(options.source);
  return {
    obtain: async ({ source, spec, file }) => {
      const settings: PortalSettings = {
        mirror: portal.url,
        timeoutMs: 20_000,
        retries: 1,
        sleep: async () => undefined,
        ...(source === target ? options.settings : {}),
      };
      // A browser's CORS block: fetch rejects with a bare TypeError for direct requests to the portal.
      if (source === target && options.blocked)
        settings.fetch = (input, init) =>
          String(input).startsWith(portal.url)
            ? Promise.reject(new TypeError('Failed to fetch'))
            : globalThis.fetch(input, init);
      try {
        const fetched = await fetchSourceFile({ spec, file, settings });
        return { file, origin: fetched.url, bytes: fetched.bytes, notes: fetched.notes };
      } catch (error) {
        return { file, origin: file.url ?? file.fileName, error: messageOf(error) };
      }
    },
  };
}

function sqlOf(project: Project): Map<string, string> {
  return new Map(
    [...project.nodes.values()].flatMap((node) =>
      'rawSql' in node ? [[`${node.path}#${node.uniqueId}`, node.rawSql]] : [],
    ),
  );
}

/** The repository's files with the user's edits: a column added to a staging model, and a new model. */
function withUserEdits(files: ProjectFile[]): ProjectFile[] {
  const anchor = '    _source,\n    _load_timestamp\nfrom source';
  const edited = files.map((file) => {
    if (file.path !== USER_EDITS.changed) return file;
    if (!file.content.includes(anchor)) throw new Error(`${file.path} no longer has the text the user edit changes`);
    const withNote = "    _source,\n    _load_timestamp,\n    'mine' as user_note\nfrom source";
    return { ...file, content: file.content.replace(anchor, withNote) };
  });
  return [
    ...edited,
    {
      path: USER_EDITS.added,
      content:
        "-- The user's own model.\nselect calendar_year, count(*) as staff_rows\nfrom {{ ref('stg__acara__staff_numbers') }}\ngroup by all\n",
    },
  ];
}
