/**
 * Two runs side by side, node by node: what changed status, how the time and the rows moved, and what ran
 * in only one of them. Pure, for the Runs page.
 */
import type { StepStatus } from '../plan/step-result.ts';
import type { RunNode, RunRecord } from './run-record.ts';

/** How a node differs between two runs. */
export type NodeChange = 'status' | 'rows' | 'only-before' | 'only-after' | 'same';

/** One node in a comparison. */
export interface NodeComparison {
  /** The node's unique id. */
  uniqueId: string;
  /** Its name. */
  name: string;
  /** Its status in the earlier run, if it ran there. */
  statusBefore?: StepStatus | undefined;
  /** Its status in the later run, if it ran there. */
  statusAfter?: StepStatus | undefined;
  /** Milliseconds in the earlier run. */
  msBefore?: number | undefined;
  /** Milliseconds in the later run. */
  msAfter?: number | undefined;
  /** Rows (or failing rows, for tests) in the earlier run. */
  rowsBefore?: number | undefined;
  /** Rows (or failing rows) in the later run. */
  rowsAfter?: number | undefined;
  /** The most telling difference: status first, then rows, then whether it ran in both. */
  change: NodeChange;
}

/** A comparison of two runs. */
export interface RunComparison {
  /** Every node of either run: changed ones first (status, then rows, then ran in one only), then by name. */
  nodes: NodeComparison[];
  /** How many nodes changed status. */
  statusChanges: number;
  /** How many nodes changed their row (or failing-row) count. */
  rowChanges: number;
  /** Nodes that ran only in the earlier run. */
  onlyBefore: number;
  /** Nodes that ran only in the later run. */
  onlyAfter: number;
  /** Later total time minus earlier, in milliseconds. */
  elapsedDeltaMs: number;
}

const ORDER: Record<NodeChange, number> = { status: 0, rows: 1, 'only-before': 2, 'only-after': 3, same: 4 };

/** Compare an earlier run with a later one. */
export function compareRuns(before: RunRecord, after: RunRecord): RunComparison {
  const earlier = new Map(before.nodes.map((node) => [node.uniqueId, node]));
  const later = new Map(after.nodes.map((node) => [node.uniqueId, node]));
  const ids = [...new Set([...earlier.keys(), ...later.keys()])];
  const nodes = ids
    .map((id) => compareNode(id, earlier.get(id), later.get(id)))
    .sort((a, b) => ORDER[a.change] - ORDER[b.change] || a.name.localeCompare(b.name));
  const count = (change: NodeChange) => nodes.filter((node) => node.change === change).length;
  return {
    nodes,
    statusChanges: count('status'),
    rowChanges: count('rows'),
    onlyBefore: count('only-before'),
    onlyAfter: count('only-after'),
    elapsedDeltaMs: after.elapsedMs - before.elapsedMs,
  };
}

function compareNode(uniqueId: string, before: RunNode | undefined, after: RunNode | undefined): NodeComparison {
  const rowsBefore = measure(before);
  const rowsAfter = measure(after);
  const change: NodeChange = !before
    ? 'only-after'
    : !after
      ? 'only-before'
      : before.status !== after.status
        ? 'status'
        : rowsBefore !== rowsAfter
          ? 'rows'
          : 'same';
  return {
    uniqueId,
    name: (after ?? before)?.name ?? uniqueId,
    statusBefore: before?.status,
    statusAfter: after?.status,
    msBefore: before?.elapsedMs,
    msAfter: after?.elapsedMs,
    rowsBefore,
    rowsAfter,
    change,
  };
}

/** Rows for relations, failing rows for tests. */
function measure(node: RunNode | undefined): number | undefined {
  return node?.kind === 'test' ? node.failures : node?.rows;
}
