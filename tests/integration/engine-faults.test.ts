/**
 * Faults the database must survive, proven on the real engine: a WebAssembly trap poisons DuckDB (every
 * later call says so, so the owner restarts it), and Ctrl+C stops a runaway CLI command cleanly.
 */
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { interruptCli } from '../support/interrupt-cli.ts';

// The error a WebAssembly trap throws (the Node types here do not declare the WebAssembly namespace).
const { RuntimeError } = (globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }).WebAssembly;

/** The real bindings, except that a statement mentioning `trap_here` traps as a corrupted WebAssembly heap does. */
async function trappingBindings(): Promise<DuckDBBindings> {
  const bindings = await openNodeBindings();
  return new Proxy(bindings, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'startPendingQuery' || typeof value !== 'function') return value;
      return (connection: number, sql: string, stream: boolean) => {
        if (sql.includes('trap_here')) throw new RuntimeError('memory access out of bounds');
        return (value as DuckDBBindings['startPendingQuery']).call(target, connection, sql, stream);
      };
    },
  });
}

describe('a WebAssembly fault', () => {
  it('fails that call and every later one with EngineCrashedError, saying the tables are gone', async () => {
    const engine = new DuckDbEngine(trappingBindings);
    expect(decodeResult((await engine.query('select 1 as n')).ipc).rows).toEqual([{ n: 1 }]);
    const trap = engine.query('select trap_here');
    await expect(trap).rejects.toMatchObject({ name: 'EngineCrashedError' });
    await expect(trap).rejects.toThrow(
      'The database stopped: a fault inside DuckDB (memory access out of bounds). It must be started again; the tables built so far are gone.',
    );
    // DuckDB's memory may be corrupt now: nothing more runs on it, builds included.
    await expect(engine.query('select 2 as n')).rejects.toMatchObject({ name: 'EngineCrashedError' });
    await expect(engine.build([])).rejects.toMatchObject({ name: 'EngineCrashedError' });
  });

  it('in a build step ends the build with EngineCrashedError rather than a failed model', async () => {
    const engine = new DuckDbEngine(trappingBindings);
    const step = {
      uniqueId: 'model.p.boom',
      name: 'boom',
      kind: 'model' as const,
      path: 'models/boom.sql',
      label: 'table model boom',
      compiledSql: 'select 1 as trap_here',
      dependsOn: [],
      statements: ['create table boom as select 1 as trap_here'],
      countSql: 'select count(*) from boom',
    };
    await expect(engine.build([step])).rejects.toMatchObject({ name: 'EngineCrashedError' });
  });
});

describe('Ctrl+C in the CLI', () => {
  it('stops a runaway query, says so, and exits 130', { timeout: 90_000 }, async () => {
    // The trillion-row count runs for hours: once the command has started, interrupt it.
    const { code, stderr } = await interruptCli({ runForMs: 1500 });
    expect(code).toBe(130);
    expect(stderr).toContain('Cancelling: stopping the running statement');
    expect(stderr).toContain('Cancelled: the statement was stopped before it finished.');
    expect(stderr.trim().split('\n').at(-1)).toBe('Cancelled by Ctrl+C.');
  });
});
