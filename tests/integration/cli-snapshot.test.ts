/**
 * `npm run stack -- snapshot` across loads, in-process on real DuckDB-WASM: the school snapshot of the
 * bundled project taken from the sample, then from a changed master dataset (`--data DIR`), its table kept
 * in `<target>/snapshots/` between runs; a damaged kept file stops the snapshot instead of restarting it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/cli-output.ts';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import type { StoredSnapshot } from '../../src/core/snapshots/stored-snapshot.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { changedMasterDataset } from '../support/changed-master-dataset.ts';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const LONG = { timeout: 120_000 };
const folder = mkdtempSync(join(tmpdir(), 'cli-snapshot-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const target = join(folder, 'target');
const data = join(folder, 'data');
const kept = join(target, 'snapshots', 'snapshot.nsw_schools.school_snapshot.json');
const changes = changedMasterDataset();

async function cli(at: string, ...args: string[]) {
  return command(at, 'snapshot', ...args);
}

async function command(at: string, name: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand({
    cli: parseArgs([name, '--target', target, ...args], { project: REPOSITORY }),
    engine: new DuckDbEngine(openNodeBindings),
    output: { out: (text) => out.push(text), err: (text) => err.push(text) },
    now: () => new Date(at),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The kept table as objects, by school code then valid_from. */
function history(): Array<Record<string, string | null>> {
  const stored = JSON.parse(readFileSync(kept, 'utf8')) as StoredSnapshot;
  return stored.rows.map((row) =>
    Object.fromEntries(stored.columns.map((column, index) => [column.name, row[index] ?? null])),
  );
}
const versionsOf = (code: string) => history().filter((row) => row.school_code === code);

describe('npm run stack -- snapshot, across loads', () => {
  it('first run: takes the snapshot of the sample and keeps it in the target folder', LONG, async () => {
    const run = await cli('2026-01-01T00:00:00Z');
    expect(run.err).toBe('');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toMatch(/1 of 1 OK snapshotted school_snapshot \.+ \[OK in/);
    const rows = history();
    expect(rows).toHaveLength(2216);
    expect(rows.every((row) => row.dbt_valid_to === null && row.dbt_is_deleted === 'False')).toBe(true);
    expect(new Set(rows.map((row) => row.dbt_valid_from))).toEqual(new Set(['2026-01-01 00:00:00']));
  });

  it(
    'second run on a changed extract: closes, opens, renames and moves exactly the changed schools',
    LONG,
    async () => {
      mkdirSync(data, { recursive: true });
      writeFileSync(join(data, 'master_dataset.csv'), changes.csv);
      const run = await cli('2026-02-01T00:00:00Z', '--data', data);
      expect(run.err).toBe('');
      expect(run.code).toBe(EXIT.ok);
      const rows = history();
      // 2216 first versions + 2 deleted records + 1 opened + new versions of the renamed, moved and relocated.
      expect(rows).toHaveLength(2216 + 2 + 1 + 3);
      for (const school of changes.closed)
        expect(versionsOf(school.code).map((row) => [row.dbt_valid_to, row.dbt_is_deleted])).toEqual([
          ['2026-02-01 00:00:00', 'False'],
          [null, 'True'],
        ]);
      expect(versionsOf(changes.opened.code).map((row) => [row.school_name, row.dbt_valid_from])).toEqual([
        [changes.opened.name, '2026-02-01 00:00:00'],
      ]);
      expect(versionsOf(changes.renamed.code).map((row) => [row.school_name, row.dbt_valid_to])).toEqual([
        [changes.renamed.from, '2026-02-01 00:00:00'],
        [changes.renamed.to, null],
      ]);
      expect(versionsOf(changes.moved.code)).toHaveLength(2);
      expect(versionsOf(changes.relocated.code).map((row) => row.lga)).toEqual([
        expect.not.stringMatching(`^${changes.relocated.lga}$`),
        changes.relocated.lga,
      ]);
    },
  );

  it(
    'school_changes lists them from the kept history; a run that only reads the snapshot does not take one',
    LONG,
    async () => {
      const before = readFileSync(kept, 'utf8');
      const sql = "select change, school_code from {{ ref('school_changes') }} order by change, school_code";
      const run = await command(
        '2026-02-15T00:00:00Z',
        'show',
        '--inline',
        sql,
        '--format',
        'csv',
        '--limit',
        '50',
        '--data',
        data,
      );
      expect(run.err).toBe('');
      const expected = [
        ...changes.closed.map((school) => `closed,${school.code}`),
        `moved,${changes.moved.code}`,
        `moved,${changes.relocated.code}`,
        `opened,${changes.opened.code}`,
        `renamed,${changes.renamed.code}`,
      ].sort();
      expect(
        run.out
          .split('\n')
          .filter((line) => /^[a-z]+,\d+$/.test(line))
          .sort(),
      ).toEqual(expected);
      expect(readFileSync(kept, 'utf8')).toBe(before);
    },
  );

  it('the same extract again adds nothing: the history is kept as it was', LONG, async () => {
    const before = readFileSync(kept, 'utf8');
    const run = await cli('2026-03-01T00:00:00Z', '--data', data);
    expect(run.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(kept, 'utf8')).rows).toEqual(JSON.parse(before).rows);
  });

  it('a damaged kept file errors the snapshot, names the file, and is left as it was', LONG, async () => {
    writeFileSync(kept, '{"uniqueId": "snapshot.nsw_schools.school_snapshot", "columns": ');
    const run = await cli('2026-04-01T00:00:00Z', '--data', data);
    expect(run.code).toBe(EXIT.failed);
    expect(run.out).toContain('ERROR creating snapshot school_snapshot');
    expect(run.out + run.err).toContain(`${kept} could not be read`);
    expect(readFileSync(kept, 'utf8')).toBe('{"uniqueId": "snapshot.nsw_schools.school_snapshot", "columns": ');
  });
});
