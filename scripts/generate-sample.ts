/**
 * Writes the bundled sample data: `npx tsx scripts/generate-sample.ts [outDir]` (default `public/data/sample`),
 * every source's files named as the portal names them. The output is deterministic: running it twice gives
 * byte-identical files. `SCALE=10 npx tsx scripts/generate-sample.ts DIR` writes the sample ten times bigger
 * (every school ten times under codes of its own: src/sample/scale-sample.ts) into DIR, which must be given:
 * the bundled sample is never overwritten by a scaled one.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sampleGenerators } from '../src/sample/registry.ts';

const scale = Number(process.env.SCALE ?? 1);
if (scale !== 1 && process.argv[2] === undefined) {
  console.error(`SCALE=${process.env.SCALE} needs an output folder: npx tsx scripts/generate-sample.ts DIR`);
  process.exit(2);
}
const generators = sampleGenerators(scale);
const outDir = resolve(process.argv[2] ?? 'public/data/sample');
await mkdir(outDir, { recursive: true });

for (const [name, generate] of Object.entries(generators)) {
  for (const file of generate()) {
    const path = join(outDir, file.fileName);
    await writeFile(path, file.content);
    const bytes = typeof file.content === 'string' ? Buffer.byteLength(file.content, 'utf8') : file.content.byteLength;
    console.log(`${name}: ${path} (${bytes.toLocaleString('en-AU')} bytes)`);
  }
}
