import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './contract.ts';
import { decodeResult } from './decode-result.ts';
import { DuckDbEngine } from '../database/duckdb-engine.ts';
import { openNodeBindings } from '../database/node-bindings.ts';

// Each row: a SQL expression DuckDB returns, and the plain value the UI must receive.
const cases: Array<[sql: string, expected: unknown, kind: string]> = [
  ['42::bigint', 42, 'integer'],
  ['9007199254740993::bigint', 9007199254740993n, 'integer'],
  ['-9007199254740993::bigint', -9007199254740993n, 'integer'],
  ['170141183460469231731687303715884105727::hugeint', 170141183460469231731687303715884105727n, 'integer'],
  ['(select sum(x) from (values (1), (2), (3)) t(x))', 6, 'integer'],
  ['(select count(*) from range(5))', 5, 'integer'],
  ['12.50::decimal(10,2)', 12.5, 'number'],
  ['-0.05::decimal(10,2)', -0.05, 'number'],
  ['1.25::double', 1.25, 'number'],
  ["date '2024-02-29'", '2024-02-29', 'date'],
  ["timestamp '2024-01-02 03:04:05'", '2024-01-02T03:04:05.000Z', 'timestamp'],
  ["'text'", 'text', 'text'],
  ['true', true, 'boolean'],
  ['null::integer', null, 'integer'],
];

describe('decodeResult', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = new DuckDbEngine(openNodeBindings);
  });

  it.each(cases)('select %s', async (expression, expected, kind) => {
    const result = decodeResult((await engine.query(`select ${expression} as v`)).ipc);
    expect(result.rows).toEqual([{ v: expected }]);
    expect(result.columns[0]?.kind).toBe(kind);
  });
});
