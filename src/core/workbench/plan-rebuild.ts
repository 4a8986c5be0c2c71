import { selectNodes, type SelectableNode } from '../graph/select-nodes.ts';
import type { StepResult } from '../plan/step-result.ts';

/** The selector a save builds: what changed since the last build, and everything downstream of it. */
export const MODIFIED_AND_DOWNSTREAM = 'state:modified+';

/** What the workbench must build after the project's files changed, and what it may not. */
export interface RebuildPlan {
  /** Unique ids to build, in the order of the nodes; empty when there are errors. */
  selected: Set<string>;
  /** Nodes whose checksum differs from the one they were built with (or that were never built). */
  modified: string[];
  /** Nodes that were built before and no longer exist (a deleted or renamed file). */
  removed: string[];
  /** One message per invalid selector. */
  errors: string[];
}

/**
 * Plan a rebuild the way `dbt build --select state:modified+ --state <last build>` would: each node's
 * checksum is compared with the checksum it had when it was last built. Any other selector (`+name`,
 * `tag:x`, `path:models/staging`) works too, with `state:` comparing against the same last build.
 */
export function planRebuild(options: {
  /** Every node of the project as it stands now, with checksums. */
  nodes: readonly SelectableNode[];
  /** Unique id → the checksum each node had when it was last built. */
  built: ReadonlyMap<string, string>;
  /** What to build; default `state:modified+`. */
  select?: string | undefined;
  /** What to leave out. */
  exclude?: string | undefined;
}): RebuildPlan {
  const { nodes, built } = options;
  const select = options.select?.trim() ? options.select : MODIFIED_AND_DOWNSTREAM;
  const result = selectNodes({ nodes, select, exclude: options.exclude, previous: built });
  const present = new Set(nodes.map((node) => node.uniqueId));
  return {
    selected: result.selected,
    modified: nodes.filter((node) => built.get(node.uniqueId) !== node.checksum).map((node) => node.uniqueId),
    removed: [...built.keys()].filter((id) => !present.has(id)),
    errors: result.errors,
  };
}

/**
 * A node's dot in the project tree: how its last build ended, or `stale` when it was edited since (its
 * checksum changed, or its file has unsaved edits), or `not-built`.
 */
export type NodeStatus = 'not-built' | 'ok' | 'warn' | 'error' | 'skipped' | 'stale';

/** The dot of one node. */
export function nodeStatus(options: {
  /** The node's checksum now. */
  checksum: string;
  /** Its checksum when it was last built; undefined when it never was. */
  builtChecksum: string | undefined;
  /** Its last build's result. */
  result: Pick<StepResult, 'status'> | undefined;
  /** Whether its file has edits that are not saved yet. */
  unsaved?: boolean | undefined;
}): NodeStatus {
  const { checksum, builtChecksum, result } = options;
  if (options.unsaved) return 'stale';
  if (builtChecksum === undefined || result === undefined) return 'not-built';
  if (builtChecksum !== checksum) return 'stale';
  switch (result.status) {
    case 'success':
    case 'pass':
      return 'ok';
    case 'warn':
      return 'warn';
    case 'skipped':
      return 'skipped';
    case 'error':
    case 'fail':
      return 'error';
  }
}
