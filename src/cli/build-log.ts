import type { BuildStep } from '../core/plan/build-plan.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import type { StepResult } from '../engine/contract.ts';

const WIDTH = 72;

/** The line dbt prints when a node finishes: `3 of 12 OK created view model main.stg_x .... [OK in 0.02s]`. */
export function formatStepLine(options: { step: BuildStep; result: StepResult; index: number; total: number }): string {
  const { step, result, index, total } = options;
  const seconds = `${(result.elapsedMs / 1000).toFixed(2)}s`;
  const [words, badge] = describe(step, result, seconds);
  const prefix = `${index} of ${total} ${words}`;
  return `${prefix} ${'.'.repeat(Math.max(3, WIDTH - prefix.length))} [${badge}]`;
}

function describe(step: BuildStep, result: StepResult, seconds: string): [string, string] {
  const target = step.name;
  switch (result.status) {
    case 'success':
      if (step.kind === 'source') return [`OK loaded source ${target}`, `${result.rows ?? 0} rows in ${seconds}`];
      if (step.kind === 'seed') return [`OK loaded seed file ${target}`, `INSERT ${result.rows ?? 0} in ${seconds}`];
      return [`OK created ${step.label} ${target}`, `OK in ${seconds}`];
    case 'pass':
      return [`PASS ${target}`, `PASS in ${seconds}`];
    case 'warn':
      return [`WARN ${result.failures ?? 0} ${target}`, `WARN ${result.failures ?? 0} in ${seconds}`];
    case 'fail':
      return [`FAIL ${result.failures ?? 0} ${target}`, `FAIL ${result.failures ?? 0} in ${seconds}`];
    case 'skipped':
      return [`SKIP ${step.label} ${target}`, 'SKIP'];
    case 'error':
      return [`ERROR ${step.kind === 'test' ? 'test' : `creating ${step.label}`} ${target}`, `ERROR in ${seconds}`];
  }
}

/** The details printed after the run for every error, failure and warning, with the file to look at. */
export function formatProblems(options: {
  steps: readonly BuildStep[];
  results: readonly StepResult[];
  rowsTable: (ipc: Uint8Array) => string;
}): string[] {
  const byId = new Map(options.steps.map((step) => [step.uniqueId, step]));
  const lines: string[] = [];
  for (const result of options.results) {
    const step = byId.get(result.uniqueId);
    if (!step || result.status === 'success' || result.status === 'pass' || result.status === 'skipped') continue;
    const heading = result.status === 'warn' ? 'Warning in' : result.status === 'fail' ? 'Failure in' : 'Error in';
    lines.push(
      '',
      `${heading} ${step.kind} ${step.name} (${result.error?.path ?? step.path}${result.error?.line ? `:${result.error.line}` : ''})`,
    );
    if (result.error) lines.push(...result.error.message.split('\n').map((line) => `  ${line}`));
    if (result.failures) {
      lines.push(
        `  Got ${result.failures} result${result.failures === 1 ? '' : 's'}, configured to ${result.status === 'warn' ? 'warn' : 'fail'} if != 0`,
      );
      if (result.failingRows)
        lines.push(
          ...options
            .rowsTable(result.failingRows)
            .split('\n')
            .map((line) => `  ${line}`),
        );
    }
  }
  return lines;
}

/** The lines under a source's step: what was read, loaded, quarantined or set aside, and any warnings. */
export function formatLoadReport(report: LoadReport): string[] {
  if (report.error) return [];
  const count = (n: number) => n.toLocaleString('en-AU');
  const parts = [
    `${count(report.rowsRead)} read`,
    `${count(report.rowsLoaded)} loaded`,
    `${count(report.rowsQuarantined)} quarantined`,
  ];
  for (const { reason, count: n } of report.rowsNotData)
    parts.push(`${count(n)} ${reason}${n === 1 ? '' : 's'} kept for staging to drop`);
  if (report.blankRows > 0) parts.push(`${count(report.blankRows)} blank skipped`);
  return [`      ${parts.join(', ')}`, ...report.warnings.map((warning) => `      warning: ${warning}`)];
}
