/**
 * dbt's `run_results.json` (schema v6, https://schemas.getdbt.com/dbt/run-results/v6.json): how each step
 * of a build ended, in dbt's words, so tools that read dbt runs (and `state:` selectors) can read ours.
 */
import type { StepKind } from '../plan/build-plan.ts';
import { DBT_VERSION } from './manifest.ts';

/** How a step ended: models and seeds `success`/`error`, tests `pass`/`fail`/`warn`/`error`, or `skipped`. */
export type RunStatus = 'success' | 'error' | 'skipped' | 'pass' | 'fail' | 'warn';

/** One step's outcome, as the engine reports it (its `StepResult` fits this shape). */
export interface RunResultInput {
  /** The node's unique id. */
  uniqueId: string;
  /** How it ended. */
  status: RunStatus;
  /** Milliseconds taken. */
  elapsedMs: number;
  /** Rows in the relation after building (models, seeds). */
  rows?: number | undefined;
  /** Failing rows found (tests). */
  failures?: number | undefined;
  /** Why it failed. */
  error?: { message: string } | undefined;
}

/** A planned step, as far as run results need it (a `BuildStep` fits this shape). */
export interface RunStepInput {
  /** The node's unique id. */
  uniqueId: string;
  /** The compiled SQL, empty for seeds. */
  compiledSql: string;
  /** source (a raw load), seed, model or test. */
  kind: StepKind;
}

/** One entry of `results`, dbt's shape. */
export interface RunResult {
  /** The node's unique id. */
  unique_id: string;
  /** dbt's status word for the node's kind: `success`/`error`/`skipped`, or for tests `pass`/`fail`/`warn`. */
  status: RunStatus;
  /** dbt's compile/execute timings; we do not time the phases, so always empty. */
  timing: Array<{ name: string; started_at: string; completed_at: string }>;
  /** Always `Thread-1`: steps run one at a time. */
  thread_id: string;
  /** Seconds taken. */
  execution_time: number;
  /** What the database said: rows in the relation, when known. */
  adapter_response: { rows_affected?: number };
  /** dbt-like: `OK`, `INSERT n` (seeds, source loads), `Got n results, configured to fail if != 0`, `SKIP`, or the error. */
  message: string;
  /** Tests: failing rows (null when the test errored or was skipped). Other nodes: null. */
  failures: number | null;
  /** The compiled SELECT, or null (seeds, source loads, unplanned nodes). */
  compiled_code: string | null;
}

/** dbt's run results: one entry per step, in the order they ran. */
export interface RunResults {
  /** Schema URL, dbt version, time of writing, invocation id. */
  metadata: Record<'dbt_schema_version' | 'dbt_version' | 'generated_at' | 'invocation_id', string>;
  /** One entry per step. */
  results: RunResult[];
  /** Seconds the whole run took. */
  elapsed_time: number;
  /** The command's arguments, as given. */
  args: Record<string, unknown>;
}

/** Counts for dbt's closing line, `Done. PASS=n WARN=n ERROR=n SKIP=n TOTAL=n`. */
export interface RunSummary {
  /** Successful models and seeds, and passing tests. */
  pass: number;
  /** Tests that warned. */
  warn: number;
  /** Errors, and failing tests. */
  error: number;
  /** Skipped steps. */
  skip: number;
  /** Every step. */
  total: number;
}

/** Build dbt's run results from the engine's step results and the plan they ran. */
export function buildRunResults(options: {
  results: readonly RunResultInput[];
  steps: readonly RunStepInput[];
  generatedAt: string;
  invocationId: string;
  elapsedSeconds: number;
  args: Record<string, unknown>;
}): RunResults {
  const steps = new Map(options.steps.map((step) => [step.uniqueId, step]));
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
      dbt_version: DBT_VERSION,
      generated_at: options.generatedAt,
      invocation_id: options.invocationId,
    },
    results: options.results.map((result) => resultEntry(result, steps.get(result.uniqueId))),
    elapsed_time: options.elapsedSeconds,
    args: { ...options.args },
  };
}

/** Count results as dbt's closing line does: PASS = success + pass, ERROR = error + fail. */
export function summarize(results: readonly { status: RunStatus }[]): RunSummary {
  const summary: RunSummary = { pass: 0, warn: 0, error: 0, skip: 0, total: results.length };
  const bucket: Record<RunStatus, Exclude<keyof RunSummary, 'total'>> = {
    success: 'pass',
    pass: 'pass',
    warn: 'warn',
    error: 'error',
    fail: 'error',
    skipped: 'skip',
  };
  for (const { status } of results) summary[bucket[status]] += 1;
  return summary;
}

function resultEntry(result: RunResultInput, step: RunStepInput | undefined): RunResult {
  const kind = step?.kind ?? kindOf(result.uniqueId);
  const status = dbtStatus(kind, result.status);
  const tested = kind === 'test' && (status === 'pass' || status === 'fail' || status === 'warn');
  const failures = kind === 'test' ? (result.failures ?? (tested ? 0 : null)) : null;
  return {
    unique_id: result.uniqueId,
    status,
    timing: [],
    thread_id: 'Thread-1',
    execution_time: result.elapsedMs / 1000,
    adapter_response: result.rows === undefined ? {} : { rows_affected: result.rows },
    message: messageOf({ kind, status, rows: result.rows, failures: failures ?? 0, error: result.error }),
    failures,
    compiled_code: step?.compiledSql ? step.compiledSql : null,
  };
}

/** dbt reports models and seeds (and our source loads) as success/error/skipped, tests as pass/fail/warn/error/skipped. */
function dbtStatus(kind: StepKind, status: RunStatus): RunStatus {
  if (status === 'skipped' || status === 'error') return status;
  if (kind === 'test') return status === 'success' ? 'pass' : status;
  return status === 'fail' ? 'error' : 'success';
}

function messageOf(options: {
  kind: StepKind;
  status: RunStatus;
  rows: number | undefined;
  failures: number;
  error: { message: string } | undefined;
}): string {
  const { kind, status, rows, failures } = options;
  if (status === 'skipped') return 'SKIP';
  if (status === 'error') return options.error?.message ?? 'ERROR';
  if (kind === 'test') {
    // dbt-core's test task: "Got 1 result, configured to warn if != 0".
    return `Got ${failures} result${failures === 1 ? '' : 's'}, configured to ${status === 'warn' ? 'warn' : 'fail'} if != 0`;
  }
  // Seeds say `INSERT n` as in dbt; a source load (which dbt does not have) loads rows the same way.
  return kind !== 'model' && rows !== undefined ? `INSERT ${rows}` : 'OK';
}

/** A node's kind from its unique id (`source.`, `seed.`, `test.`, else a model), for results without a step. */
function kindOf(uniqueId: string): StepKind {
  const prefix = uniqueId.slice(0, uniqueId.indexOf('.'));
  return prefix === 'source' || prefix === 'seed' || prefix === 'test' ? prefix : 'model';
}
