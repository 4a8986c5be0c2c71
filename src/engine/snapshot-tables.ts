import { tableFromIPC } from 'apache-arrow';
import type { ModelNode } from '../core/project/types.ts';
import { snapshotColumnsSql, snapshotRowsSql, type StoredSnapshot } from '../core/snapshots/stored-snapshot.ts';
import { quoteRelation } from '../core/sql/quote.ts';
import type { Engine } from './contract.ts';

/**
 * Read a built snapshot's table back from the database as a `StoredSnapshot`, to keep it until the next
 * run (the CLI writes it to the target folder, the app to IndexedDB). Values come as DuckDB's own text, so
 * the restore casts back to exactly what was there.
 */
export async function readSnapshotTable(options: {
  engine: Pick<Engine, 'query'>;
  node: ModelNode;
  savedAt: string;
}): Promise<StoredSnapshot> {
  const { engine, node } = options;
  const columns = tableFromIPC(
    (await engine.query(snapshotColumnsSql({ schema: node.schema, table: node.relation }))).ipc,
  )
    .toArray()
    .map((row: { column_name: string; data_type: string }) => ({ name: row.column_name, type: row.data_type }));
  const table = tableFromIPC(
    (await engine.query(snapshotRowsSql(quoteRelation({ schema: node.schema, name: node.relation })))).ipc,
  );
  const vectors = columns.map((_, index) => table.getChildAt(index));
  const rows: Array<Array<string | null>> = [];
  for (let row = 0; row < table.numRows; row++) {
    rows.push(
      vectors.map((vector) => {
        const value: unknown = vector?.get(row);
        return value === null || value === undefined ? null : String(value);
      }),
    );
  }
  return { uniqueId: node.uniqueId, columns, rows, savedAt: options.savedAt };
}
