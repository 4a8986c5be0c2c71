/**
 * Node durations over time, as rows a line chart draws: one series per node, a point per run it ran in.
 * Only the nodes that took longest (by their slowest run) are kept, so the chart stays readable.
 */
import type { RunRecord } from './run-record.ts';

/** One point: a node's time in one run. */
export interface DurationRow {
  /** The run, labelled by its start time (`2026-12-07 23:31:05`) and its position (`#3`). */
  run: string;
  /** The node's name. */
  node: string;
  /** Seconds it took. */
  seconds: number;
}

/** Rows for the `limit` slowest nodes over the given runs, oldest run first. */
export function durationRows(runs: readonly RunRecord[], limit: number): DurationRow[] {
  const ordered = [...runs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const slowest = new Map<string, number>();
  for (const run of ordered)
    for (const node of run.nodes) slowest.set(node.name, Math.max(slowest.get(node.name) ?? 0, node.elapsedMs));
  const kept = new Set(
    [...slowest]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([name]) => name),
  );
  return ordered.flatMap((run, index) =>
    run.nodes
      .filter((node) => kept.has(node.name))
      .map((node) => ({ run: runLabel(run, index), node: node.name, seconds: node.elapsedMs / 1000 })),
  );
}

/** `#3 23:31:05`: a run's position in the history and its start time (UTC). */
export function runLabel(run: RunRecord, index: number): string {
  return `#${index + 1} ${run.startedAt.slice(11, 19)}`;
}
