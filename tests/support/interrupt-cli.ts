/**
 * Ctrl+C to the real CLI, as a terminal sends it: `node --import tsx src/cli/main.ts show --inline SQL` (as
 * `npm run stack` runs it: tsx as a loader in the CLI's own process) on tests/fixtures/basic, started in its
 * own process group, which gets SIGINT once the statement has run for `runForMs`. Used by the integration
 * test (what the CLI says and its exit code) and by `npm run bench:cancel` (how long it takes to exit).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

/** A count over a trillion rows: it runs for hours unless stopped. */
export const RUNAWAY_SQL = 'select count(*) as n from range(1000000000000)';

export interface Interrupted {
  /** The CLI's exit code. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** From the signal to the process's exit. */
  msToExit: number;
}

export async function interruptCli(options: { sql?: string; runForMs: number }): Promise<Interrupted> {
  const target = mkdtempSync(join(tmpdir(), 'stack-sigint-'));
  try {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'show',
        '--project',
        'tests/fixtures/basic',
        '--target',
        target,
        '--inline',
        options.sql ?? RUNAWAY_SQL,
      ],
      { cwd: REPOSITORY, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let exitCode: number | null | undefined;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        exitCode = code;
        resolve(code);
      }),
    );
    while (!stdout.includes('Running with DuckDB')) {
      if (exitCode !== undefined) {
        throw new Error(`The CLI exited (code ${exitCode}) before it started the statement:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, options.runForMs));
    const sent = performance.now();
    process.kill(-(child.pid as number), 'SIGINT');
    const code = await exited;
    return { code, stdout, stderr, msToExit: performance.now() - sent };
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}
