/**
 * `source freshness` through runCommand on tests/fixtures/freshness, reading its files with `--data` from a
 * temporary copy whose modification times are set relative to a fixed clock: dbt's lines, statuses, exit
 * codes and target/sources.json.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/cli-output.ts';
import { parseArgs, UsageError } from '../../src/cli/parse-args.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const PROJECT = fileURLToPath(new URL('../fixtures/freshness', import.meta.url));
const NOW = new Date('2026-03-03T12:00:00Z');
const LONG = { timeout: 60_000 };
let folder = '';

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'freshness-'));
  cpSync(join(PROJECT, 'data'), join(folder, 'data'), { recursive: true });
  const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
  utimesSync(join(folder, 'data', 'orders.csv'), ago(30), ago(30));
  utimesSync(join(folder, 'data', 'refunds.csv'), ago(2 * 24 * 60), ago(2 * 24 * 60));
  rmSync(join(folder, 'data', 'payments.csv'), { force: true });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function freshness(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const target = join(folder, `target-${Math.random().toString(36).slice(2)}`);
  const cli = parseArgs(['source', 'freshness', '--data', join(folder, 'data'), '--target', target, ...args], {
    project: PROJECT,
  });
  const code = await runCommand({
    cli,
    engine: new DuckDbEngine(openNodeBindings),
    output: { out: (text) => out.push(text), err: (text) => err.push(text) },
    now: () => NOW,
  });
  const lines = out
    .filter((line) => / of \d+ /.test(line))
    .map((line) => line.replace(/ \.{3,} /, ' ').replace(/\d+\.\d\ds\]/, 'Ns]'));
  return { code, out, err, lines, target };
}

describe('source freshness', () => {
  it(
    'prints dbt lines per source, exits 1 on a stale or unreadable source, and writes sources.json',
    LONG,
    async () => {
      const run = await freshness();
      expect(run.lines).toEqual([
        '1 of 5 START freshness of shop.orders [RUN]',
        '1 of 5 PASS freshness of shop.orders [PASS in Ns]',
        '2 of 5 START freshness of shop.refunds [RUN]',
        '2 of 5 ERROR STALE freshness of shop.refunds [ERROR STALE in Ns]',
        '3 of 5 START freshness of shop.payments [RUN]',
        '3 of 5 ERROR freshness of shop.payments [ERROR in Ns]',
        '4 of 5 START freshness of shop.customers [RUN]',
        '4 of 5 WARN freshness of shop.customers [WARN in Ns]',
        '5 of 5 START freshness of ledger.entries [RUN]',
        '5 of 5 ERROR freshness of ledger.entries [ERROR in Ns]',
      ]);
      expect(run.code).toBe(EXIT.failed);
      expect(run.out.at(-1)).toBe('Done. PASS=1 WARN=1 ERROR=3 TOTAL=5');
      expect(run.err.join('\n')).toContain('Runtime Error in source shop.payments (models/_sources.yml)');
      expect(run.err.join('\n')).toContain('no file payments.csv');
      expect(run.err.join('\n')).toContain("warn_after: period 'week' is not one of minute, hour, day.");
      const artifact = JSON.parse(readFileSync(join(run.target, 'sources.json'), 'utf8')) as {
        metadata: { dbt_schema_version: string };
        results: Array<Record<string, unknown>>;
      };
      expect(artifact.metadata.dbt_schema_version).toBe('https://schemas.getdbt.com/dbt/sources/v3.json');
      const byId = Object.fromEntries(artifact.results.map((entry) => [entry.unique_id, entry]));
      expect(byId['source.freshness.shop.orders']).toMatchObject({
        status: 'pass',
        max_loaded_at: '2026-03-03T11:30:00.000Z',
        snapshotted_at: '2026-03-03T12:00:00.000Z',
        max_loaded_at_time_ago_in_s: 1800,
        criteria: { warn_after: { count: 1, period: 'hour' }, error_after: { count: 1, period: 'day' }, filter: null },
      });
      expect(byId['source.freshness.shop.refunds']).toMatchObject({
        status: 'error',
        max_loaded_at_time_ago_in_s: 172_800,
      });
      // loaded_at_field: updated_at is a column of the data: its max (2026-03-02 09:30, UTC) is what counts.
      expect(byId['source.freshness.shop.customers']).toMatchObject({
        status: 'warn',
        max_loaded_at: '2026-03-02T09:30:00.000Z',
        max_loaded_at_time_ago_in_s: 95_400,
        criteria: { warn_after: { count: 1, period: 'day' }, error_after: { count: null, period: null } },
      });
      expect(byId['source.freshness.shop.payments']).toMatchObject({ status: 'runtime error' });
      expect(byId['source.freshness.shop.payments']?.error).toContain('no file payments.csv');
      expect(byId['source.freshness.shop.products']).toBeUndefined();
    },
  );

  it('exits 0 when the worst is a warning', LONG, async () => {
    const run = await freshness('--select', 'source:shop.orders', 'source:shop.customers');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out.at(-1)).toBe('Done. PASS=1 WARN=1 ERROR=0 TOTAL=2');
  });

  it('says there is nothing to do for sources without freshness', LONG, async () => {
    const run = await freshness('--select', 'source:shop.products');
    expect(run.code).toBe(EXIT.ok);
    expect(run.out).toEqual(['Nothing to do: no selected source declares freshness (warn_after or error_after).']);
  });

  it('refuses another source subcommand with a usage error', () => {
    expect(() => parseArgs(['source', 'snapshot-freshness'], { project: PROJECT })).toThrow(UsageError);
    expect(() => parseArgs(['source'], { project: PROJECT })).toThrow('Give a subcommand: source freshness.');
  });
});
