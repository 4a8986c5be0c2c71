/**
 * P2's reference: the whole project's build steps — exactly the compiled SQL the engine runs — recorded from a
 * headless build (`runCommand`, the CLI's own code, over DuckDB-WASM in Node), then replayed on native DuckDB
 * (@duckdb/node-api) with the source files written to a temporary folder in place of the engine's load folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { BuildStep } from '../../src/core/plan/build-plan.ts';
import { LOAD_DIRECTORY } from '../../src/core/sql/lockdown.ts';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import type { Engine } from '../../src/engine/contract.ts';

/** A headless build's figures and the steps it ran. */
export interface RecordedBuild {
  /** The steps, in the order they ran. */
  steps: BuildStep[];
  /** Wall time of the build command in Node over DuckDB-WASM (engine start excluded). */
  wasmMs: number;
  /** Sum of the engine's own step times (`engine.build`). */
  wasmStepsMs: number;
}

/** Build the project headless over DuckDB-WASM in Node, keeping every step it ran. */
export async function recordBuild(): Promise<RecordedBuild> {
  const inner = new DuckDbEngine(openNodeBindings);
  await inner.open();
  const steps: BuildStep[] = [];
  let wasmStepsMs = 0;
  const engine: Engine = {
    open: () => inner.open(),
    query: (sql, params) => inner.query(sql, params),
    exportRows: (sql, format, params) => inner.exportRows(sql, format, params),
    lockDown: () => inner.lockDown(),
    cancel: () => inner.cancel(),
    build: async (batch, onEvent) => {
      steps.push(...batch);
      const started = performance.now();
      try {
        return await inner.build(batch, onEvent);
      } finally {
        wasmStepsMs += performance.now() - started;
      }
    },
  };
  const started = performance.now();
  await runCommand({
    cli: parseArgs(['build', '--target', mkdtempSync(join(tmpdir(), 'bench-target-'))], { project: resolve('.') }),
    engine,
    output: { out: () => {}, err: () => {} },
  });
  return { steps, wasmMs: performance.now() - started, wasmStepsMs };
}

/** Native DuckDB's replay of a build's steps. */
export interface NativeReplay {
  /** Time of every statement and count. */
  ms: number;
  /** Steps that failed natively. */
  errors: number;
  /** The first failure's message. */
  firstError?: string;
}

/** Native DuckDB's time for the same steps: files written first (not timed), then every statement and count. */
export async function replayNatively(steps: readonly BuildStep[]): Promise<NativeReplay> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-native-'));
  const local = (sql: string) => sql.replaceAll(LOAD_DIRECTORY, `${folder}/`);
  for (const step of steps)
    for (const file of step.files ?? []) {
      const path = file.name.startsWith(LOAD_DIRECTORY) ? local(file.name) : join(folder, file.name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.text);
    }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  for (const step of steps) {
    if (step.error) continue;
    try {
      for (const statement of step.statements) await connection.run(local(statement));
      await connection.run(local(step.countSql));
    } catch (error) {
      errors++;
      firstError ??= `${step.name}: ${String(error)}`;
    }
  }
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return { ms, errors, firstError };
}
