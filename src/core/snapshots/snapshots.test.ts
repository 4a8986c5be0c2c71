import { describe, expect, it } from 'vitest';
import { loadProject } from '../load-project.ts';
import { planBuild } from '../plan/build-plan.ts';
import type { ModelNode } from '../project/types.ts';
import { readSnapshotSettings } from './snapshot-settings.ts';
import { snapshotStatements } from './snapshot-sql.ts';
import { isStoredSnapshot, restoreSnapshot } from './stored-snapshot.ts';

const files = (extra: Array<{ path: string; content: string }>) => [
  { path: 'dbt_project.yml', content: 'name: snaps\nsnapshots:\n  snaps:\n    +tags: [history]\n' },
  { path: 'models/schools.sql', content: 'select 1 as school_code' },
  { path: 'models/after.sql', content: "select * from {{ ref('school_snapshot') }}" },
  ...extra,
];

describe('reading snapshots', () => {
  it('reads a {% snapshot %} block: a refable node with settings, config from dbt_project.yml and config()', () => {
    const { project, errors } = loadProject({
      files: files([
        {
          path: 'snapshots/school_snapshot.sql',
          content:
            "-- history\n{% snapshot school_snapshot %}\n{{ config(target_schema='snapshots', unique_key='school_code', strategy='check', check_cols='all', invalidate_hard_deletes=True) }}\nselect * from {{ ref('schools') }}\n{% endsnapshot %}\n",
        },
      ]),
    });
    expect(errors).toEqual([]);
    const node = project.nodes.get('snapshot.snaps.school_snapshot') as ModelNode;
    expect(node.snapshot).toEqual({
      uniqueKey: ['school_code'],
      strategy: 'check',
      checkCols: 'all',
      updatedAt: undefined,
      hardDeletes: 'invalidate',
    });
    expect(node.line).toBe(2);
    expect(node.schema).toBe('snapshots');
    expect(node.config).toMatchObject({ materialized: 'snapshot', tags: ['history'] });
    expect(node.dependsOn).toEqual(['model.snaps.schools']);
    expect(project.nodes.get('model.snaps.after')?.dependsOn).toEqual(['snapshot.snaps.school_snapshot']);
  });

  it("reads dbt 1.9's YAML snapshot with relation and config", () => {
    const { project, errors } = loadProject({
      files: files([
        {
          path: 'snapshots/_snapshots.yml',
          content:
            "snapshots:\n  - name: school_snapshot\n    description: School history\n    relation: ref('schools')\n    config:\n      unique_key: [school_code]\n      strategy: timestamp\n      updated_at: date_extracted\n      hard_deletes: new_record\n",
        },
      ]),
    });
    expect(errors).toEqual([]);
    const node = project.nodes.get('snapshot.snaps.school_snapshot') as ModelNode;
    expect(node).toMatchObject({ description: 'School history', schema: 'main', line: 2 });
    expect(node.snapshot).toMatchObject({
      strategy: 'timestamp',
      updatedAt: 'date_extracted',
      hardDeletes: 'new_record',
    });
  });

  it('says what is wrong with a snapshot, at its file and line', () => {
    const { errors } = loadProject({
      files: [
        { path: 'dbt_project.yml', content: 'name: snaps\n' },
        {
          path: 'snapshots/s.sql',
          content: "\n\n{% snapshot s %}{{ config(strategy='timestamp') }} select 1 {% endsnapshot %}",
        },
        { path: 'snapshots/t.yml', content: 'snapshots:\n  - name: t\n    relation: raw_table\n' },
      ],
    });
    // YAML snapshots are read as their files are, before the blocks are checked.
    expect(errors).toEqual([
      { path: 'snapshots/t.yml', line: 2, message: "Snapshot 't': `relation` must be ref('…') or source('…', '…')." },
      {
        path: 'snapshots/s.sql',
        line: 3,
        message: expect.stringContaining("Snapshot 's': A snapshot needs `unique_key`"),
      },
      {
        path: 'snapshots/s.sql',
        line: 3,
        message: expect.stringContaining('`strategy: timestamp` needs `updated_at`'),
      },
    ]);
  });

  it.each([
    [{ unique_key: 'id', strategy: 'check' }, "`strategy: check` needs `check_cols`: a list of columns, or 'all'."],
    [{ unique_key: 'id', strategy: 'merge' }, "Unknown snapshot strategy 'merge': use timestamp or check."],
    [
      { unique_key: 'id', strategy: 'check', check_cols: 'all', hard_deletes: 'drop' },
      "Unknown hard_deletes 'drop': use ignore, invalidate, new_record.",
    ],
  ])('rejects %j', (config, message) => {
    expect(readSnapshotSettings(config).problems).toEqual([message]);
  });
});

describe('snapshot SQL as text', () => {
  const settings = {
    uniqueKey: ['id'],
    strategy: 'timestamp' as const,
    updatedAt: 'up"dated',
    checkCols: [],
    hardDeletes: 'ignore' as const,
  };
  const statements = snapshotStatements({
    relation: '"main"."s"',
    schema: 'main',
    sourceSql: 'select 1;',
    settings,
    snapshotAt: '2026-01-01T00:00:00Z',
  });

  it('quotes every identifier, stamps the run time as a plain timestamp and merges on dbt_scd_id', () => {
    expect(statements).toHaveLength(6);
    expect(statements[1]).toContain(
      'md5(coalesce(cast("id" as varchar), \'\') || \'|\' || coalesce(cast("up""dated" as varchar), \'\')) as "dbt_scd_id"',
    );
    expect(statements[2]).toContain('snapshotted_data."dbt_valid_from" < source_data."up""dated"');
    expect(statements[2]).not.toContain('deletes');
    expect(statements[3]).toContain(`in ('update', 'delete')`);
    expect(statements[4]).toMatch(/^insert into "main"."s" by name/);
    const check = snapshotStatements({
      relation: '"main"."s"',
      schema: 'main',
      sourceSql: 'select 1',
      snapshotAt: '2026-01-01T00:00:00Z',
      settings: { ...settings, strategy: 'check', updatedAt: undefined, checkCols: ['a'], hardDeletes: 'invalidate' },
    });
    expect(check[2]).toContain('\'2026-01-01 00:00:00\'::timestamp as "dbt_valid_to"');
    expect(check[2]).toContain('snapshotted_data."a" is distinct from source_data."a"');
  });

  it('restores a kept table with every value quoted, NULL as a bare \\N and each column cast back', () => {
    const stored = {
      uniqueId: 'snapshot.x.s',
      columns: [
        { name: 'a"b', type: 'INTEGER' },
        { name: 'n', type: 'VARCHAR' },
      ],
      rows: [
        ['1', null],
        ['2', ''],
      ],
      savedAt: '',
    };
    expect(isStoredSnapshot(stored)).toBe(true);
    expect(isStoredSnapshot({ ...stored, columns: [{ name: 'a', type: 'VARCHAR); drop table x; --' }] })).toBe(false);
    const { file, statement } = restoreSnapshot({ stored, relation: '"main"."s"', name: 's' });
    expect(file.text).toBe('"a""b","n"\n"1",\\N\n"2",""\n');
    expect(statement).toContain('cast("a""b" as INTEGER) as "a""b"');
  });

  it('plans a snapshot step that restores the kept table first', () => {
    const { project } = loadProject({
      files: [
        { path: 'dbt_project.yml', content: 'name: snaps\n' },
        {
          path: 'snapshots/s.sql',
          content:
            "{% snapshot s %}{{ config(unique_key='id', strategy='check', check_cols='all') }} select 1 as id {% endsnapshot %}",
        },
      ],
    });
    const stored = {
      uniqueId: 'snapshot.snaps.s',
      columns: [{ name: 'id', type: 'INTEGER' }],
      rows: [['1']],
      savedAt: '',
    };
    const { steps } = planBuild({
      project,
      snapshots: { at: '2026-01-01T00:00:00Z', stored: new Map([[stored.uniqueId, stored]]) },
    });
    expect(steps.map((step) => [step.kind, step.label, step.files?.length])).toEqual([['snapshot', 'snapshot', 1]]);
    expect(steps[0]?.statements[1]).toMatch(/^create or replace table "main"."s" as/);
  });
});
