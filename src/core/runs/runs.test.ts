import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare-runs.ts';
import { durationRows } from './duration-rows.ts';
import { foldersToPrune, runFolderName } from './run-folders.ts';
import { boundRuns, recordRun, type RecordInput, type RunRecord } from './run-record.ts';

const STEPS: RecordInput['steps'] = [
  { uniqueId: 'source.p.raw.schools', name: 'raw.schools', kind: 'source' },
  { uniqueId: 'model.p.stg', name: 'stg', kind: 'model' },
  { uniqueId: 'model.p.dim', name: 'dim', kind: 'model' },
  { uniqueId: 'test.p.unique_dim', name: 'unique_dim', kind: 'test' },
];

function run(startedAt: string, results: RecordInput['results'], trigger = 'start'): RunRecord {
  return recordRun({
    steps: STEPS,
    results,
    startedAt,
    elapsedMs: 1234.4,
    origin: 'browser',
    trigger,
    selected: results.length,
    nonce: 'x',
  });
}

const first = run('2026-12-07T10:00:00.000Z', [
  { uniqueId: 'source.p.raw.schools', status: 'success', elapsedMs: 120.04, rows: 100 },
  { uniqueId: 'model.p.stg', status: 'success', elapsedMs: 20, rows: 100 },
  { uniqueId: 'model.p.dim', status: 'success', elapsedMs: 35, rows: 101 },
  { uniqueId: 'test.p.unique_dim', status: 'pass', elapsedMs: 5, failures: 0 },
]);
const second = run(
  '2026-12-07T10:05:00.000Z',
  [
    { uniqueId: 'model.p.stg', status: 'success', elapsedMs: 25, rows: 90 },
    { uniqueId: 'model.p.dim', status: 'success', elapsedMs: 30, rows: 101 },
    { uniqueId: 'test.p.unique_dim', status: 'fail', elapsedMs: 6, failures: 3, error: { message: 'Got 3 results' } },
  ],
  'save',
);

describe('recordRun', () => {
  it('keeps each node with its name, kind, status, time, rows or failing rows, and tallies the run', () => {
    expect(first.id).toBe('2026-12-07T10:00:00.000Z-x');
    expect(first.elapsedMs).toBe(1234);
    expect(first.nodes[0]).toEqual({
      uniqueId: 'source.p.raw.schools',
      name: 'raw.schools',
      kind: 'source',
      status: 'success',
      elapsedMs: 120,
      rows: 100,
    });
    expect(first.summary).toEqual({ ok: 4, warn: 0, error: 0, skipped: 0, tests: 1, testsPassed: 1 });
    expect(second.nodes[2]).toMatchObject({ status: 'fail', failures: 3, error: 'Got 3 results' });
    expect(second.summary).toEqual({ ok: 2, warn: 0, error: 1, skipped: 0, tests: 1, testsPassed: 0 });
  });

  it('survives a JSON round trip unchanged (what IndexedDB and run_results keep)', () => {
    expect(JSON.parse(JSON.stringify(second))).toEqual(second);
  });
});

describe('compareRuns', () => {
  it('lists status changes first, then row changes, then nodes in one run only, then the rest', () => {
    const comparison = compareRuns(first, second);
    expect(comparison.nodes.map((node) => [node.name, node.change])).toEqual([
      ['unique_dim', 'status'],
      ['stg', 'rows'],
      ['raw.schools', 'only-before'],
      ['dim', 'same'],
    ]);
    expect(comparison.nodes[0]).toMatchObject({
      statusBefore: 'pass',
      statusAfter: 'fail',
      rowsBefore: 0,
      rowsAfter: 3,
    });
    expect(comparison.nodes[1]).toMatchObject({ msBefore: 20, msAfter: 25, rowsBefore: 100, rowsAfter: 90 });
    expect(comparison).toMatchObject({
      statusChanges: 1,
      rowChanges: 1,
      onlyBefore: 1,
      onlyAfter: 0,
      elapsedDeltaMs: 0,
    });
  });

  it('sees a node that ran only in the later run', () => {
    const comparison = compareRuns(second, first);
    expect(comparison.onlyAfter).toBe(1);
    expect(comparison.nodes.find((node) => node.name === 'raw.schools')).toMatchObject({
      change: 'only-after',
      statusBefore: undefined,
    });
  });
});

describe('boundRuns', () => {
  it('keeps the newest runs and names the ones to drop', () => {
    const runs = ['03', '01', '05', '02', '04'].map((minute) => run(`2026-12-07T10:${minute}:00.000Z`, []));
    const { kept, dropped } = boundRuns(runs, 3);
    expect(kept.map((r) => r.startedAt.slice(14, 16))).toEqual(['05', '04', '03']);
    expect(dropped.map((id) => id.slice(14, 16))).toEqual(['02', '01']);
  });
});

describe('durationRows', () => {
  it('plots the slowest nodes, oldest run first, in seconds', () => {
    expect(durationRows([second, first], 2)).toEqual([
      { run: '#1 10:00:00', node: 'raw.schools', seconds: 0.12 },
      { run: '#1 10:00:00', node: 'dim', seconds: 0.035 },
      { run: '#2 10:05:00', node: 'dim', seconds: 0.03 },
    ]);
  });
});

describe('CLI run folders', () => {
  it('names a folder by its start time without colons, and prunes the oldest past the limit', () => {
    expect(runFolderName('2026-12-07T23:30:05.123Z')).toBe('2026-12-07T23-30-05.123Z');
    const names = [
      '2026-12-07T10-00-00.000Z',
      'notes.txt',
      '2026-12-07T09-00-00.000Z',
      '2026-12-07T11-00-00.000Z',
      '2026-12-07T11-00-00.000Z-2',
    ];
    expect(foldersToPrune(names, 2)).toEqual(['2026-12-07T09-00-00.000Z', '2026-12-07T10-00-00.000Z']);
    expect(foldersToPrune(names, 10)).toEqual([]);
  });
});
