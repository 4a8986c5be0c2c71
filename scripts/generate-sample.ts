/**
 * Writes the bundled sample data: `npx tsx scripts/generate-sample.ts [outDir]` (default `public/data/sample`),
 * every source's files named as the portal names them. The output is deterministic: running it twice gives
 * byte-identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SAMPLE_GENERATORS } from '../src/sample/registry.ts';

const outDir = resolve(process.argv[2] ?? 'public/data/sample');
await mkdir(outDir, { recursive: true });

for (const [name, generate] of Object.entries(SAMPLE_GENERATORS)) {
  for (const file of generate()) {
    const path = join(outDir, file.fileName);
    await writeFile(path, file.content);
    const bytes = typeof file.content === 'string' ? Buffer.byteLength(file.content, 'utf8') : file.content.byteLength;
    console.log(`${name}: ${path} (${bytes.toLocaleString('en-AU')} bytes)`);
  }
}
