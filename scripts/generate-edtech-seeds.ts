/**
 * Writes the EdTech project's seeds: `npx tsx scripts/generate-edtech-seeds.ts [outDir]` (default
 * `projects/edtech/seeds`). Deterministic: the committed files are exactly what this writes, and
 * src/sample/edtech/generate-edtech.test.ts fails if they drift apart.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateEdtechSeeds } from '../src/sample/edtech/generate-edtech.ts';

const outDir = resolve(process.argv[2] ?? 'projects/edtech/seeds');
await mkdir(outDir, { recursive: true });
for (const file of generateEdtechSeeds()) {
  await writeFile(join(outDir, file.fileName), file.content);
  console.log(`${join(outDir, file.fileName)} (${String(file.content.length)} characters)`);
}
