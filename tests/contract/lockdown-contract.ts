import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/core/load-project.ts';
import { planBuild, planSourceLoad, type BuildStep } from '../../src/core/plan/build-plan.ts';
import type { Project } from '../../src/core/project/types.ts';
import { LOAD_DIRECTORY } from '../../src/core/sql/lockdown.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import type { Engine } from '../../src/engine/contract.ts';

/** What each refusal says first: the lockdown's plain words, then DuckDB's own. */
const FILES = /^Not allowed here: SQL cannot read or write files or web addresses/;
const EXTENSIONS = /^Not allowed here: SQL cannot load extensions/;
const SETTINGS = /^Not allowed here: SQL cannot change settings/;

/**
 * Statements a report, the editor or a shared link might try once the database is locked down, and how
 * each must fail. `parquet` and `json` are extensions this build does not have; with autoloading off they
 * fail naming the extension, and LOADing one is refused.
 */
export const FORBIDDEN: ReadonlyArray<{ sql: string; fails: RegExp }> = [
  { sql: "select * from read_csv('/etc/passwd', sep = ':')", fails: FILES },
  { sql: "select * from read_text('/etc/hostname')", fails: FILES },
  { sql: "select * from read_blob('package.json')", fails: FILES },
  { sql: "select * from glob('/*')", fails: FILES },
  { sql: "select * from sniff_csv('/etc/passwd')", fails: FILES },
  { sql: `select * from read_csv('${LOAD_DIRECTORY}../etc/passwd')`, fails: FILES },
  { sql: "select * from read_csv('https://example.com/schools.csv')", fails: FILES },
  { sql: "select * from read_csv('http://127.0.0.1:1/schools.csv')", fails: FILES },
  { sql: "select * from read_parquet('https://example.com/schools.parquet')", fails: /parquet extension/ },
  { sql: "select * from read_json('https://example.com/schools.json')", fails: /json extension/ },
  { sql: 'LOAD httpfs', fails: EXTENSIONS },
  { sql: 'LOAD parquet', fails: EXTENSIONS },
  { sql: "LOAD '/tmp/evil.duckdb_extension'", fails: EXTENSIONS },
  { sql: "ATTACH '/tmp/lockdown.duckdb' AS other", fails: FILES },
  { sql: "ATTACH 'https://example.com/other.duckdb' AS other", fails: FILES },
  { sql: "COPY (select 1 as n) TO '/tmp/lockdown-out.csv'", fails: FILES },
  { sql: "COPY (select 1 as n) TO 'out.csv'", fails: FILES },
  { sql: "COPY lockdown_kept FROM '/etc/hostname'", fails: FILES },
  { sql: "EXPORT DATABASE '/tmp/lockdown-export'", fails: FILES },
  { sql: 'SET enable_external_access = true', fails: SETTINGS },
  { sql: 'SET GLOBAL enable_external_access = true', fails: SETTINGS },
  { sql: 'RESET enable_external_access', fails: SETTINGS },
  { sql: 'SET lock_configuration = false', fails: SETTINGS },
  { sql: 'RESET lock_configuration', fails: SETTINGS },
  { sql: "SET allowed_directories = ['/']", fails: SETTINGS },
  { sql: "SET allowed_paths = ['/etc/passwd']", fails: SETTINGS },
  { sql: 'SET autoload_known_extensions = true', fails: SETTINGS },
  { sql: 'SET autoinstall_known_extensions = true', fails: SETTINGS },
  { sql: 'SET allow_community_extensions = true', fails: SETTINGS },
  { sql: "SET custom_extension_repository = 'https://example.com'", fails: SETTINGS },
  { sql: "SET memory_limit = '1GB'", fails: SETTINGS },
  { sql: 'SET SESSION threads = 1', fails: SETTINGS },
  { sql: "SET TimeZone = 'UTC'", fails: SETTINGS },
  { sql: "SET profiling_output = '/tmp/profile.json'", fails: SETTINGS },
  { sql: 'RESET memory_limit', fails: SETTINGS },
  { sql: 'PRAGMA threads = 1', fails: SETTINGS },
  { sql: "PRAGMA memory_limit = '2GB'", fails: SETTINGS },
  { sql: "PRAGMA profiling_output = '/tmp/profile.json'", fails: SETTINGS },
];

/**
 * The lockdown every Engine keeps, run against the in-process DuckDbEngine in Node (tests/integration)
 * and the WorkerEngine in Chromium (tests/browser): after `lockDown` SQL cannot reach files, the network,
 * extensions or settings, each refusal says so and leaves the engine usable, and builds still load
 * sources and seeds, rebuild after an edit, and reload a source with new data.
 */
export function defineLockdownContract(options: { name: string; open: () => Promise<Engine> }): void {
  describe(`Engine lockdown (${options.name})`, () => {
    let engine: Engine;
    let project: Project;
    beforeAll(async () => {
      engine = await options.open();
      project = testProject({
        model: 'select s.name, c.colour from {{ source("raw", "schools") }} s join {{ ref("colours") }} c using (code)',
      });
      await engine.lockDown();
      const results = await engine.build(buildSteps(project, 'code,name\n1,Alpha\n2,Beta\n'));
      expect(results.map((r) => [r.uniqueId.split('.').pop(), r.status])).toEqual([
        ['schools', 'success'],
        ['colours', 'success'],
        ['school_colours', 'success'],
      ]);
      await engine.query('create or replace table lockdown_kept as select 7 as n');
    });

    it('builds sources, seeds and models after the lockdown', async () => {
      expect(rowsOf(await engine.query('select * from school_colours order by name'))).toEqual([
        { name: 'Alpha', colour: 'red' },
        { name: 'Beta', colour: 'blue' },
      ]);
    });

    for (const { sql, fails } of FORBIDDEN) {
      it(`refuses ${sql}, and stays usable`, async () => {
        await expect(engine.query(sql)).rejects.toThrow(fails);
        expect(rowsOf(await engine.query('select n from lockdown_kept'))).toEqual([{ n: 7 }]);
      });
    }

    it('keeps the settings it locked', async () => {
      const settings = await engine.query(
        "select current_setting('enable_external_access') as external, current_setting('lock_configuration') as locked",
      );
      expect(rowsOf(settings)).toEqual([{ external: false, locked: true }]);
    });

    it('installs nothing: INSTALL is a no-op in DuckDB-WASM, and the LOAD after it is refused', async () => {
      await engine.query('INSTALL httpfs');
      await expect(engine.query('LOAD httpfs')).rejects.toThrow(EXTENSIONS);
      const installed = await engine.query(
        "select extension_name from duckdb_extensions() where installed and extension_name <> 'core_functions'",
      );
      expect(rowsOf(installed)).toEqual([]);
    });

    it("cannot read the build's own files once their step has run", async () => {
      const file = `${LOAD_DIRECTORY}source__raw__schools.csv`;
      await expect(engine.query(`select * from read_csv('${file}')`)).rejects.toThrow(/No files found/);
      await expect(engine.query(`select * from read_csv('${LOAD_DIRECTORY}*')`)).rejects.toThrow(/No files found/);
    });

    it('fails a model that reaches outside, with the plain message, and builds the rest', async () => {
      const hostile = testProject({ model: "select * from read_csv('/etc/passwd')" });
      const results = await engine.build(planBuild({ project: hostile }).steps);
      const byName = Object.fromEntries(results.map((r) => [r.uniqueId.split('.').pop(), r]));
      expect(byName.colours?.status).toBe('success');
      expect(byName.school_colours?.status).toBe('error');
      expect(byName.school_colours?.error?.message).toMatch(FILES);
    });

    it('rebuilds after an edit: a changed seed and a changed model', async () => {
      const edited = testProject({
        model:
          'select s.name, upper(c.colour) as colour from {{ source("raw", "schools") }} s join {{ ref("colours") }} c using (code)',
        seed: 'code,colour\n1,green\n2,gold\n',
      });
      const results = await engine.build(planBuild({ project: edited }).steps);
      expect(results.map((r) => r.status)).toEqual(['success', 'success']);
      expect(rowsOf(await engine.query('select * from school_colours order by name'))).toEqual([
        { name: 'Alpha', colour: 'GREEN' },
        { name: 'Beta', colour: 'GOLD' },
      ]);
    });

    it('reloads a source with new data (a live reload) and rebuilds what reads it', async () => {
      const results = await engine.build(buildSteps(project, 'code,name\n1,Alpha Public School\n2,Beta High\n'));
      expect(results.map((r) => r.status)).toEqual(['success', 'success', 'success']);
      expect(rowsOf(await engine.query('select name from school_colours order by name'))).toEqual([
        { name: 'Alpha Public School' },
        { name: 'Beta High' },
      ]);
      await expect(engine.query('SET enable_external_access = true')).rejects.toThrow(SETTINGS);
    });

    it('locks before any call made after lockDown, even one not awaited', async () => {
      const fresh = await options.open();
      const locking = fresh.lockDown();
      await expect(fresh.query("select * from read_text('/etc/hostname')")).rejects.toThrow(FILES);
      await locking;
      await fresh.lockDown(); // once only: a second call is the same lock
      expect(rowsOf(await fresh.query('select 1 as n'))).toEqual([{ n: 1 }]);
    });
  });
}

function testProject(options: { model: string; seed?: string }): Project {
  const loaded = loadProject({
    files: [
      {
        path: 'models/sources.yml',
        content: 'sources:\n  - name: raw\n    schema: main\n    tables:\n      - name: schools\n',
      },
      { path: 'seeds/colours.csv', content: options.seed ?? 'code,colour\n1,red\n2,blue\n' },
      { path: 'models/school_colours.sql', content: options.model },
    ],
  });
  expect(loaded.errors).toEqual([]);
  return loaded.project;
}

/** A full build: the source loaded from `csv`, then the seed and the model. */
function buildSteps(project: Project, csv: string): BuildStep[] {
  const source = project.nodes.get('source.project.raw.schools');
  if (source?.resourceType !== 'source') throw new Error('source not loaded');
  const sourceStep = planSourceLoad({ source, csv, loadedAt: '2025-02-10T00:00:00Z' });
  return planBuild({ project, sourceSteps: [sourceStep] }).steps;
}

function rowsOf(result: { ipc: Uint8Array }): Record<string, unknown>[] {
  return decodeResult(result.ipc).rows;
}
