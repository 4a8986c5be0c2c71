/**
 * The bad-input corpus (cases.ts), end to end: each case breaks one source on the mock portal, the app's
 * download code fetches every source (through the CORS proxy where the case says), the contracts read them,
 * and the build session loads them into DuckDB-WASM with the user's edits in the project. Each test checks
 * the exact message, then that every other source loaded exactly what it loads from a good portal, and that
 * the user's edits are unchanged and still build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { descendantsOf } from '../../src/core/graph/select-nodes.ts';
import { startProxyServer, type ProxyServer } from '../../src/proxy/node-server.ts';
import { startMockPortal, type MockPortal } from '../support/mock-portal.ts';
import { startCorpusStack, USER_EDITS, type CorpusStack, type StackRun } from '../support/corpus-stack.ts';
import { CORPUS, type CaseContext, type CorpusCase, type SourceKind } from './cases.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KINDS: readonly SourceKind[] = ['csv', 'xlsx', 'datastore'];
/** What a message must offer the user: something to do next. */
const ADVICE =
  /\b(try again|load (it|the source) (from file|again)|check|set (a|the)|add the|raise the|open the|widen|save (it|the))/i;

let stack: CorpusStack;
let baseline: StackRun;
const proxies: ProxyServer[] = [];
let context: CaseContext;
/** An address where no proxy runs: it answers every request with 404. */
let nowhere: MockPortal;

beforeAll(async () => {
  stack = await startCorpusStack(ROOT);
  const host = new URL(stack.portal.url).host;
  const start = (allowHosts: string[], maxBytes: number) =>
    startProxyServer({ port: 0, config: { allowHosts, maxBytes, timeoutMs: 3000, allowPrivateAddresses: true } });
  const [open, refusing, small] = await Promise.all([
    start([host], 64 * 1024 * 1024),
    start([], 64 * 1024 * 1024),
    start([host], 1000),
  ]);
  proxies.push(open, refusing, small);
  nowhere = await startMockPortal({});
  const template = (proxy: ProxyServer) => `${proxy.url}/?url={encodedUrl}`;
  baseline = await stack.run();
  context = {
    stack,
    proxies: {
      open: template(open),
      refusing: template(refusing),
      small: template(small),
      missing: `${nowhere.url}/cors?url={encodedUrl}`,
    },
    url: (source, index = 0) => {
      const files = stack.sources.get(source)?.meta.files as Array<{ url: string }>;
      return stack.portal.url + new URL(files[index]?.url ?? '').pathname;
    },
    baseline: (source) => baseline.rows.get(source) ?? 0,
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([...proxies.map((proxy) => proxy.close()), nowhere?.close()]);
  await stack?.close();
});

describe('the baseline: every source from a good portal', () => {
  it('loads every source and builds the edited models, with no error', () => {
    expect([...baseline.status.values()].every((status) => status === 'success')).toBe(true);
    expect([...baseline.reports.values()].map((report) => report.error)).toEqual(
      [...baseline.reports.values()].map(() => undefined),
    );
    expect([...baseline.rows.values()].every((rows) => rows > 0)).toBe(true);
    expect(baseline.edits.changed).toMatchObject({ status: 'success' });
    expect(baseline.edits.added).toMatchObject({ status: 'success' });
    expect(baseline.edits.changed.rows).toBeGreaterThan(0);
  });
});

describe('the corpus', () => {
  it('has at least 40 cases, covering every kind of source', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length);
    for (const kind of KINDS) expect(CORPUS.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(10);
  });
});

describe.each(KINDS)('bad input, %s sources', (kind) => {
  it.each(CORPUS.filter((c) => c.kind === kind).map((c) => [c.id, c] as const))('%s', async (_id, corpusCase) => {
    stack.reset();
    const before = await stack.countRows(corpusCase.source);
    corpusCase.arrange(context);
    const run = await stack.run({ source: corpusCase.source, ...corpusCase.options?.(context) });
    try {
      checkTarget(corpusCase, run, before);
      checkOthersIntact(corpusCase, run);
      await checkEditsIntact(corpusCase, run);
      if ('check' in corpusCase.expect) await corpusCase.expect.check?.(context);
    } finally {
      stack.reset();
    }
  });
});

/** The broken source: exactly the message, and what it holds afterwards. */
function checkTarget(corpusCase: CorpusCase, run: StackRun, before: number): void {
  const report = run.reports.get(corpusCase.source);
  const node = stack.sources.get(corpusCase.source);
  const result = run.outcome.results.find((r) => r.uniqueId === node?.uniqueId);
  const title = String(node?.meta.title);
  if ('error' in corpusCase.expect) {
    const message = corpusCase.expect.error(context);
    expect(report?.error).toBe(message);
    expect(result?.status).toBe('error');
    expect(result?.error?.message).toBe(message);
    // Which source, and what to do.
    expect(message.startsWith(`${title}: `)).toBe(true);
    expect(message).toMatch(ADVICE);
    // A failed load leaves the table it had (nothing is replaced by nothing).
    expect(run.rows.get(corpusCase.source)).toBe(before);
    return;
  }
  const expected = corpusCase.expect;
  expect(report?.error).toBeUndefined();
  expect(result?.status).toBe('success');
  expect(report?.warnings).toEqual(expected.warnings(context));
  for (const warning of report?.warnings ?? []) {
    // Which source (by title or file name), and what to do.
    const names = [
      title,
      ...((node?.meta.files ?? []) as Array<{ url?: string; file?: string; resource_id?: string }>).map(fileNameOf),
    ];
    expect(
      names.some((name) => warning.includes(name)),
      warning,
    ).toBe(true);
  }
  const rows = typeof expected.rows === 'number' ? expected.rows : expected.rows(context);
  expect(run.rows.get(corpusCase.source)).toBe(rows);
  expect(report?.rowsLoaded).toBe(rows);
  expect(run.quarantined.get(corpusCase.source)).toBe(expected.quarantined ?? 0);
  expect(report?.rowsQuarantined).toBe(expected.quarantined ?? 0);
  // Every row read is loaded or quarantined: none goes missing.
  expect((report?.rowsRead ?? 0) - (report?.rowsLoaded ?? 0) - (report?.rowsQuarantined ?? 0)).toBe(0);
}

/** Every other source: loaded, with the same rows, quarantine and warnings as from a good portal. */
function checkOthersIntact(corpusCase: CorpusCase, run: StackRun): void {
  const others = [...stack.sources.keys()].filter((name) => name !== corpusCase.source);
  expect(others.length).toBe(15);
  const summary = (from: StackRun) =>
    others.map((name) => ({
      name,
      status: from.status.get(name),
      rows: from.rows.get(name),
      quarantined: from.quarantined.get(name),
      warnings: from.reports.get(name)?.warnings,
      error: from.reports.get(name)?.error,
    }));
  expect(summary(run)).toEqual(summary(baseline));
}

/** The user's edits: the project's files as they were, and the edited models built unless they read the broken source. */
async function checkEditsIntact(corpusCase: CorpusCase, run: StackRun): Promise<void> {
  expect(run.sql).toEqual(stack.sqlBefore);
  expect(run.sql.size).toBeGreaterThan(30);
  const changed = stack.filesBefore.get(USER_EDITS.changed);
  expect(changed).toContain("'mine' as user_note");
  const model = stack.project.nodes.get(nodeIdOf(USER_EDITS.changed));
  expect(model && 'rawSql' in model ? model.rawSql : undefined).toBe(changed);
  const downstream = descendantsOf(
    [...stack.project.nodes.values()],
    [stack.sources.get(corpusCase.source)?.uniqueId ?? ''],
  );
  const brokenReads = (path: string) => downstream.has(nodeIdOf(path));
  const failed = 'error' in corpusCase.expect;
  for (const key of ['changed', 'added'] as const) {
    if (failed && brokenReads(USER_EDITS[key])) {
      expect(run.edits[key].status, key).toBe('skipped');
    } else {
      expect(run.edits[key].status, key).toBe('success');
      if (corpusCase.source !== 'nsw_doe_datansw.ram' && corpusCase.source !== 'acara.staff_numbers')
        expect(run.edits[key].rows, key).toBe(baseline.edits[key].rows);
    }
  }
  if (!(failed && brokenReads(USER_EDITS.changed))) {
    const notes = await stack.query('select distinct user_note from main.stg__nsw_doe_datansw__ram');
    expect(notes).toEqual([{ user_note: 'mine' }]);
  }
}

function nodeIdOf(path: string): string {
  const node = [...stack.project.nodes.values()].find((candidate) => candidate.path === path);
  if (!node) throw new Error(`no node for ${path}`);
  return node.uniqueId;
}

function fileNameOf(file: { url?: string; file?: string; resource_id?: string }): string {
  if (file.file) return file.file;
  if (file.url) return decodeURIComponent(file.url.slice(file.url.lastIndexOf('/') + 1));
  return `${file.resource_id ?? ''}.json`;
}
