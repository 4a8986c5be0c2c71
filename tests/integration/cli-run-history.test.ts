/** The CLI keeps each run's run_results.json in target/runs/<start time>/, beside target/run_results.json. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const PROJECT = fileURLToPath(new URL('../fixtures/basic', import.meta.url));
const target = mkdtempSync(join(tmpdir(), 'runs-'));
afterAll(() => rmSync(target, { recursive: true, force: true }));

async function cli(command: string, at: string, ...args: string[]): Promise<number> {
  return runCommand({
    cli: parseArgs([command, '--target', target, ...args], { project: PROJECT }),
    engine: new DuckDbEngine(openNodeBindings),
    output: { out: () => undefined, err: () => undefined },
    now: () => new Date(at),
  });
}

describe('CLI run history', () => {
  it('writes one folder per run, each with that run’s results', { timeout: 60_000 }, async () => {
    expect(await cli('build', '2026-12-07T10:00:00.000Z')).toBe(0);
    expect(await cli('run', '2026-12-07T10:05:00.000Z', '--select', 'stg_orders')).toBe(0);
    const folders = readdirSync(join(target, 'runs')).sort();
    expect(folders).toEqual(['2026-12-07T10-00-00.000Z', '2026-12-07T10-05-00.000Z']);
    const results = (folder: string) =>
      JSON.parse(readFileSync(join(target, 'runs', folder, 'run_results.json'), 'utf8')) as {
        args: { which: string };
        results: unknown[];
      };
    expect(results(folders[0] as string).args.which).toBe('build');
    expect(results(folders[0] as string).results.length).toBeGreaterThan(1);
    expect(results(folders[1] as string)).toMatchObject({
      args: { which: 'run' },
      results: [{ unique_id: 'model.basic.stg_orders' }],
    });
    // The latest run is also target/run_results.json, as dbt writes it.
    expect(JSON.parse(readFileSync(join(target, 'run_results.json'), 'utf8'))).toEqual(results(folders[1] as string));
    expect(existsSync(join(target, 'manifest.json'))).toBe(true);
  });
});
