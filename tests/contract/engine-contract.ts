import { tableFromIPC } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild, planSourceLoad } from '../../src/core/plan/build-plan.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import type { Engine } from '../../src/engine/contract.ts';
import { MEMORY_LIMIT } from '../../src/database/memory-limit.ts';

/**
 * The one contract every Engine keeps, as DuckDB-WASM runs one suite against each of its bindings: the
 * in-process DuckDbEngine in Node (tests/integration) and the WorkerEngine over comlink in Chromium
 * (tests/browser) both run exactly these cases.
 */
export function defineEngineContract(options: { name: string; open: () => Promise<Engine> }): void {
  describe(`Engine contract (${options.name})`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await options.open();
      await engine.open();
    });

    it('starts once and reports the DuckDB version', async () => {
      const [first, second] = await Promise.all([engine.open(), engine.open()]);
      // Across a worker boundary each answer is a copy: the same start time (a measured float) is the same start.
      expect(first).toEqual(second);
      await engine.query('create or replace table contract_open_once as select 1 as n');
      await engine.open();
      expect(decodeResult((await engine.query('select n from contract_open_once')).ipc).rows).toEqual([{ n: 1 }]);
      expect(first.duckdbVersion).toMatch(/^v1\.\d+\.\d+/);
    });

    it('returns query results as Arrow IPC bytes, BIGINT as bigint', async () => {
      const result = await engine.query("select 42::bigint as answer, 'x' as label");
      expect(result.ipc).toBeInstanceOf(Uint8Array);
      const table = tableFromIPC(result.ipc);
      expect(table.numRows).toBe(1);
      expect(table.get(0)?.toJSON()).toEqual({ answer: 42n, label: 'x' });
    });

    it('ends a query that runs out of memory with a plain message, and stays usable', async () => {
      // Capped well below the WebAssembly default (3.1 GiB), so a tab stays under 2 GB and gets the plain message.
      const limit = decodeResult((await engine.query("select current_setting('memory_limit') as m")).ipc).rows;
      expect(limit).toEqual([{ m: '1.2 GiB' }]);
      await engine.query('create or replace table contract_kept as select 7 as n');
      await engine.query("set memory_limit = '100MB'");
      try {
        const hungry = 'select k, list(i) from (select i % 3000000 as k, i from range(30000000) t(i)) group by k';
        await expect(engine.query(hungry)).rejects.toThrow(
          /^Out of memory: this query needed more than the 95\.3 MiB the database in this tab may use\. .*\(DuckDB: Out of Memory Error/,
        );
        const loaded = loadProject({
          files: [
            { path: 'models/hungry.sql', content: hungry },
            { path: 'models/modest.sql', content: 'select 1 as n' },
          ],
        });
        const results = await engine.build(planBuild({ project: loaded.project }).steps);
        const byName = Object.fromEntries(results.map((r) => [r.uniqueId.split('.').pop(), r]));
        expect(byName.hungry?.status).toBe('error');
        expect(byName.hungry?.error?.message).toMatch(/^Out of memory: this query needed more than the 95\.3 MiB/);
        expect(byName.modest?.status).toBe('success');
      } finally {
        // Back to the engine's own cap (RESET would restore DuckDB's default, not the engine's).
        await engine.query(`set memory_limit = '${MEMORY_LIMIT}'`);
      }
      expect(decodeResult((await engine.query('select n from contract_kept')).ipc).rows).toEqual([{ n: 7 }]);
    });

    it('exports rows as CSV and as Parquet, every type kept', async () => {
      const sql = `select * from (values
          (1, 12345678901234::bigint, 3.25::decimal(10,2), 'x,"y"', null::varchar, date '2024-01-02', true),
          (2, null, -0.5::decimal(10,2), ' padded', 'multi
line', null, false)
        ) as t(i, big, price, label, missing, day, ok)
        order by i; -- the grid's query, trailing comment and all`;
      const csv = new TextDecoder().decode(await engine.exportRows(sql, 'csv'));
      expect(csv).toBe(
        'i,big,price,label,missing,day,ok\n' +
          '1,12345678901234,3.25,"x,""y""",,2024-01-02,true\n' +
          '2,,-0.50," padded","multi\nline",,false\n',
      );
      const parquet = await engine.exportRows(sql, 'parquet');
      const file = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer;
      const columns = parquetMetadata(file).schema.slice(1);
      expect(columns.map((column) => [column.name, column.type, column.converted_type])).toEqual([
        ['i', 'INT32', undefined],
        ['big', 'INT64', undefined],
        ['price', 'INT64', 'DECIMAL'],
        ['label', 'BYTE_ARRAY', 'UTF8'],
        ['missing', 'BYTE_ARRAY', 'UTF8'],
        ['day', 'INT32', 'DATE'],
        ['ok', 'BOOLEAN', undefined],
      ]);
      const rows = await parquetReadObjects({ file });
      expect(
        rows.map((row) => ({ ...row, day: row.day instanceof Date ? row.day.toISOString().slice(0, 10) : row.day })),
      ).toEqual([
        { i: 1, big: 12345678901234n, price: 3.25, label: 'x,"y"', missing: null, day: '2024-01-02', ok: true },
        { i: 2, big: null, price: -0.5, label: ' padded', missing: 'multi\nline', day: null, ok: false },
      ]);
      await expect(engine.exportRows('select * from no_such_table', 'csv')).rejects.toThrow(/no_such_table/);
    });

    it('binds parameters to a prepared statement, never splicing them into the SQL', async () => {
      await engine.query(
        "create or replace table contract_params as select * from (values (1, 'a'), (2, 'b')) t(n, s)",
      );
      const bound = await engine.query(
        'select n, s, $3 as flag, $4 as nothing from contract_params where n = $1 or s = $2',
        [2, "x' or 1=1 --", true, null],
      );
      expect(decodeResult(bound.ipc).rows).toEqual([{ n: 2, s: 'b', flag: true, nothing: null }]);
      const like = await engine.query("select s from contract_params where s like ('%' || $1::VARCHAR || '%')", ['a']);
      expect(decodeResult(like.ipc).rows).toEqual([{ s: 'a' }]);
      await expect(engine.query('select $1 + $2 as sum', [1])).rejects.toThrow(/parameter|expected 2/i);
      // A failed prepare or run releases its statement: the engine stays usable.
      expect(decodeResult((await engine.query('select $1::integer as n', [5])).ipc).rows).toEqual([{ n: 5 }]);
      const csv = new TextDecoder().decode(
        await engine.exportRows('select s from contract_params where n = $1', 'csv', [1]),
      );
      expect(csv.trim().split(/\r?\n/)).toEqual(['s', 'a']);
    });

    it("rejects a bad query with DuckDB's message", async () => {
      await expect(engine.query('select * from no_such_table')).rejects.toThrow(/no_such_table/);
    });

    // Regression: current_date needs DuckDB's ICU extension, which DuckDB fetched from the internet at first
    // use (offline, the Node build hung and the browser made a request to extensions.duckdb.org).
    it('never fetches an extension: a query needing one fails with a message naming it', async () => {
      await expect(engine.query('select current_date')).rejects.toThrow(/icu extension/);
      expect(
        decodeResult(
          (await engine.query('select cast(cast(current_timestamp as timestamp) as date) is not null as ok')).ipc,
        ).rows,
      ).toEqual([{ ok: true }]);
    });

    it('loads a source as text with lineage columns, BOM and CRLF and quoted commas included', async () => {
      const { project } = loadProject({
        files: [
          {
            path: 'models/sources.yml',
            content: 'sources:\n  - name: raw\n    schema: main\n    tables:\n      - name: schools\n',
          },
        ],
      });
      const source = project.nodes.get('source.project.raw.schools');
      if (source?.resourceType !== 'source') throw new Error('source not loaded');
      const csv =
        '\uFEFFSchool_code,Street,ICSEA_value,_source\r\n1001,"Level 2, 10 Smith St",1010,test://a.csv\r\n1002,Main Rd,,test://a.csv\r\n';
      const step = planSourceLoad({ source, csv, loadedAt: '2025-02-10T00:00:00Z' });
      const [result] = await engine.build([step]);
      expect(result).toMatchObject({ status: 'success', rows: 2 });
      const table = tableFromIPC((await engine.query('select * from main.schools order by School_code')).ipc);
      expect(table.schema.fields.map((f) => f.name)).toEqual([
        'School_code',
        'Street',
        'ICSEA_value',
        '_source',
        '_load_timestamp',
      ]);
      const rows = table.toArray().map((row) => row.toJSON());
      expect(rows[0]).toMatchObject({
        School_code: '1001',
        Street: 'Level 2, 10 Smith St',
        ICSEA_value: '1010',
        _source: 'test://a.csv',
      });
      expect(rows[1]?.ICSEA_value).toBeNull();
      expect(table.schema.fields.find((f) => f.name === 'School_code')?.type.toString()).toBe('Utf8');
    });

    it('fails a source step whose data could not be had, and skips what reads it', async () => {
      const { project } = loadProject({
        files: [
          { path: 'models/sources.yml', content: 'sources:\n  - name: raw\n    tables:\n      - name: gone\n' },
          { path: 'models/reader.sql', content: "select * from {{ source('raw', 'gone') }}" },
        ],
      });
      const source = project.nodes.get('source.project.raw.gone');
      if (source?.resourceType !== 'source') throw new Error('source not loaded');
      const sourceStep = planSourceLoad({
        source,
        loadedAt: '2025-01-01T00:00:00Z',
        error: 'HTTP 404 from the portal',
      });
      const results = await engine.build(planBuild({ project, sourceSteps: [sourceStep] }).steps);
      expect(results.map((r) => [r.uniqueId, r.status])).toEqual([
        ['source.project.raw.gone', 'error'],
        ['model.project.reader', 'skipped'],
      ]);
      expect(results[0]?.error?.message).toBe('HTTP 404 from the portal');
    });

    it('builds models in ref order and skips only the descendants of a failure', async () => {
      const loaded = loadProject({
        files: [
          { path: 'models/marts/b.sql', content: "select n * 2 as n from {{ ref('a') }}" },
          { path: 'models/staging/a.sql', content: 'select 1 as n union all select 2' },
          { path: 'models/marts/broken.sql', content: "select nope from {{ ref('a') }}" },
          { path: 'models/marts/after_broken.sql', content: "select * from {{ ref('broken') }}" },
        ],
      });
      expect(loaded.errors).toEqual([]);
      const plan = planBuild({ project: loaded.project });
      const names = plan.steps.map((step) => step.name);
      expect(names.indexOf('a')).toBeLessThan(names.indexOf('b'));
      const events: string[] = [];
      const results = await engine.build(plan.steps, (event) => events.push(`${event.phase}:${event.uniqueId}`));
      const byId = Object.fromEntries(results.map((r) => [r.uniqueId.split('.').pop(), r]));
      expect(byId.a).toMatchObject({ status: 'success', rows: 2 });
      expect(byId.b).toMatchObject({ status: 'success', rows: 2 });
      expect(byId.broken?.status).toBe('error');
      expect(byId.broken?.error?.message).toMatch(/nope/);
      expect(byId.broken?.error?.path).toBe('models/marts/broken.sql');
      expect(byId.broken?.error?.line).toBe(1);
      expect(byId.after_broken?.status).toBe('skipped');
      expect(events.filter((e) => e.startsWith('started'))).toHaveLength(4);
      const sum = decodeResult((await engine.query('select sum(n) as s from b')).ipc);
      expect(sum.rows).toEqual([{ s: 6 }]);
    });

    it('counts rows and failures from what each statement wrote, and runs a shared setup statement once per build', async () => {
      const loaded = loadProject({
        files: [
          { path: 'models/staging/base.sql', content: 'select range as n from range(5)' },
          {
            path: 'models/marts/wide.sql',
            content: "{{ config(materialized='table') }}\nselect n from {{ ref('base') }}",
          },
          {
            path: 'models/marts/broken.sql',
            content: "{{ config(materialized='table') }}\nselect nope from {{ ref('base') }}",
          },
          {
            path: 'models/marts/after.sql',
            content: "{{ config(materialized='table') }}\nselect * from {{ ref('broken') }}",
          },
          {
            path: 'models/marts/other.sql',
            content: "{{ config(materialized='table') }}\nselect n from {{ ref('base') }} where n > 2",
          },
          {
            path: 'models/marts/_marts.yml',
            content: [
              'models:',
              '  - name: other',
              '    columns:',
              '      - name: n',
              '        data_tests:',
              '          - accepted_values:',
              '              values: [3]',
            ].join('\n'),
          },
        ],
      });
      expect(loaded.errors).toEqual([]);
      await engine.query('create or replace table contract_setup_log (step varchar)');
      // Each step says it needs the same setup; the first step needing it (after) is skipped, as its upstream fails.
      const steps = planBuild({ project: loaded.project }).steps.map((step) => ({
        ...step,
        setupSql: [...(step.setupSql ?? []), "insert into contract_setup_log values ('once')"],
      }));
      const order = steps.map((step) => step.name);
      expect(order.indexOf('broken')).toBeLessThan(order.indexOf('after'));
      const results = await engine.build(steps);
      const byName = Object.fromEntries(results.map((result, index) => [order[index], result] as const));
      expect(byName.base).toMatchObject({ status: 'success', rows: 5 });
      expect(byName.wide).toMatchObject({ status: 'success', rows: 5 });
      expect(byName.other).toMatchObject({ status: 'success', rows: 2 });
      expect(byName.broken).toMatchObject({ status: 'error', error: { model: 'model.project.broken' } });
      expect(byName.broken?.error?.message).toMatch(/nope/);
      expect(byName.after).toMatchObject({ status: 'skipped', error: { model: 'model.project.after' } });
      const test = results.find((result) => result.uniqueId.startsWith('test.'));
      expect(test).toMatchObject({ status: 'fail', failures: 1 });
      const log = decodeResult((await engine.query('select count(*)::int as n from contract_setup_log')).ipc);
      expect(log.rows).toEqual([{ n: 1 }]);
    });

    // A count over a trillion rows runs for hours: each of these ends only because it was cancelled.
    const RUNAWAY = 'select count(*) as n from range(1000000000000)';

    it('cancels a runaway query; calls made meanwhile wait their turn, and the database stays usable', async () => {
      expect(await engine.cancel()).toBe(false); // nothing running
      const runaway = engine.query(RUNAWAY);
      const waiting = engine.query('select 7 as n');
      const outcome = runaway.then(
        () => 'finished',
        (error: unknown) => error,
      );
      await untilRunning(engine);
      const error = await outcome;
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('CancelledError');
      expect((error as Error).message).toMatch(/^Cancelled: the statement was stopped before it finished/);
      expect(decodeResult((await waiting).ipc).rows).toEqual([{ n: 7 }]);
      expect(decodeResult((await engine.query('select 42 as n')).ipc).rows).toEqual([{ n: 42 }]);
    });

    it('cancels a build in the step that runs away: that step errors, the rest is skipped, and the next build works', async () => {
      const files = [
        { path: 'models/first.sql', content: 'select 1 as n' },
        { path: 'models/runaway.sql', content: `{{ config(materialized='table') }}\n${RUNAWAY}` },
        { path: 'models/after.sql', content: 'select 2 as n' },
      ];
      const loaded = loadProject({ files });
      expect(loaded.errors).toEqual([]);
      const steps = planBuild({ project: loaded.project }).steps;
      const order = steps.map((step) => step.name);
      const building = engine.build(steps);
      await untilRunning(engine);
      const byName = Object.fromEntries((await building).map((result, index) => [order[index], result] as const));
      expect(byName.runaway).toMatchObject({ status: 'error', error: { name: 'CancelledError' } });
      expect(byName.runaway?.error?.message).toMatch(/^Cancelled while building runaway/);
      // Whatever came after the runaway step was not run; whatever came before it was built.
      for (const [index, name] of order.entries()) {
        const status = byName[name]?.status;
        if (index < order.indexOf('runaway')) expect(status).toBe('success');
        if (index > order.indexOf('runaway')) {
          expect(status).toBe('skipped');
          expect(byName[name]?.error?.message).toBe('Skipped because the build was cancelled.');
        }
      }
      const again = await engine.build(
        planBuild({ project: loadProject({ files: files.filter((file) => !file.path.includes('runaway')) }).project })
          .steps,
      );
      expect(again.map((result) => result.status)).toEqual(['success', 'success']);
    });
  });
}

/** Cancel what the engine runs as soon as something is running (the query starts after its turn comes). */
async function untilRunning(engine: Engine): Promise<void> {
  while (!(await engine.cancel())) await new Promise((resolve) => setTimeout(resolve, 20));
}
