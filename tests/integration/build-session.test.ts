/**
 * The one build path of the app and the CLI (src/core/build), on real DuckDB-WASM: a full build, an
 * incremental rebuild laid over it, and sources obtained through a pluggable obtainer — one that fails a
 * file fails only its source.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession, type BuildOutcome, type SessionEvent } from '../../src/core/build/build-session.ts';
import type { SourceObtainer } from '../../src/core/build/source-obtainer.ts';
import { descendantsOf } from '../../src/core/graph/select-nodes.ts';
import { loadProject } from '../../src/core/load-project.ts';
import type { Project } from '../../src/core/project/types.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const BASIC = fileURLToPath(new URL('../fixtures/basic', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LOADED_AT = '2026-01-01T00:00:00Z';

const noSources: SourceObtainer = {
  obtain: async ({ file }) => ({ file, origin: 'none', error: 'this project has no sources' }),
};

function load(folder: string): Project {
  const { project, errors } = loadProject({ files: readProjectDir(folder) });
  expect(errors).toEqual([]);
  return project;
}

const statusByName = (project: Project, outcome: BuildOutcome) =>
  Object.fromEntries(outcome.results.map((r) => [project.nodes.get(r.uniqueId)?.name ?? r.uniqueId, r.status]));

describe('a full build then an incremental rebuild', () => {
  const project = load(BASIC);
  const engine = new DuckDbEngine(openNodeBindings);
  let full: BuildOutcome;
  const events: SessionEvent['type'][] = [];

  beforeAll(async () => {
    full = await runBuildSession({
      project,
      engine,
      obtainer: noSources,
      loadedAt: LOADED_AT,
      onEvent: (event) => events.push(event.type),
    });
  });

  it('builds every seed, model and test, and reports the plan before the steps', () => {
    expect(full.errors).toEqual([]);
    expect(full.results.length).toBe(full.steps.length);
    expect(full.results.every((r) => r.status === 'success' || r.status === 'pass')).toBe(true);
    expect(events[0]).toBe('planned');
    expect(events.filter((type) => type === 'step').length).toBe(full.steps.length * 2);
  });

  it('rebuilds only the selection and keeps every other node’s result from the previous build', async () => {
    const changed = [...project.nodes.values()].find((node) => node.name === 'stg_orders')?.uniqueId as string;
    const selected = new Set([changed, ...descendantsOf([...project.nodes.values()], [changed])]);
    const again = await runBuildSession({
      project,
      engine,
      obtainer: noSources,
      selected,
      previous: full.state,
      loadedAt: LOADED_AT,
    });
    expect(again.steps.map((step) => step.uniqueId).sort()).toEqual([...selected].sort());
    expect(again.steps.some((step) => step.name === 'stg_customers')).toBe(false);
    expect(again.state.results.size).toBe(full.state.results.size);
    expect(again.state.steps.map((step) => step.uniqueId)).toEqual(full.state.steps.map((step) => step.uniqueId));
    expect(statusByName(project, again)).toMatchObject({ stg_orders: 'success', customers: 'success' });
  });
});

describe('sources come through the obtainer', () => {
  const project = load(ROOT);
  const engine = new DuckDbEngine(openNodeBindings);
  const master = [...project.nodes.values()].find(
    (node) => node.resourceType === 'source' && node.name === 'master_dataset',
  );

  it('a file the obtainer cannot have fails its source alone, with the reason, and skips what reads it', async () => {
    const sample = sampleObtainer();
    const failing: SourceObtainer = {
      obtain: (request) =>
        request.source === master
          ? Promise.resolve({ file: request.file, origin: 'test', error: 'the portal answered 503.' })
          : sample.obtain(request),
    };
    const stg = [...project.nodes.values()].filter(
      (node) => node.resourceType === 'model' && node.name.startsWith('stg__'),
    );
    const outcome = await runBuildSession({
      project,
      engine,
      obtainer: failing,
      selected: new Set(stg.map((node) => node.uniqueId)),
      withUpstream: true,
      loadedAt: LOADED_AT,
    });
    const report = outcome.reports.get(master?.uniqueId as string);
    expect(report?.error).toMatch(/503/);
    const status = statusByName(project, outcome);
    expect(status.master_dataset).toBe('error');
    expect(status.stg__nsw_doe_datansw__master_dataset).toBe('skipped');
    expect(status.stg__nsw_doe_datansw__ram).toBe('success');
    const otherSources = outcome.results.filter(
      (r) => project.nodes.get(r.uniqueId)?.resourceType === 'source' && r.uniqueId !== master?.uniqueId,
    );
    expect(otherSources.length).toBeGreaterThan(5);
    expect(otherSources.every((r) => r.status === 'success')).toBe(true);
  });
});
