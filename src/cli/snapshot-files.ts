import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotStore } from '../core/snapshots/snapshot-store.ts';
import { isStoredSnapshot, type StoredSnapshot } from '../core/snapshots/stored-snapshot.ts';
import { messageOf } from '../core/text/message-of.ts';
import type { Engine } from '../engine/contract.ts';
import { readSnapshotTable } from '../engine/snapshot-tables.ts';

/** The folder under the target folder where the CLI keeps snapshot tables between runs. */
export const SNAPSHOT_FOLDER = 'snapshots';

/**
 * Snapshot tables kept in `<target>/snapshots/<unique id>.json`, one file per snapshot: its columns with
 * their DuckDB types and every value as DuckDB's text. JSON rather than Parquet or CSV: DuckDB-WASM reads
 * Parquet only through an extension it would fetch from the internet, and a CSV loses the types and the
 * difference between NULL and empty text; a persistent DuckDB file is not an option because the CLI's
 * database is DuckDB-WASM in memory, locked against file access for the project's own SQL. A file that
 * does not parse is reported, never overwritten: its snapshot errors until it is fixed or removed.
 */
export function snapshotFileStore(options: {
  target: string;
  engine: Pick<Engine, 'query'>;
  now: () => Date;
}): SnapshotStore {
  const folder = join(options.target, SNAPSHOT_FOLDER);
  return {
    load() {
      const kept = new Map<string, StoredSnapshot | string>();
      if (!existsSync(folder)) return Promise.resolve(kept);
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
        const uniqueId = name.slice(0, -'.json'.length);
        const path = join(folder, name);
        try {
          const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
          kept.set(
            uniqueId,
            isStoredSnapshot(value) && value.uniqueId === uniqueId
              ? value
              : `${path} is not a kept snapshot table (columns with types and rows of text): move it away or fix it.`,
          );
        } catch (error) {
          kept.set(uniqueId, `${path} could not be read (${messageOf(error)}): move it away or fix it.`);
        }
      }
      return Promise.resolve(kept);
    },
    async save(snapshots) {
      mkdirSync(folder, { recursive: true });
      for (const node of snapshots) {
        const stored = await readSnapshotTable({ engine: options.engine, node, savedAt: options.now().toISOString() });
        const path = join(folder, `${node.uniqueId}.json`);
        // Written aside and renamed, so an interrupted write never leaves half a history behind.
        writeFileSync(`${path}.partial`, `${JSON.stringify(stored)}\n`);
        renameSync(`${path}.partial`, path);
      }
    },
  };
}
