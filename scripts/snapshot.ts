/**
 * `npm run snapshot [-- --mirror URL] [--out DIR]`: download every catalogued source file from the portals
 * (where there is internet) into public/data/snapshot/, with a manifest.json saying when and from where.
 * A deployment that runs it before `npm run build` ships real data; the app prefers a snapshot file to the
 * generated sample, file by file, and says so. Exits 1 if any file could not be had (the rest are kept).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProjectDir } from '../src/cli/read-project-dir.ts';
import { portalObtainer } from '../src/download/portal-obtainer.ts';
import { readSourceSpec } from '../src/core/sources/catalogue.ts';
import { loadProject } from '../src/core/load-project.ts';
import type { SnapshotManifest } from '../src/core/sources/snapshot-manifest.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(option('--out') ?? join(root, 'public/data/snapshot'));
const mirror = option('--mirror');

const { project, errors } = loadProject({ files: readProjectDir(root) });
if (errors.length > 0) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
await mkdir(out, { recursive: true });
const obtain = portalObtainer({ mirror, onNote: (note) => console.log(`  note: ${note}`) });
const manifest: SnapshotManifest = { fetchedAt: new Date().toISOString(), files: {} };
let failures = 0;
for (const source of project.nodes.values()) {
  if (source.resourceType !== 'source') continue;
  const spec = readSourceSpec(source).spec;
  for (const file of spec?.files ?? []) {
    if (!spec) break;
    const obtained = await obtain.obtain({ source, spec, file, refresh: true });
    if ('error' in obtained) {
      failures++;
      console.error(`FAILED ${file.fileName}: ${obtained.error}`);
      continue;
    }
    await writeFile(join(out, file.fileName), obtained.bytes);
    manifest.files[file.fileName] = { url: obtained.origin, bytes: obtained.bytes.byteLength };
    console.log(`${file.fileName}: ${obtained.bytes.byteLength.toLocaleString('en-AU')} bytes from ${obtained.origin}`);
  }
}
await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `Snapshot in ${out}: ${Object.keys(manifest.files).length} files${failures > 0 ? `, ${failures} failed` : ''}.`,
);
process.exitCode = failures > 0 ? 1 : 0;
