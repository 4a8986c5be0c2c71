import type { BuildStep } from '../core/plan/build-plan.ts';
import type { LoadReport } from '../core/sources/prepare-source.ts';
import type { StepResult } from '../engine/contract.ts';

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
