/**
 * The results `npm run build` precomputes are exactly what a fresh build of the bundled project on the
 * bundled sample answers: every precomputed query of every report page, decoded, equals the same query run
 * on a database built independently (the CLI's in-memory sample, another engine instance).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFiles, sampleFolderKey } from '../../src/cli/bundled-files.ts';
import { precomputeReports, startingInputs, type PrecomputedOutput } from '../../src/cli/precompute-reports.ts';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession } from '../../src/core/build/build-session.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { parseReport } from '../../src/core/report/parse-report.ts';
import { projectDataKey, queryKey } from '../../src/core/results/results-key.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { SAMPLE_GENERATORS } from '../../src/sample/registry.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const sampleDir = mkdtempSync(join(tmpdir(), 'precomputed-sample-'));
const fresh = new DuckDbEngine(openNodeBindings);
let output: PrecomputedOutput;

beforeAll(async () => {
  for (const generate of Object.values(SAMPLE_GENERATORS)) {
    for (const file of generate()) writeFileSync(join(sampleDir, file.fileName), file.content);
  }
  output = await precomputeReports({ root: ROOT, sampleDir, engine: new DuckDbEngine(openNodeBindings) });
  const { project, errors } = loadProject({ files: readProjectDir(ROOT) });
  expect(errors).toEqual([]);
  const build = await runBuildSession({
    project,
    engine: fresh,
    obtainer: sampleObtainer(),
    loadedAt: '2026-01-01T00:00:00Z',
  });
  expect(build.errors).toEqual([]);
}, 300_000);

afterAll(() => rmSync(sampleDir, { recursive: true, force: true }));

describe('the precomputed report results', () => {
  it('are keyed by the bundled files and the sample they came from', () => {
    expect(output.manifest.data).toBe(sampleFolderKey(sampleDir));
    expect(output.manifest.key).toBe(projectDataKey({ files: bundledFiles(ROOT), data: output.manifest.data }));
    expect(Object.keys(output.manifest.pages)).toContain('reports/index.md');
  });

  it('hold every query of the Overview', () => {
    const index = bundledFiles(ROOT).find((file) => file.path === 'reports/index.md');
    const page = parseReport({ path: 'reports/index.md', source: index?.content ?? '' });
    const held = Object.keys(output.manifest.pages['reports/index.md']?.queries ?? {});
    expect(page.queries.length).toBeGreaterThan(5);
    expect(held.sort()).toEqual(page.queries.map((query) => queryKey({ sql: query.bound.sql, params: [] })).sort());
  });

  it("leave out every query that reads a snapshot's history: a returning reader's browser has its own", () => {
    const changes = bundledFiles(ROOT).find((file) => file.path === 'reports/school-changes.md');
    const page = parseReport({ path: 'reports/school-changes.md', source: changes?.content ?? '' });
    const held = output.manifest.pages['reports/school-changes.md']?.queries ?? {};
    const historyQueries = page.queries.filter((query) => /\bschool_(snapshot|changes)\b/.test(query.bound.sql));
    expect(historyQueries.length).toBeGreaterThan(0);
    for (const query of historyQueries) expect(held[queryKey({ sql: query.bound.sql, params: [] })]).toBeUndefined();
  });

  it('equal what a fresh build answers, query by query, on every page', async () => {
    let compared = 0;
    for (const file of bundledFiles(ROOT).filter((candidate) => candidate.path.startsWith('reports/'))) {
      const page = parseReport({ path: file.path, source: file.content });
      const held = output.manifest.pages[file.path];
      const bytes = held ? output.files.get(held.file) : undefined;
      expect(bytes, file.path).toBeDefined();
      const inputs = await startingInputs({ page, engine: fresh });
      for (const query of page.queries) {
        const params = query.bound.inputs.map((name) => inputs.get(name) ?? null);
        const slice = held?.queries[queryKey({ sql: query.bound.sql, params })];
        if (!slice || !bytes) continue;
        const answer = await (params.length > 0 ? fresh.query(query.bound.sql, params) : fresh.query(query.bound.sql));
        const precomputed = decodeResult(bytes.subarray(slice.offset, slice.offset + slice.length));
        expect(precomputed, `${file.path}#${query.name}`).toEqual(decodeResult(answer.ipc));
        compared++;
      }
    }
    expect(compared).toBe(
      Object.values(output.manifest.pages).reduce((sum, page) => sum + Object.keys(page.queries).length, 0),
    );
  });
});
