import { randomUUID } from 'node:crypto';
import { buildManifest } from '../core/artifacts/manifest.ts';
import { buildRunResults, summarize } from '../core/artifacts/run-results.ts';
import { runBuildSession } from '../core/build/build-session.ts';
import type { SourceObtainer } from '../core/build/source-obtainer.ts';
import type { StepKind } from '../core/plan/build-plan.ts';
import { compileNode } from '../core/plan/compile-node.ts';
import { formatProjectError } from '../core/project/format-error.ts';
import { loadProject } from '../core/load-project.ts';
import { readProjectSettings } from '../core/project/project-settings.ts';
import type { Project, ProjectFile, ProjectNode } from '../core/project/types.ts';
import { messageOf } from '../core/text/message-of.ts';
import { portalObtainer } from '../download/portal-obtainer.ts';
import type { Engine } from '../engine/contract.ts';
import { decodeResult } from '../engine/decode-result.ts';
import { formatStepLine } from '../core/plan/format-step-line.ts';
import { formatLoadReport, formatProblems } from './build-log.ts';
import { runDocsCommand } from './docs-command.ts';
import { formatRows } from './format-rows.ts';
import type { CliOptions } from './parse-args.ts';
import { readProjectDir } from './read-project-dir.ts';
import { selectForCli } from './select-for-cli.ts';
import { folderObtainer, sampleObtainer } from './source-obtainers.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import type { StepResult } from '../engine/contract.ts';
import { snapshotFileStore } from './snapshot-files.ts';
import { writeArtifacts } from './write-artifacts.ts';
import { runExportCommand } from './export-command.ts';
import { EXIT, type CliOutput } from './cli-output.ts';
import { runFreshnessCommand } from './freshness-command.ts';
import { keepRunResults } from './keep-run.ts';
import { CLI_RUNS_KEPT } from '../core/runs/run-folders.ts';

const KINDS: Record<string, StepKind[]> = {
  build: ['source', 'seed', 'model', 'snapshot', 'test'],
  seed: ['seed'],
  snapshot: ['snapshot'],
  run: ['model'],
  test: ['test'],
};

/** Run one CLI command against a project folder with the given engine; returns the exit code. */
export async function runCommand(options: {
  cli: CliOptions;
  engine: Engine;
  output: CliOutput;
  now?: () => Date;
  /** Where sources come from; default: `--mirror`, else `--data`, else the offline sample. */
  obtainer?: SourceObtainer;
}): Promise<number> {
  const { cli, engine, output } = options;
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const startedAt = now();
  const projectFiles = readProjectDir(cli.project);
  const modelPath = readProjectSettings({ files: projectFiles }).settings.modelPaths[0] ?? 'models';
  const files =
    cli.inline === undefined ? projectFiles : [...projectFiles, inlineModel({ sql: cli.inline, modelPath })];
  const { project, errors } = loadProject({ files, vars: cli.vars });
  if (errors.length > 0) {
    errors.forEach((error) => output.err(formatProjectError(error)));
    output.err(`The project could not be loaded (${errors.length} problem${errors.length === 1 ? '' : 's'}).`);
    return EXIT.unusable;
  }
  const target = cli.target ?? `${cli.project}/${project.settings.targetPath}`;
  const invocationId = randomUUID();
  const selection = selectForCli({ project, cli, target });
  if (selection.errors.length > 0) {
    selection.errors.forEach((message) => output.err(message));
    return EXIT.unusable;
  }
  const manifest = buildManifest({ project, generatedAt: now().toISOString(), invocationId });
  if (cli.command === 'ls') {
    for (const id of selection.selected) output.out(project.nodes.get(id)?.name ?? id);
    writeArtifacts({ target, manifest });
    return EXIT.ok;
  }
  if (cli.command === 'docs') return runDocsCommand({ project, selected: selection.selected, cli, output });
  if (cli.command === 'compile') return compileSelected({ project, ids: selection.selected, output });
  if (cli.command === 'export') {
    await engine.lockDown();
    return runExportCommand({
      project,
      files: projectFiles,
      engine,
      obtainer: options.obtainer ?? obtainerFor(cli, output),
      to: cli.to ?? '',
      force: cli.force,
      output,
      now,
    });
  }
  if (cli.command === 'source') {
    await engine.lockDown();
    return runFreshnessCommand({
      project,
      selected: selection.selected,
      engine,
      obtainer: options.obtainer ?? obtainerFor(cli, output),
      target,
      output,
      now,
      invocationId,
    });
  }
  const selectedIds = cli.inline !== undefined ? [INLINE_ID(project)] : [...selection.selected];
  const kinds = KINDS[cli.command] ?? ['seed', 'model'];
  const wanted = selectedIds.filter((id) => kinds.includes(stepKindOf(project.nodes.get(id))));
  const shown = new Set(cli.command === 'show' ? [] : wanted);
  let index = 0;
  let total = 0;
  const reports = new Map<string, LoadReport>();
  // As in the browser: a project's SQL (and `show --inline`) cannot read files or the network, load
  // extensions or change settings; the sources and seeds still load.
  await engine.lockDown();
  const build = await runBuildSession({
    project,
    engine,
    obtainer: options.obtainer ?? obtainerFor(cli, output),
    selected: new Set(wanted),
    withUpstream: true,
    loadedAt: now().toISOString(),
    snapshotStore: snapshotFileStore({ target, engine, now }),
    onEvent: (event) => {
      if (event.type === 'source-planned') reports.set(event.source.uniqueId, event.report);
      if (event.type === 'planned') {
        total = event.steps.filter((step) => shown.has(step.uniqueId)).length;
        output.out(`Running with DuckDB ${event.info.duckdbVersion} (WebAssembly), ${describeProject(project)}`);
        if (total === 0 && cli.command !== 'show')
          output.out('Nothing to do: the selection matched no nodes of this kind.');
      }
      if (event.type !== 'step' || !event.event.result || event.event.phase === 'started') return;
      const { step, event: progress } = event;
      if (shown.has(step.uniqueId)) {
        output.out(formatStepLine({ step, result: progress.result as StepResult, index: ++index, total }));
        const report = reports.get(step.uniqueId);
        if (report) formatLoadReport(report).forEach((line) => output.out(line));
      } else if (progress.result?.status === 'error')
        output.err(`ERROR preparing ${step.label} ${step.name}, which the selection needs`);
    },
  });
  if (build.errors.length > 0) {
    build.errors.forEach((message) => output.err(message));
    return EXIT.failed;
  }
  build.warnings?.forEach((message) => output.err(`WARN ${message}`));
  const { steps, results } = build;
  const visible = results.filter((result) => shown.has(result.uniqueId) || result.status === 'error');
  const elapsedSeconds = (performance.now() - started) / 1000;
  const runResults = buildRunResults({
    results: visible,
    steps,
    generatedAt: now().toISOString(),
    invocationId,
    elapsedSeconds,
    args: { which: cli.command, select: cli.select, exclude: cli.exclude },
  });
  writeArtifacts({ target, manifest, runResults });
  keepRunResults({ target, startedAt: startedAt.toISOString(), runResults, limit: CLI_RUNS_KEPT });
  for (const line of formatProblems({
    steps,
    results: visible,
    rowsTable: (ipc) => formatRows(decodeResult(ipc), 'table'),
  }))
    output.out(line);
  const failed = results.some((result) => result.status === 'error' || result.status === 'fail');
  if (cli.command === 'show') return failed ? EXIT.failed : showRows({ project, engine, cli, output });
  const summary = summarize(visible);
  output.out('');
  output.out(`Finished in ${elapsedSeconds.toFixed(2)}s.`);
  output.out(
    `Done. PASS=${summary.pass} WARN=${summary.warn} ERROR=${summary.error} SKIP=${summary.skip} TOTAL=${summary.total}`,
  );
  return failed ? EXIT.failed : EXIT.ok;
}

function compileSelected(options: { project: Project; ids: Iterable<string>; output: CliOutput }): number {
  let failed = false;
  const compilable = [...options.ids]
    .map((id) => options.project.nodes.get(id))
    .filter((node) => node?.resourceType === 'model' || node?.resourceType === 'test');
  for (const node of compilable) {
    if (!node || (node.resourceType !== 'model' && node.resourceType !== 'test')) continue;
    try {
      const sql = compileNode({ project: options.project, node });
      options.output.out(compilable.length > 1 ? `-- ${node.path} (${node.name})\n${sql}\n` : sql);
    } catch (error) {
      failed = true;
      options.output.err(`${node.path}: ${messageOf(error)}`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

async function showRows(options: {
  project: Project;
  engine: Engine;
  cli: CliOptions;
  output: CliOutput;
}): Promise<number> {
  const { project, engine, cli, output } = options;
  const node =
    cli.inline !== undefined
      ? project.nodes.get(INLINE_ID(project))
      : [...project.nodes.values()].find((n) => n.resourceType === 'model' && cli.select.includes(n.name));
  if (!node || node.resourceType !== 'model') {
    output.err(`show: no model named ${cli.select.join(' ')}.`);
    return EXIT.unusable;
  }
  try {
    const sql = compileNode({ project, node });
    const { ipc } = await engine.query(`select * from (\n${sql.replace(/;\s*$/, '')}\n) limit ${cli.limit}`);
    output.out(formatRows(decodeResult(ipc), cli.format === 'markdown' ? 'table' : cli.format));
    return EXIT.ok;
  } catch (error) {
    output.err(messageOf(error));
    return EXIT.failed;
  }
}

/** `--mirror URL` downloads through a mirror; `--data DIR` reads files by name; neither: the sample. */
function obtainerFor(cli: CliOptions, output: CliOutput): SourceObtainer {
  if (cli.mirror) return portalObtainer({ mirror: cli.mirror, onNote: (note) => output.out(`      note: ${note}`) });
  return cli.data ? folderObtainer(cli.data) : sampleObtainer();
}

const INLINE_NAME = '__show_inline__';
const INLINE_ID = (project: Project) => `model.${project.settings.name}.${INLINE_NAME}`;

/** `show --inline` runs as an ephemeral model, so it may ref anything and its upstream gets built. */
function inlineModel(options: { sql: string; modelPath: string }): ProjectFile {
  return {
    path: `${options.modelPath}/${INLINE_NAME}.sql`,
    content: `{{ config(materialized='ephemeral') }}\n${options.sql}`,
  };
}

/** What kind of step a node makes: its resource type, and `snapshot` for a snapshot (a model underneath). */
function stepKindOf(node: ProjectNode | undefined): StepKind {
  return node?.resourceType === 'model' && node.snapshot ? 'snapshot' : (node?.resourceType as StepKind);
}

function describeProject(project: Project): string {
  const counts = new Map<string, number>();
  for (const node of project.nodes.values()) counts.set(stepKindOf(node), (counts.get(stepKindOf(node)) ?? 0) + 1);
  return `project ${project.settings.name}: ${[...counts].map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`).join(', ')}`;
}
