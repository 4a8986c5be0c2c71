// `npm run stack -- source freshness`: load the selected sources that declare freshness, check each one's
// newest load time against its thresholds, print dbt's lines and write target/sources.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBuildSession } from '../core/build/build-session.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import { checkFreshness, type FreshnessResult } from '../core/freshness/check-freshness.ts';
import {
  formatFreshnessDone,
  formatFreshnessResult,
  formatFreshnessStart,
  freshnessFailed,
} from '../core/freshness/format-freshness.ts';
import { hasFreshness } from '../core/freshness/freshness-rules.ts';
import { planMaxLoadedAt } from '../core/freshness/max-loaded-at.ts';
import { buildSourcesArtifact } from '../core/freshness/sources-artifact.ts';
import type { Project, SourceNode } from '../core/project/types.ts';
import { messageOf } from '../core/text/message-of.ts';
import type { Engine } from '../engine/contract.ts';
import { decodeResult } from '../engine/decode-result.ts';
import { EXIT, type CliOutput } from './cli-output.ts';

/** Run `source freshness` over the selected sources; returns the exit code (1 when any is stale past error_after or cannot be checked). */
export async function runFreshnessCommand(options: {
  project: Project;
  selected: ReadonlySet<string>;
  engine: Engine;
  obtainer: SourceObtainer;
  target: string;
  output: CliOutput;
  now: () => Date;
  invocationId: string;
}): Promise<number> {
  const { project, engine, output, now } = options;
  const started = performance.now();
  const sources = [...project.nodes.values()].filter(
    (node): node is SourceNode =>
      node.resourceType === 'source' && options.selected.has(node.uniqueId) && hasFreshness(node.freshness),
  );
  if (sources.length === 0) {
    output.out('Nothing to do: no selected source declares freshness (warn_after or error_after).');
    return EXIT.ok;
  }
  const fetched = new Map<string, string[]>();
  const build = await runBuildSession({
    project,
    engine,
    obtainer: options.obtainer,
    selected: new Set(sources.map((source) => source.uniqueId)),
    loadedAt: now().toISOString(),
    onEvent: (event) => {
      if (event.type === 'source-planned')
        fetched.set(
          event.source.uniqueId,
          event.files.flatMap((file) => (file.fetchedAt ? [file.fetchedAt] : [])),
        );
      if (event.type === 'planned')
        output.out(
          `Running with DuckDB ${event.info.duckdbVersion} (WebAssembly), ${sources.length} sources with freshness`,
        );
    },
  });
  build.errors.forEach((message) => output.err(message));
  const loads = new Map(build.results.map((result) => [result.uniqueId, result]));
  const results: FreshnessResult[] = [];
  for (const [position, source] of sources.entries()) {
    const index = position + 1;
    output.out(formatFreshnessStart({ name: `${source.sourceName}.${source.name}`, index, total: sources.length }));
    const checkStarted = performance.now();
    const load = loads.get(source.uniqueId);
    const found =
      load?.status === 'success'
        ? await maxLoadedAt({ engine, source, fetchedAt: fetched.get(source.uniqueId) ?? [] })
        : {
            error: `Source ${source.sourceName}.${source.name} could not be loaded: ${load?.error?.message ?? 'not loaded'}`,
          };
    const result = checkFreshness({
      uniqueId: source.uniqueId,
      name: `${source.sourceName}.${source.name}`,
      freshness: source.freshness ?? {},
      ...found,
      snapshottedAt: now().toISOString(),
      executionSeconds: (performance.now() - checkStarted) / 1000,
    });
    results.push(result);
    output.out(formatFreshnessResult({ result, index, total: sources.length }));
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  writeSources(
    options.target,
    buildSourcesArtifact({
      results,
      generatedAt: now().toISOString(),
      invocationId: options.invocationId,
      elapsedSeconds,
    }),
  );
  for (const result of results.filter((r) => r.status === 'runtime error'))
    output.err(
      `Runtime Error in source ${result.name} (${project.nodes.get(result.uniqueId)?.path ?? ''})\n  ${result.error ?? ''}`,
    );
  output.out('');
  output.out(`Finished in ${elapsedSeconds.toFixed(2)}s.`);
  output.out(formatFreshnessDone(results));
  return freshnessFailed(results) || build.errors.length > 0 ? EXIT.failed : EXIT.ok;
}

async function maxLoadedAt(options: {
  engine: Engine;
  source: SourceNode;
  fetchedAt: readonly string[];
}): Promise<{ maxLoadedAt?: string | undefined; error?: string | undefined }> {
  const plan = planMaxLoadedAt({ source: options.source, fetchedAt: options.fetchedAt });
  if ('fetchedAt' in plan) return { maxLoadedAt: plan.fetchedAt };
  try {
    const value = decodeResult((await options.engine.query(plan.sql)).ipc).rows[0]?.max_loaded_at;
    return { maxLoadedAt: typeof value === 'string' ? value : undefined };
  } catch (error) {
    return { error: messageOf(error) };
  }
}

function writeSources(target: string, artifact: unknown): void {
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'sources.json'), `${JSON.stringify(artifact, null, 2)}\n`);
}
