/**
 * dbt snapshot semantics, case by case as dbt's documentation describes them
 * (https://docs.getdbt.com/docs/build/snapshots), run on real DuckDB-WASM: the statements src/core plans
 * for a snapshot, over a table the test rewrites between runs as a source would change between loads.
 */
import { createHash } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild } from '../../src/core/plan/build-plan.ts';
import type { ModelNode, Project } from '../../src/core/project/types.ts';
import type { StoredSnapshot } from '../../src/core/snapshots/stored-snapshot.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { readSnapshotTable } from '../../src/engine/snapshot-tables.ts';

type Row = Record<string, unknown>;

const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-02-01T00:00:00Z';
const T3 = '2026-03-01T00:00:00Z';

function project(config: string, extra = ''): Project {
  const { project, errors } = loadProject({
    files: [
      { path: 'dbt_project.yml', content: 'name: snaps\n' },
      {
        path: 'snapshots/school_snapshot.sql',
        content: `{% snapshot school_snapshot %}\n{{ config(${config}) }}\nselect * from main.src ${extra}\n{% endsnapshot %}\n`,
      },
    ],
  });
  expect(errors).toEqual([]);
  return project;
}

const TIMESTAMP = "unique_key='id', strategy='timestamp', updated_at='updated_at'";
const checkOn = (cols: string, deletes = '') => `unique_key='id', strategy='check', check_cols=${cols}${deletes}`;

describe('dbt snapshots on DuckDB', () => {
  const engine = new DuckDbEngine(openNodeBindings);
  const query = async (sql: string): Promise<Row[]> =>
    tableFromIPC((await engine.query(sql)).ipc)
      .toArray()
      .map((row: { toJSON(): Row }) => row.toJSON());
  /** The source as it is at one load: (id, name, suburb, updated_at). */
  const load = async (rows: Array<[number, string, string | null, string]>) => {
    await engine.query(
      'create or replace table main.src (id integer, name varchar, suburb varchar, updated_at timestamp)',
    );
    for (const [id, name, suburb, updatedAt] of rows)
      await engine.query('insert into main.src values ($1, $2, $3, $4::timestamp)', [id, name, suburb, updatedAt]);
  };
  const run = async (snapshots: Project, at: string, stored?: StoredSnapshot) => {
    const node = [...snapshots.nodes.values()].find((n) => n.name === 'school_snapshot') as ModelNode;
    const stores = stored ? new Map([[node.uniqueId, stored]]) : undefined;
    const { steps, errors } = planBuild({
      project: snapshots,
      selected: new Set([node.uniqueId]),
      snapshots: { at, stored: stores },
    });
    expect(errors).toEqual([]);
    const [result] = await engine.build(steps);
    expect(result?.error?.message).toBeUndefined();
    expect(result?.status).toBe('success');
    return node;
  };
  /** The snapshot as (id, name, from, to), ordered; times as ISO dates for readability. */
  const history = async (extra = '') =>
    (
      await query(
        `select id, name, strftime(dbt_valid_from, '%Y-%m-%d') as valid_from, strftime(dbt_valid_to, '%Y-%m-%d') as valid_to${extra} from main.school_snapshot order by id, dbt_valid_from${extra ? ', dbt_is_deleted' : ''}`,
      )
    ).map((row) => Object.values(row));

  beforeAll(async () => {
    await engine.open();
  });
  beforeEach(async () => {
    await engine.query('drop table if exists main.school_snapshot');
  });
  afterAll(async () => engine.cancel());

  it('first run: every row inserted, valid_from = updated_at, valid_to null, scd_id = md5(key|updated_at)', async () => {
    await load([
      [1, 'Abbotsford PS', 'Abbotsford', '2025-12-01 00:00:00'],
      [2, 'Bega HS', null, '2025-12-02 08:30:00'],
    ]);
    await run(project(TIMESTAMP), T1);
    expect(await history()).toEqual([
      [1, 'Abbotsford PS', '2025-12-01', null],
      [2, 'Bega HS', '2025-12-02', null],
    ]);
    const rows = await query(
      'select id, dbt_scd_id, dbt_updated_at = updated_at as same from main.school_snapshot order by id',
    );
    // dbt's snapshot_hash_arguments: md5(coalesce(cast(key as varchar), '') || '|' || coalesce(cast(updated_at as varchar), ''))
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    expect(rows).toEqual([
      { id: 1, dbt_scd_id: md5('1|2025-12-01 00:00:00'), same: true },
      { id: 2, dbt_scd_id: md5('2|2025-12-02 08:30:00'), same: true },
    ]);
  });

  it('timestamp: a newer updated_at closes the old version at it and inserts a new one; unchanged rows are untouched', async () => {
    const snapshots = project(TIMESTAMP);
    await load([
      [1, 'Abbotsford PS', 'Abbotsford', '2025-12-01 00:00:00'],
      [2, 'Bega HS', 'Bega', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T1);
    const before = await query('select * from main.school_snapshot where id = 2');
    await load([
      [1, 'Abbotsford Public School', 'Abbotsford', '2026-01-15 00:00:00'],
      [2, 'Bega HS', 'Bega', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T2);
    expect(await history()).toEqual([
      [1, 'Abbotsford PS', '2025-12-01', '2026-01-15'],
      [1, 'Abbotsford Public School', '2026-01-15', null],
      [2, 'Bega HS', '2025-12-01', null],
    ]);
    expect(await query('select * from main.school_snapshot where id = 2')).toEqual(before);
  });

  it('timestamp: a change without a newer updated_at is ignored', async () => {
    const snapshots = project(TIMESTAMP);
    await load([[1, 'Abbotsford PS', 'Abbotsford', '2025-12-01 00:00:00']]);
    await run(snapshots, T1);
    await load([[1, 'Renamed PS', 'Elsewhere', '2025-12-01 00:00:00']]);
    await run(snapshots, T2);
    await load([[1, 'Renamed again', 'Elsewhere', '2025-11-01 00:00:00']]);
    await run(snapshots, T3);
    expect(await history()).toEqual([[1, 'Abbotsford PS', '2025-12-01', null]]);
  });

  it('check on listed columns: a change there makes a version from the snapshot time; other columns are ignored', async () => {
    const snapshots = project(checkOn("['name']"));
    await load([[1, 'Abbotsford PS', 'Abbotsford', '2025-12-01 00:00:00']]);
    await run(snapshots, T1);
    await load([[1, 'Abbotsford PS', 'Moved suburb', '2026-01-20 00:00:00']]);
    await run(snapshots, T2);
    expect(await history()).toEqual([[1, 'Abbotsford PS', '2026-01-01', null]]);
    await load([[1, 'Abbotsford Public School', 'Moved suburb', '2026-01-20 00:00:00']]);
    await run(snapshots, T3);
    expect(await history()).toEqual([
      [1, 'Abbotsford PS', '2026-01-01', '2026-03-01'],
      [1, 'Abbotsford Public School', '2026-03-01', null],
    ]);
  });

  it("check 'all': a change in any column (a null included) makes a new version", async () => {
    const snapshots = project(checkOn("'all'"));
    await load([
      [1, 'Abbotsford PS', 'Abbotsford', '2025-12-01 00:00:00'],
      [2, 'Bega HS', 'Bega', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T1);
    await load([
      [1, 'Abbotsford PS', null, '2025-12-01 00:00:00'],
      [2, 'Bega HS', 'Bega', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T2);
    expect(await history()).toEqual([
      [1, 'Abbotsford PS', '2026-01-01', '2026-02-01'],
      [1, 'Abbotsford PS', '2026-02-01', null],
      [2, 'Bega HS', '2026-01-01', null],
    ]);
  });

  it.each([
    [
      'ignore (the default)',
      '',
      [
        [1, 'A', '2025-12-01', null],
        [2, 'B', '2025-12-01', null],
      ],
    ],
    [
      "hard_deletes: 'ignore'",
      ", hard_deletes='ignore'",
      [
        [1, 'A', '2025-12-01', null],
        [2, 'B', '2025-12-01', null],
      ],
    ],
    [
      "hard_deletes: 'invalidate'",
      ", hard_deletes='invalidate'",
      [
        [1, 'A', '2025-12-01', null],
        [2, 'B', '2025-12-01', '2026-02-01'],
      ],
    ],
    [
      'invalidate_hard_deletes: true',
      ', invalidate_hard_deletes=true',
      [
        [1, 'A', '2025-12-01', null],
        [2, 'B', '2025-12-01', '2026-02-01'],
      ],
    ],
  ])('hard deletes, %s: a row gone from the query', async (_, setting, expected) => {
    const snapshots = project(TIMESTAMP + setting);
    await load([
      [1, 'A', 'x', '2025-12-01 00:00:00'],
      [2, 'B', 'y', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T1);
    await load([[1, 'A', 'x', '2025-12-01 00:00:00']]);
    await run(snapshots, T2);
    expect(await history()).toEqual(expected);
  });

  it("hard_deletes: 'new_record' closes the version and adds a deleted one; a later run leaves it; a return closes it", async () => {
    const snapshots = project(TIMESTAMP + ", hard_deletes='new_record'");
    await load([
      [1, 'A', 'x', '2025-12-01 00:00:00'],
      [2, 'B', 'y', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T1);
    expect(await history(', dbt_is_deleted')).toEqual([
      [1, 'A', '2025-12-01', null, 'False'],
      [2, 'B', '2025-12-01', null, 'False'],
    ]);
    await load([[1, 'A', 'x', '2025-12-01 00:00:00']]);
    await run(snapshots, T2);
    const deleted = [
      [1, 'A', '2025-12-01', null, 'False'],
      [2, 'B', '2025-12-01', '2026-02-01', 'False'],
      [2, 'B', '2026-02-01', null, 'True'],
    ];
    expect(await history(', dbt_is_deleted')).toEqual(deleted);
    await run(snapshots, T3);
    expect(await history(', dbt_is_deleted')).toEqual(deleted);
    await load([
      [1, 'A', 'x', '2025-12-01 00:00:00'],
      [2, 'B', 'y', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, '2026-04-01T00:00:00Z');
    // The returning row's updated_at is older than the deleted record's valid_from: dbt still inserts it
    // (row_changed or dbt_is_deleted = 'True') and closes the deleted record at the row's updated_at.
    expect(await history(', dbt_is_deleted')).toEqual([
      [1, 'A', '2025-12-01', null, 'False'],
      [2, 'B', '2025-12-01', '2026-02-01', 'False'],
      [2, 'B', '2025-12-01', null, 'False'],
      [2, 'B', '2026-02-01', '2025-12-01', 'True'],
    ]);
  });

  it('invalidate: a deleted row that comes back gets a new current version', async () => {
    const snapshots = project(checkOn("['name']", ", hard_deletes='invalidate'"));
    await load([
      [1, 'A', 'x', '2025-12-01 00:00:00'],
      [2, 'B', 'y', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T1);
    await load([[1, 'A', 'x', '2025-12-01 00:00:00']]);
    await run(snapshots, T2);
    await load([
      [1, 'A', 'x', '2025-12-01 00:00:00'],
      [2, 'B', 'y', '2025-12-01 00:00:00'],
    ]);
    await run(snapshots, T3);
    expect(await history()).toEqual([
      [1, 'A', '2026-01-01', null],
      [2, 'B', '2026-01-01', '2026-02-01'],
      [2, 'B', '2026-03-01', null],
    ]);
  });

  it('dbt_scd_id is deterministic: the same loads give the same ids, and distinct versions distinct ids', async () => {
    const snapshots = project(checkOn("'all'"));
    const runAll = async () => {
      await engine.query('drop table if exists main.school_snapshot');
      await load([
        [1, 'A', 'x', '2025-12-01 00:00:00'],
        [2, 'B', 'y', '2025-12-01 00:00:00'],
      ]);
      await run(snapshots, T1);
      await load([
        [1, 'A2', 'x', '2025-12-01 00:00:00'],
        [2, 'B', 'y', '2025-12-01 00:00:00'],
      ]);
      await run(snapshots, T2);
      return (await query('select dbt_scd_id from main.school_snapshot order by id, dbt_valid_from')).map(
        (r) => r.dbt_scd_id,
      );
    };
    const first = await runAll();
    expect(await runAll()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('a kept table restores exactly (types, nulls apart from empty text) and the history continues from it', async () => {
    const snapshots = project(TIMESTAMP);
    await load([
      [1, 'Abbotsford PS', '', '2025-12-01 00:00:00.123456'],
      [2, 'Bega "HS", NSW', null, '2025-12-01 00:00:00'],
    ]);
    const node = await run(snapshots, T1);
    const stored = await readSnapshotTable({ engine, node, savedAt: T1 });
    const before = await query('select * from main.school_snapshot order by id');
    await engine.query('drop table main.school_snapshot');
    await run(snapshots, T2, stored);
    expect(await query('select * from main.school_snapshot order by id')).toEqual(before);
    expect(await query("select id from main.school_snapshot where suburb = ''")).toEqual([{ id: 1 }]);
    await load([[1, 'Abbotsford PS', '', '2025-12-01 00:00:00.123456']]);
    await run(project(TIMESTAMP + ', hard_deletes="invalidate"'), T3, stored);
    expect(await history()).toEqual([
      [1, 'Abbotsford PS', '2025-12-01', null],
      [2, 'Bega "HS", NSW', '2025-12-01', '2026-03-01'],
    ]);
  });
});
