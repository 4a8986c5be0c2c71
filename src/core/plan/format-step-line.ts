import type { BuildStep } from './build-plan.ts';
import type { StepResult } from './step-result.ts';

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
      if (step.kind === 'snapshot') return [`OK snapshotted ${target}`, `OK in ${seconds}`];
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
