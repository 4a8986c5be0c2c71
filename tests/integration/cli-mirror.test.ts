import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { readSnapshotManifest } from '../../src/core/sources/snapshot-manifest.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { portalFromCatalogue } from '../support/catalogue-portal.ts';
import { startMockPortal, type MockFile, type MockPortal } from '../support/mock-portal.ts';

const ROOT = join(import.meta.dirname, '../..');
const MASTER =
  '/data/dataset/78c10ea3-8d04-4c9c-b255-bbf8547e37e7/resource/3e6d5f6a-055c-440d-a690-fc0537c31095/download/master_dataset.csv';
const MOVED =
  '/data/dataset/b558a070-09f5-4941-a140-e60a744327bf/resource/df5e3989-0595-4c61-94ab-0f63ab6b1528/download/attendance-rates-republished.csv';
const ATTENDANCE =
  '/data/dataset/b558a070-09f5-4941-a140-e60a744327bf/resource/df5e3989-0595-4c61-94ab-0f63ab6b1528/download/2023-attendance-rates-by-government-schools.csv';

async function stack(args: string[]) {
  const lines: string[] = [];
  const output = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
  const target = mkdtempSync(join(tmpdir(), 'stack-mirror-'));
  const cli = parseArgs([...args, '--target', target], { project: ROOT });
  const code = await runCommand({ cli, engine: new DuckDbEngine(openNodeBindings), output });
  return { code, text: lines.join('\n') };
}

describe('npm run stack -- --mirror: the real loading code against a mock portal on 127.0.0.1', () => {
  let portal: MockPortal;
  beforeAll(async () => {
    const options = portalFromCatalogue(loadProject({ files: readProjectDir(ROOT) }).project);
    // The portal re-published the attendance file at a new address; package_show knows where.
    options.files[MOVED] = options.files[ATTENDANCE] as MockFile;
    const resource = options.packages['b558a070-09f5-4941-a140-e60a744327bf']?.resources[0];
    if (resource) resource.url = MOVED;
    portal = await startMockPortal(options);
  }, 60_000);
  afterAll(() => portal.close());

  it('loads every source from the mirror: CSV, XLSX and paged DataStore resources', async () => {
    const { code, text } = await stack(['build', '--select', 'resource_type:source', '--mirror', portal.url]);
    expect(code, text).toBe(0);
    expect(text).toMatch(/OK loaded source nsw_doe_datansw\.master_dataset/);
    expect(text).toMatch(/OK loaded source acara\.staff_numbers/);
    expect(text).toMatch(/OK loaded source nsw_doe_datansw\.enrolments_primary .*\[1614 rows/);
    expect(portal.hits.filter((hit) => hit.includes('datastore_search')).length).toBeGreaterThan(16);
    expect(text).toMatch(/Done\. PASS=16 WARN=0 ERROR=0 SKIP=0 TOTAL=16/);
  });

  it('finds a moved file through package_show and says so', async () => {
    portal.setFailure(ATTENDANCE, { kind: 'status', status: 404 });
    try {
      const { code, text } = await stack([
        'build',
        '--select',
        'source:nsw_doe_datansw.attendance',
        '--mirror',
        portal.url,
      ]);
      expect(code, text).toBe(0);
      expect(text).toContain('note: The download URL for Student attendance rate by school has moved');
    } finally {
      portal.setFailure(ATTENDANCE, undefined);
    }
  });

  it('fails only the source that could not be had, with the reason, and never substitutes the sample', async () => {
    portal.setFailure(MASTER, { kind: 'html' });
    try {
      const { code, text } = await stack([
        'build',
        '--select',
        'source:nsw_doe_datansw.master_dataset+',
        'source:nsw_doe_datansw.ram',
        '--mirror',
        portal.url,
      ]);
      expect(code).toBe(1);
      expect(text).toMatch(/ERROR creating source nsw_doe_datansw\.master_dataset/);
      expect(text).toMatch(/NSW public schools master dataset: .*(web page|HTML)/i);
      expect(text).toMatch(/SKIP .*dim__school/);
      expect(text).toMatch(/OK loaded source nsw_doe_datansw\.ram/);
    } finally {
      portal.setFailure(MASTER, undefined);
    }
  });

  it('npm run snapshot downloads every file with a manifest, and --data builds from the snapshot', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stack-snapshot-'));
    const child = spawn('node_modules/.bin/tsx', ['scripts/snapshot.ts', '--mirror', portal.url, '--out', out], {
      cwd: ROOT,
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, log).toBe(0);
    const manifest = readSnapshotManifest(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest?.files ?? {})).toHaveLength(21);
    expect(manifest?.files['master_dataset.csv']?.url).toBe(`${portal.url}${MASTER}`);
    const { code: built, text } = await stack(['build', '--select', 'resource_type:source', '--data', out]);
    expect(built, text).toBe(0);
    expect(text).toMatch(/Done\. PASS=16 WARN=0 ERROR=0 SKIP=0 TOTAL=16/);
  });
});
