import { describe, expect, it } from 'vitest';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { LOAD_DIRECTORY } from '../../src/core/sql/lockdown.ts';
import { defineLockdownContract } from '../contract/lockdown-contract.ts';

defineLockdownContract({
  name: 'DuckDbEngine, DuckDB-WASM Node build',
  open: async () => new DuckDbEngine(openNodeBindings),
});

// Only in-process can a test register a file itself, as a build step does for the moment it runs.
describe('Engine lockdown and registered files (Node build)', () => {
  it('refuses a registered file outside the load directory, and reads one inside it only while registered', async () => {
    let bindings: DuckDBBindings | undefined;
    const engine = new DuckDbEngine(async () => (bindings = await openNodeBindings()));
    await engine.lockDown();
    bindings?.registerFileText('registered.csv', 'n\n1\n');
    await expect(engine.query("select * from read_csv('registered.csv')")).rejects.toThrow(
      /^Not allowed here: .*Cannot access file "registered.csv"/,
    );
    const inside = `${LOAD_DIRECTORY}loading.csv`;
    bindings?.registerFileText(inside, 'n\n1\n');
    expect((await engine.query(`select * from read_csv('${inside}')`)).ipc.byteLength).toBeGreaterThan(0);
    bindings?.dropFile(inside);
    await expect(engine.query(`select * from read_csv('${inside}')`)).rejects.toThrow(/No files found/);
  });
});
