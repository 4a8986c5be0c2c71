import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runBuildSession } from '../core/build/build-session.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import { buildDbtExport, EXPORT_MARKER, readSourceTables, type ExportFile } from '../core/export/dbt-export.ts';
import type { Project, ProjectFile } from '../core/project/types.ts';
import type { Engine } from '../engine/contract.ts';
import { EXIT, type CliOutput } from './cli-output.ts';
import { UsageError } from './parse-args.ts';

/**
 * `export --to DIR`: load every source (from the sample, `--data` or `--mirror`, as `build` would), then
 * write the project as a dbt-core project with each source as Parquet. DIR must be empty, missing, or an
 * earlier export (whose files are replaced); anything else needs `--force`.
 */
export async function runExportCommand(options: {
  project: Project;
  files: readonly ProjectFile[];
  engine: Engine;
  obtainer: SourceObtainer;
  to: string;
  force: boolean;
  output: CliOutput;
  now: () => Date;
}): Promise<number> {
  const { project, engine, output } = options;
  const to = resolve(options.to);
  const previous = checkFolder({ to, force: options.force });
  const sourceIds = [...project.nodes.values()].filter((n) => n.resourceType === 'source').map((n) => n.uniqueId);
  const build = await runBuildSession({
    project,
    engine,
    obtainer: options.obtainer,
    selected: new Set(sourceIds),
    loadedAt: options.now().toISOString(),
  });
  const failed = build.results.filter((result) => result.status === 'error');
  if (build.errors.length > 0 || failed.length > 0) {
    [...build.errors, ...failed.map((r) => `${r.uniqueId}: ${r.error?.message ?? 'failed'}`)].forEach(output.err);
    output.err('Nothing was exported: every source must load first.');
    return EXIT.failed;
  }
  const tables = await readSourceTables({ project, exportRows: (sql) => engine.exportRows(sql, 'parquet') });
  const files = buildDbtExport({ project, files: options.files, tables, exportedAt: options.now().toISOString() });
  for (const path of previous) rmSync(join(to, path), { force: true });
  writeExport(to, files);
  output.out(
    `Exported ${project.settings.name} as a dbt project to ${to}: ${files.length} files, ${tables.length} sources as Parquet.`,
  );
  output.out(`Run it: cd ${to} && dbt build   (needs dbt-core and dbt-duckdb; see README.md there)`);
  return EXIT.ok;
}

/** The files of the earlier export in `to` (to be replaced), or none; throws when `to` cannot be used. */
function checkFolder(options: { to: string; force: boolean }): string[] {
  const { to, force } = options;
  if (!existsSync(to)) return [];
  if (!statSync(to).isDirectory()) throw new UsageError(`--to ${to} is a file, not a folder.`);
  const entries = readdirSync(to);
  if (entries.length === 0 || force) return [];
  const marker = join(to, EXPORT_MARKER);
  if (!existsSync(marker))
    throw new UsageError(
      `Refusing to export into ${to}: it is not empty and is not an earlier export (it has no ${EXPORT_MARKER}). Choose an empty or new folder, or add --force to write into it anyway.`,
    );
  try {
    const parsed = JSON.parse(readFileSync(marker, 'utf8')) as { files?: unknown };
    const files = Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
    // Only paths inside the folder: a hand-edited marker cannot make the export delete elsewhere.
    return files.filter((path) => resolve(to, path).startsWith(`${to}/`));
  } catch {
    throw new UsageError(`${marker} is not valid JSON: remove it (or add --force) to export into ${to}.`);
  }
}

function writeExport(to: string, files: readonly ExportFile[]): void {
  for (const file of files) {
    const path = join(to, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
