import type { ModelNode } from '../project/types.ts';
import type { StoredSnapshot } from './stored-snapshot.ts';

/**
 * Where snapshot tables are kept between runs, so a snapshot's history survives the in-memory database:
 * the CLI keeps them in its target folder, the app in IndexedDB. The build session loads them before a
 * build (each is restored before its snapshot runs) and saves the snapshots a build took.
 */
export interface SnapshotStore {
  /**
   * The kept tables by unique id. A value that is a string says why that snapshot's kept table cannot be
   * used (a damaged file): its snapshot then errors rather than start a new history over the old one.
   * Rejects when nothing can be read at all, with the same effect on every snapshot.
   */
  load(): Promise<ReadonlyMap<string, StoredSnapshot | string>>;
  /** Keep the tables of these snapshots, as the build left them in the database. */
  save(snapshots: readonly ModelNode[]): Promise<void>;
}
