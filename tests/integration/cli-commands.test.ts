/**
 * The CLI, run in-process through runCommand on the fixture projects (each run on a fresh engine and a fresh
 * temporary target folder): exit codes, the per-node log lines, the closing `Done.` line, the artifacts,
 * selection (`ls`), `compile`, `show`, the single-kind commands and `state:modified+`. Two tests spawn the
 * real binary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/parse-args.ts';
import { EXIT } from '../../src/cli/cli-output.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(REPOSITORY, 'tests', 'fixtures');
const LONG = { timeout: 60_000 };

/** What one CLI run printed and returned. */
interface CliRun {
  code: number;
  /** Each `output.out` call, in order (a call may hold several lines, e.g. a table or JSON). */
  out: string[];
  /** Each `output.err` call. */
  err: string[];
  /** The `--target` folder the run wrote to. */
  target: string;
}

const temporaryFolders: string[] = [];
afterAll(() => temporaryFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/**
 * Run `<command> --project tests/fixtures/<fixture> --target <fresh tmp> ...args` as src/cli/main.ts does:
 * a usage error exits 2 with its message on stderr; anything else thrown fails the test.
 */
async function runCli(command: string, fixture: string, ...args: string[]): Promise<CliRun> {
  const target = temporaryFolder('target-');
  return runArgv([command, '--project', join(FIXTURES, fixture), '--target', target, ...args], target);
}

async function runArgv(argv: string[], target: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const output = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
  try {
    const cli = parseArgs(argv, { project: REPOSITORY });
    const code = await runCommand({ cli, engine: new DuckDbEngine(openNodeBindings), output });
    return { code, out, err, target };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.push(error.message);
    return { code: EXIT.unusable, out, err, target };
  }
}

/** The per-node lines, without the dot leaders and with every duration as `Ns`. */
function stepLines(run: CliRun): string[] {
  return run.out
    .filter((line) => /^\d+ of \d+ /.test(line))
    .map((line) => line.replace(/ \.{3,} \[/, ' [').replace(/\d+\.\d\ds\]$/, 'Ns]'));
}

function doneLine(run: CliRun): string | undefined {
  return [...run.out].reverse().find((line) => line.startsWith('Done.'));
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** unique_id → status from the run's run_results.json. */
function runStatuses(run: CliRun): Record<string, string> {
  const runResults = readJson(join(run.target, 'run_results.json')) as {
    results: Array<{ unique_id: string; status: string }>;
  };
  return Object.fromEntries(runResults.results.map((result) => [result.unique_id, result.status]));
}

/** One entry of run_results.json. */
interface RunResultEntry {
  unique_id: string;
  status: string;
  failures: number | null;
  message: string;
}

/** run_results.json entries by node name (the third part of the unique id). */
function runResultsByName(run: CliRun): Record<string, RunResultEntry> {
  const { results } = readJson(join(run.target, 'run_results.json')) as { results: RunResultEntry[] };
  return Object.fromEntries(results.map((result) => [result.unique_id.split('.')[2], result]));
}

function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `cli-commands-${prefix}`));
  temporaryFolders.push(folder);
  return folder;
}

const BASIC_TESTS = [
  'accepted_values_stg_orders_status__placed__shipped__co_57ce4021',
  'not_null_stg_customers_customer_id',
  'not_null_stg_orders_order_id',
  'relationships_stg_orders_customer_id__customer_id__ref_5567f16b',
  'unique_stg_customers_customer_id',
  'unique_stg_orders_order_id',
];

describe('build of the basic fixture', () => {
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli('build', 'basic');
  }, 60_000);

  it('exits 0 with nothing on stderr', () => {
    expect(run.err).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
  });

  it('prints one line per node, in dependency order, numbered out of the total', () => {
    expect(stepLines(run)).toEqual([
      '1 of 13 OK loaded seed file raw_customers [INSERT 12 in Ns]',
      '2 of 13 OK created view model stg_customers [OK in Ns]',
      '3 of 13 OK loaded seed file raw_orders [INSERT 15 in Ns]',
      '4 of 13 OK created view model stg_orders [OK in Ns]',
      ...BASIC_TESTS.map((name, index) => `${index + 5} of 13 PASS ${name} [PASS in Ns]`),
      '11 of 13 OK created table model customers [OK in Ns]',
      '12 of 13 PASS not_null_customers_customer_id [PASS in Ns]',
      '13 of 13 PASS unique_customers_customer_id [PASS in Ns]',
    ]);
  });

  it('ends with the Done line counting every node', () => {
    expect(run.out.at(-1)).toBe('Done. PASS=13 WARN=0 ERROR=0 SKIP=0 TOTAL=13');
  });

  it('writes manifest.json with every node and run_results.json with every outcome', () => {
    const manifest = readJson(join(run.target, 'manifest.json')) as {
      nodes: Record<string, { resource_type: string }>;
      sources: Record<string, unknown>;
    };
    expect(Object.keys(manifest.nodes)).toHaveLength(13);
    expect(manifest.sources).toEqual({});
    const statuses = runStatuses(run);
    expect(Object.keys(statuses).sort()).toEqual(Object.keys(manifest.nodes).sort());
    const outcomes = Object.entries(statuses).map(([id, status]) => `${manifest.nodes[id]?.resource_type}: ${status}`);
    expect(outcomes.sort()).toEqual([
      ...Array<string>(3).fill('model: success'),
      ...Array<string>(2).fill('seed: success'),
      ...Array<string>(8).fill('test: pass'),
    ]);
  });
});

/** A build that fails (or warns), with everything it must print and record. */
interface FailingBuildCase {
  title: string;
  fixture: string;
  args: string[];
  code: number;
  lines: string[];
  /** The headings of the problem details printed after the run. */
  problems: string[];
  /** Text the problem details must contain. */
  details: string[];
  done: string;
  /** Entries of run_results.json by node name (only the fields given are compared). */
  results: Record<string, Partial<RunResultEntry>>;
}

const FAILING_BUILDS: FailingBuildCase[] = [
  {
    title: 'failing_test: FAIL lines for both failing tests, the downstream model SKIP, exit 1',
    fixture: 'failing_test',
    args: [],
    code: EXIT.failed,
    lines: [
      '1 of 6 OK loaded seed file raw_orders [INSERT 9 in Ns]',
      '2 of 6 OK created view model stg_orders [OK in Ns]',
      '3 of 6 FAIL 1 assert_no_negative_amounts [FAIL 1 in Ns]',
      '4 of 6 PASS not_null_stg_orders_order_id [PASS in Ns]',
      '5 of 6 FAIL 2 unique_stg_orders_order_id [FAIL 2 in Ns]',
      '6 of 6 SKIP view model daily_revenue [SKIP]',
    ],
    problems: [
      'Failure in test assert_no_negative_amounts (tests/assert_no_negative_amounts.sql)',
      'Failure in test unique_stg_orders_order_id (models/schema.yml)',
    ],
    done: 'Done. PASS=3 WARN=0 ERROR=2 SKIP=1 TOTAL=6',
    details: ['Got 2 results, configured to fail if != 0', '|            3 |         2 |'],
    results: {
      raw_orders: { status: 'success', message: 'INSERT 9' },
      stg_orders: { status: 'success' },
      assert_no_negative_amounts: { status: 'fail', failures: 1 },
      unique_stg_orders_order_id: { status: 'fail', failures: 2, message: 'Got 2 results, configured to fail if != 0' },
      not_null_stg_orders_order_id: { status: 'pass', failures: 0 },
      daily_revenue: { status: 'skipped', message: 'SKIP' },
    },
  },
  {
    title: 'failing_model: ERROR creating the broken model, its child SKIP, the sibling built, exit 1',
    fixture: 'failing_model',
    args: [],
    code: EXIT.failed,
    lines: [
      '1 of 5 OK loaded seed file raw_customers [INSERT 12 in Ns]',
      '2 of 5 OK created view model stg_customers [OK in Ns]',
      '3 of 5 OK loaded seed file raw_orders [INSERT 15 in Ns]',
      '4 of 5 ERROR creating view model stg_orders [ERROR in Ns]',
      '5 of 5 SKIP view model orders_per_day [SKIP]',
    ],
    problems: ['Error in model stg_orders (models/stg_orders.sql:5)'],
    done: 'Done. PASS=3 WARN=0 ERROR=1 SKIP=1 TOTAL=5',
    details: ['Referenced column "order_total" not found'],
    results: {
      raw_customers: { status: 'success' },
      raw_orders: { status: 'success' },
      stg_customers: { status: 'success' },
      stg_orders: { status: 'error' },
      orders_per_day: { status: 'skipped' },
    },
  },
  {
    title: 'severity: WARN for the warn test, FAIL for the error test, exit 1',
    fixture: 'severity',
    args: [],
    code: EXIT.failed,
    lines: [
      '1 of 5 OK loaded seed file raw_payments [INSERT 5 in Ns]',
      '2 of 5 OK created view model stg_payments [OK in Ns]',
      '3 of 5 WARN 1 dbt_utils_accepted_range_stg_payments_amount__0 [WARN 1 in Ns]',
      '4 of 5 FAIL 1 dbt_utils_expression_is_true_stg_payments_amount___0 [FAIL 1 in Ns]',
      '5 of 5 SKIP view model order_totals [SKIP]',
    ],
    problems: [
      'Warning in test dbt_utils_accepted_range_stg_payments_amount__0 (models/schema.yml)',
      'Failure in test dbt_utils_expression_is_true_stg_payments_amount___0 (models/schema.yml)',
    ],
    done: 'Done. PASS=2 WARN=1 ERROR=1 SKIP=1 TOTAL=5',
    details: ['Got 1 result, configured to warn if != 0', 'Got 1 result, configured to fail if != 0'],
    results: {
      raw_payments: { status: 'success' },
      stg_payments: { status: 'success' },
      dbt_utils_accepted_range_stg_payments_amount__0: { status: 'warn', failures: 1 },
      dbt_utils_expression_is_true_stg_payments_amount___0: { status: 'fail', failures: 1 },
      order_totals: { status: 'skipped' },
    },
  },
  {
    title: 'severity: selecting only the warn test warns and exits 0',
    fixture: 'severity',
    args: ['--select', 'dbt_utils_accepted_range_stg_payments_amount__0'],
    code: EXIT.ok,
    lines: ['1 of 1 WARN 1 dbt_utils_accepted_range_stg_payments_amount__0 [WARN 1 in Ns]'],
    problems: ['Warning in test dbt_utils_accepted_range_stg_payments_amount__0 (models/schema.yml)'],
    details: ['Got 1 result, configured to warn if != 0'],
    done: 'Done. PASS=0 WARN=1 ERROR=0 SKIP=0 TOTAL=1',
    // The seed and model it needs are built but not reported.
    results: { dbt_utils_accepted_range_stg_payments_amount__0: { status: 'warn', failures: 1 } },
  },
];

describe('builds that fail or warn', () => {
  it.each(FAILING_BUILDS)('$title', LONG, async ({ fixture, args, code, lines, problems, details, done, results }) => {
    const run = await runCli('build', fixture, ...args);
    expect(stepLines(run)).toEqual(lines);
    expect(run.out.filter((line) => /^(Failure|Warning|Error) in /.test(line))).toEqual(problems);
    for (const detail of details) expect(run.out.join('\n')).toContain(detail);
    expect(doneLine(run)).toBe(done);
    expect(run.code).toBe(code);
    const recorded = runResultsByName(run);
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(results).sort());
    expect(recorded).toMatchObject(results);
  });
});

/** A build that must stop before building anything, with exit code 2 and a message on stderr. */
const UNUSABLE_RUNS: Array<{ title: string; fixture: string; args: string[]; err: RegExp }> = [
  {
    title: 'cycle: the cycle is named and nothing runs',
    fixture: 'cycle',
    args: [],
    err: /^models\/[abc]\.sql: Found a cycle: [abc] → [abc] → [abc] → [abc]\./,
  },
  {
    title: 'unknown_ref: the typo is located and stg_customers suggested',
    fixture: 'unknown_ref',
    args: [],
    err: /^models\/customer_names\.sql:4: Unknown model 'stg_custmers'\. Did you mean 'stg_customers'/,
  },
  {
    title: 'bad_yaml: the YAML error is located',
    fixture: 'bad_yaml',
    args: [],
    err: /^models\/schema\.yml:9: Invalid YAML/,
  },
  {
    title: 'duplicate_names: both files are named',
    fixture: 'duplicate_names',
    args: [],
    err: /Two nodes are named 'customers': models\/marts\/customers\.sql and models\/staging\/customers\.sql\./,
  },
  { title: 'an unknown option', fixture: 'basic', args: ['--frobnicate'], err: /^Unknown option '--frobnicate'/ },
  {
    title: 'a selector with an unknown method (--select foo:bar)',
    fixture: 'basic',
    args: ['--select', 'foo:bar'],
    err: /^Invalid selector "foo:bar": unknown method "foo"/,
  },
  {
    title: 'a project folder that does not exist',
    fixture: 'no_such_fixture',
    args: [],
    err: /^No project folder at /,
  },
];

describe('runs that cannot start exit 2', () => {
  it.each(UNUSABLE_RUNS)('$title', async ({ fixture, args, err }) => {
    const run = await runCli('build', fixture, ...args);
    expect(run.err.filter((line) => err.test(line))).toHaveLength(1);
    expect(run.out).toEqual([]);
    expect(existsSync(join(run.target, 'run_results.json'))).toBe(false);
    expect(run.code).toBe(EXIT.unusable);
  });
});

/** `ls` arguments (split on spaces) and exactly the names it must print, in project order. */
const LS_CASES: Array<{ args: string; names: string[] }> = [
  {
    args: '--select +customers',
    names: [
      'raw_customers',
      'raw_orders',
      'customers',
      'stg_customers',
      'stg_orders',
      'unique_customers_customer_id',
      'not_null_customers_customer_id',
      'unique_stg_customers_customer_id',
      'not_null_stg_customers_customer_id',
      'unique_stg_orders_order_id',
      'not_null_stg_orders_order_id',
      'relationships_stg_orders_customer_id__customer_id__ref_5567f16b',
      'accepted_values_stg_orders_status__placed__shipped__co_57ce4021',
    ],
  },
  {
    args: '--select tag:marts',
    names: ['customers', 'unique_customers_customer_id', 'not_null_customers_customer_id'],
  },
  {
    // Both folder tags accumulate: marts models also carry `finance`.
    args: '--select tag:finance',
    names: ['customers', 'unique_customers_customer_id', 'not_null_customers_customer_id'],
  },
  {
    args: '--select +customers --exclude stg_orders',
    names: [
      'raw_customers',
      'raw_orders',
      'customers',
      'stg_customers',
      'unique_customers_customer_id',
      'not_null_customers_customer_id',
      'unique_stg_customers_customer_id',
      'not_null_stg_customers_customer_id',
    ],
  },
  {
    args: '--select path:models/staging',
    names: [
      'stg_customers',
      'stg_orders',
      'unique_stg_customers_customer_id',
      'not_null_stg_customers_customer_id',
      'unique_stg_orders_order_id',
      'not_null_stg_orders_order_id',
      'relationships_stg_orders_customer_id__customer_id__ref_5567f16b',
      'accepted_values_stg_orders_status__placed__shipped__co_57ce4021',
    ],
  },
  {
    args: '--select path:seeds --exclude raw_orders',
    names: ['raw_customers'],
  },
  {
    args: '--select stg_orders+ --exclude resource_type:test',
    names: ['customers', 'stg_orders'],
  },
];

describe('ls on the basic fixture', () => {
  it.each(LS_CASES)('ls $args', async ({ args, names }) => {
    const run = await runCli('ls', 'basic', ...args.split(' '));
    expect(run.err).toEqual([]);
    expect(run.out).toEqual(names);
    expect(run.code).toBe(EXIT.ok);
  });
});

describe('compile and show on the basic fixture', () => {
  it('compile --select customers prints its SQL with refs resolved to relations', async () => {
    const run = await runCli('compile', 'basic', '--select', 'customers');
    expect(run.code).toBe(EXIT.ok);
    const text = run.out.join('\n');
    expect(text).toContain('-- models/marts/customers.sql (customers)');
    expect(text).toContain('select * from "main"."stg_customers"');
    expect(text).toContain('select * from "main"."stg_orders"');
    expect(text).not.toMatch(/\{\{|ref\(/);
  });

  it('show --inline with --format json prints the rows as JSON', LONG, async () => {
    const run = await runCli(
      'show',
      'basic',
      '--inline',
      "select count(*) as n from {{ ref('customers') }}",
      '--format',
      'json',
    );
    expect(run.err).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
    expect(JSON.parse(run.out.at(-1) ?? '')).toEqual([{ n: 12 }]);
  });

  it('show --inline runs on the locked-down engine: it cannot read a local file', LONG, async () => {
    const run = await runCli('show', 'basic', '--inline', "select * from read_text('package.json')");
    expect(run.code).toBe(EXIT.failed);
    expect([...run.out, ...run.err].join('\n')).toMatch(
      /Not allowed here: SQL cannot read or write files or web addresses/,
    );
  });
});

const SINGLE_KIND: Array<{ command: string; prefix: string; lines: string[]; done: string }> = [
  {
    command: 'seed',
    prefix: 'seed.',
    lines: [
      '1 of 2 OK loaded seed file raw_customers [INSERT 12 in Ns]',
      '2 of 2 OK loaded seed file raw_orders [INSERT 15 in Ns]',
    ],
    done: 'Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2',
  },
  {
    command: 'run',
    prefix: 'model.',
    lines: [
      '1 of 3 OK created view model stg_customers [OK in Ns]',
      '2 of 3 OK created view model stg_orders [OK in Ns]',
      '3 of 3 OK created table model customers [OK in Ns]',
    ],
    done: 'Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3',
  },
  {
    command: 'test',
    prefix: 'test.',
    lines: [
      ...BASIC_TESTS.map((name, index) => `${index + 1} of 8 PASS ${name} [PASS in Ns]`),
      '7 of 8 PASS not_null_customers_customer_id [PASS in Ns]',
      '8 of 8 PASS unique_customers_customer_id [PASS in Ns]',
    ],
    done: 'Done. PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8',
  },
];

describe('seed, run and test do only their kind', () => {
  it.each(SINGLE_KIND)('$command', LONG, async ({ command, prefix, lines, done }) => {
    const run = await runCli(command, 'basic');
    expect(stepLines(run)).toEqual(lines);
    expect(doneLine(run)).toBe(done);
    expect(run.code).toBe(EXIT.ok);
    const ids = Object.keys(runStatuses(run));
    expect(ids).toHaveLength(lines.length);
    expect(ids.every((id) => id.startsWith(prefix))).toBe(true);
  });
});

describe('state:modified+ against a previous target', () => {
  let previous: string;
  beforeAll(async () => {
    const run = await runCli('build', 'basic');
    expect(run.code).toBe(EXIT.ok);
    previous = run.target;
  }, 60_000);

  it('selects the changed model, its descendants and their tests, nothing else', async () => {
    const project = copyOfBasic();
    const model = join(project, 'models', 'staging', 'stg_orders.sql');
    writeFileSync(model, readFileSync(model, 'utf8').replace(/^ {4}status$/m, '    lower(status) as status'));
    const target = temporaryFolder('target-');
    const run = await runArgv(
      ['ls', '--project', project, '--target', target, '--select', 'state:modified+', '--state', previous],
      target,
    );
    expect(run.err).toEqual([]);
    expect(run.out).toEqual([
      'customers',
      'stg_orders',
      'unique_customers_customer_id',
      'not_null_customers_customer_id',
      'unique_stg_orders_order_id',
      'not_null_stg_orders_order_id',
      'relationships_stg_orders_customer_id__customer_id__ref_5567f16b',
      'accepted_values_stg_orders_status__placed__shipped__co_57ce4021',
    ]);
  });

  it('selects nothing when the project only moved to another folder', async () => {
    const project = copyOfBasic();
    const target = temporaryFolder('target-');
    const run = await runArgv(
      ['ls', '--project', project, '--target', target, '--select', 'state:modified+', '--state', previous],
      target,
    );
    expect(run.err).toEqual([]);
    expect(run.out).toEqual([]);
    expect(run.code).toBe(EXIT.ok);
  });

  it('without --state, state: is a usage error', async () => {
    const run = await runCli('ls', 'basic', '--select', 'state:modified+');
    expect(run.code).toBe(EXIT.unusable);
    expect(run.err.join('\n')).toMatch(/state comparison needs a previous manifest/);
  });

  function copyOfBasic(): string {
    const project = temporaryFolder('project-');
    cpSync(join(FIXTURES, 'basic'), project, { recursive: true });
    return project;
  }
});

describe('the real binary (tsx src/cli/main.ts)', () => {
  const tsx = join(REPOSITORY, 'node_modules', '.bin', 'tsx');
  const spawnCli = (...args: string[]) =>
    spawnSync(tsx, ['src/cli/main.ts', ...args, '--target', temporaryFolder('target-')], {
      cwd: REPOSITORY,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('build of tests/fixtures/basic exits 0 and prints the Done line', LONG, () => {
    const result = spawnCli('build', '--project', 'tests/fixtures/basic');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Done. PASS=13 WARN=0 ERROR=0 SKIP=0 TOTAL=13');
    expect(result.status).toBe(0);
  });

  it('build of tests/fixtures/cycle exits 2 and names the cycle on stderr', LONG, () => {
    const result = spawnCli('build', '--project', 'tests/fixtures/cycle');
    expect(result.stderr).toMatch(/Found a cycle/);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});
