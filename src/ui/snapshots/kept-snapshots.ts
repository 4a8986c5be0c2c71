import type { SnapshotStore } from '../../core/snapshots/snapshot-store.ts';
import { isStoredSnapshot, type StoredSnapshot } from '../../core/snapshots/stored-snapshot.ts';
import type { Engine } from '../../engine/contract.ts';
import { idbDone, idbRequest, lazyIndexedDb } from '../indexed-db.ts';

/** Its own database, so its schema can change without touching the downloads cache or the edits. */
const DATABASE = 'data-stack-in-a-tab-snapshots';
const STORE = 'snapshot-tables';
const open = lazyIndexedDb({ name: DATABASE, stores: [{ name: STORE, keyPath: 'uniqueId' }] });

/**
 * Snapshot tables kept in IndexedDB, one record per snapshot unique id (which names the project), so a
 * snapshot's history survives reloads and spans every load: the sample, live data, a file loaded by hand.
 * Without IndexedDB (private browsing, storage disabled) the history lasts as long as the page; a record
 * that cannot be read, or is damaged, makes its snapshot error rather than start its history over it.
 */
export function browserSnapshotStore(engine: () => Pick<Engine, 'query'>): SnapshotStore {
  return {
    async load() {
      const db = await open().catch(() => undefined);
      const kept = new Map<string, StoredSnapshot | string>();
      if (!db) return kept;
      const records = await idbRequest<unknown[]>(db.transaction(STORE).objectStore(STORE).getAll());
      for (const record of records) {
        const id = (record as { uniqueId?: unknown } | null)?.uniqueId;
        if (typeof id !== 'string') continue;
        kept.set(id, isStoredSnapshot(record) ? record : `The kept history of ${id} in this browser is damaged.`);
      }
      return kept;
    },
    async save(snapshots) {
      // Fetched here, after a build with snapshots, so Apache Arrow is not part of the page's first download.
      const { readSnapshotTable } = await import('../../engine/snapshot-tables.ts');
      const savedAt = new Date().toISOString();
      const tables = [];
      for (const node of snapshots) tables.push(await readSnapshotTable({ engine: engine(), node, savedAt }));
      const db = await open();
      const transaction = db.transaction(STORE, 'readwrite');
      for (const table of tables) transaction.objectStore(STORE).put(table);
      await idbDone(transaction);
    },
  };
}
