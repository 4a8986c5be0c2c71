/**
 * Writes the bundled sample data: `npx tsx scripts/generate-sample.ts [outDir]` (default `public/data/sample`).
 * The output is deterministic, so running it twice gives byte-identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateMasterDataset } from '../src/core/sample/master-dataset.ts';

const outDir = resolve(process.argv[2] ?? 'public/data/sample');
await mkdir(outDir, { recursive: true });

const path = join(outDir, 'master_dataset.csv');
const csv = generateMasterDataset({});
await writeFile(path, csv, 'utf8');

const rows = csv.split('\n').length - 2; // minus the header and the empty string after the final newline
console.log(`${path}: ${rows} rows, ${Buffer.byteLength(csv, 'utf8')} bytes`);
