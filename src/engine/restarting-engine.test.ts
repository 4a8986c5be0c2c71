import { describe, expect, it } from 'vitest';
import type { QueryResult } from './contract.ts';
import { isEngineCrash, RestartingEngine, type DisposableEngine } from './restarting-engine.ts';

/** A stand-in engine that records what was asked of it and fails as told. */
function fakeEngine(log: string[], index: number, failWith?: { name: string; message: string }): DisposableEngine {
  const fail = <T>(): Promise<T> => {
    const error = new Error(failWith?.message);
    error.name = failWith?.name ?? 'Error';
    return Promise.reject(error);
  };
  return {
    open: () => Promise.resolve({ duckdbVersion: 'v1.4.3', startMs: 1 }),
    query: (sql) => {
      log.push(`${index}:query ${sql}`);
      return failWith ? fail() : Promise.resolve({ ipc: new Uint8Array([index]), elapsedMs: 0 } as QueryResult);
    },
    exportRows: () => Promise.resolve(new Uint8Array()),
    build: () => Promise.resolve([]),
    lockDown: () => {
      log.push(`${index}:lockDown`);
      return Promise.resolve();
    },
    cancel: () => Promise.resolve(false),
    terminate: () => log.push(`${index}:terminate`),
  };
}

describe('RestartingEngine', () => {
  it('starts one engine, locked down before its first call, and keeps using it', async () => {
    const log: string[] = [];
    let started = 0;
    const engine = new RestartingEngine({ start: () => fakeEngine(log, started++), onRestart: () => {} });
    await engine.query('select 1');
    await engine.query('select 2');
    expect(log).toEqual(['0:lockDown', '0:query select 1', '0:query select 2']);
    expect(engine.starts).toBe(1);
  });

  it('a crash fails that call, throws the engine away, tells the owner once, and the next call starts a fresh one', async () => {
    const log: string[] = [];
    const restarts: string[] = [];
    let started = 0;
    const engine = new RestartingEngine({
      start: () =>
        fakeEngine(
          log,
          started,
          started++ === 0 ? { name: 'WorkerStoppedError', message: 'The database worker stopped: boom.' } : undefined,
        ),
      onRestart: (reason) => restarts.push(reason),
    });
    const [first, second] = await Promise.allSettled([engine.query('a'), engine.query('b')]);
    expect(first).toMatchObject({ status: 'rejected', reason: { name: 'WorkerStoppedError' } });
    expect(second.status).toBe('rejected');
    expect(restarts).toEqual(['The database worker stopped: boom.']); // once, not once per failed call
    const result = await engine.query('c');
    expect([...result.ipc]).toEqual([1]);
    expect(log).toEqual(['0:lockDown', '0:query a', '0:query b', '0:terminate', '1:lockDown', '1:query c']);
  });

  it('an ordinary SQL error is only that query failing: no restart', async () => {
    const log: string[] = [];
    const restarts: string[] = [];
    const engine = new RestartingEngine({
      start: () => fakeEngine(log, 0, { name: 'Error', message: 'Binder Error: nope' }),
      onRestart: (reason) => restarts.push(reason),
    });
    await expect(engine.query('select nope')).rejects.toThrow('Binder Error: nope');
    expect(restarts).toEqual([]);
    expect(log).not.toContain('0:terminate');
  });

  it('tells a crash from a failed statement by name', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(isEngineCrash(named('EngineCrashedError'))).toBe(true);
    expect(isEngineCrash(named('WorkerStoppedError'))).toBe(true);
    expect(isEngineCrash(named('CancelledError'))).toBe(false);
    expect(isEngineCrash(named('OutOfMemoryError'))).toBe(false);
    expect(isEngineCrash('WorkerStoppedError')).toBe(false);
  });
});

describe('RestartingEngine, an engine dying between calls', () => {
  it('is replaced at once, without waiting for a call to fail', async () => {
    const log: string[] = [];
    const restarts: string[] = [];
    let die: (error: Error) => void = () => {};
    let started = 0;
    const engine = new RestartingEngine({
      start: () => {
        const index = started++;
        const stopped = new Promise<Error>((resolve) => (die = resolve));
        return { ...fakeEngine(log, index), stopped };
      },
      onRestart: (reason) => restarts.push(reason),
    });
    await engine.query('a');
    die(Object.assign(new Error('The database worker stopped: out of memory.'), { name: 'WorkerStoppedError' }));
    await Promise.resolve();
    await Promise.resolve();
    expect(restarts).toEqual(['The database worker stopped: out of memory.']);
    await engine.query('b');
    expect(log).toEqual(['0:lockDown', '0:query a', '0:terminate', '1:lockDown', '1:query b']);
  });
});
