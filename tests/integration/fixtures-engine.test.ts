/**
 * Every fixture project under tests/fixtures, read as the CLI reads it, loaded, planned and built on a fresh
 * DuckDB (Node build of DuckDB-WASM): exact outcome per node, rows after the build, and, for the projects
 * that cannot load, the exact errors with their files and lines.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { planBuild, type BuildStep } from '../../src/core/plan/build-plan.ts';
import { compileNode } from '../../src/core/plan/compile-node.ts';
import { formatProjectError } from '../../src/core/project/format-error.ts';
import { loadProject, type LoadedProject } from '../../src/core/load-project.ts';
import type { ProjectError } from '../../src/core/project/types.ts';
import type { StepResult } from '../../src/engine/contract.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** A query to run after the build, and the rows it must return. */
interface RowCheck {
  /** What the rows show, for the test's name. */
  title: string;
  sql: string;
  rows: Record<string, unknown>[];
}

/** A fixture that loads and builds. */
interface BuildCase {
  fixture: string;
  /**
   * Every step by node name, as {@link describeOutcome} puts it. Ephemeral models have no step, so they must
   * not appear.
   */
  outcomes: Record<string, string>;
  /** Queries against the built database. */
  checks: RowCheck[];
}

const BUILD_CASES: BuildCase[] = [
  {
    fixture: 'basic',
    outcomes: {
      raw_customers: 'success, 12 rows',
      raw_orders: 'success, 15 rows',
      stg_customers: 'success, 12 rows',
      // The two 2017 orders fall before var('min_date', '2018-01-01').
      stg_orders: 'success, 13 rows',
      customers: 'success, 12 rows',
      unique_stg_customers_customer_id: 'pass',
      not_null_stg_customers_customer_id: 'pass',
      unique_stg_orders_order_id: 'pass',
      not_null_stg_orders_order_id: 'pass',
      relationships_stg_orders_customer_id__customer_id__ref_5567f16b: 'pass',
      accepted_values_stg_orders_status__placed__shipped__co_57ce4021: 'pass',
      unique_customers_customer_id: 'pass',
      not_null_customers_customer_id: 'pass',
    },
    checks: [
      {
        title: 'customers counts the orders placed since min_date, 0 for customers without any',
        sql: `select count(*) filter (where number_of_orders = 0) as without_orders,
                     sum(number_of_orders)::integer as orders, min(first_order) as first_order
              from main.customers`,
        rows: [{ without_orders: 5, orders: 13, first_order: '2018-01-01' }],
      },
      {
        title: "one customer's first and latest order",
        sql: 'select customer_id, number_of_orders, first_order, most_recent_order from main.customers where customer_id = 5',
        rows: [{ customer_id: 5, number_of_orders: 3, first_order: '2018-01-04', most_recent_order: '2018-01-15' }],
      },
      {
        title: 'the marts folder config makes customers a table, staging models stay views',
        sql: `select table_name, table_type from information_schema.tables
              where table_schema = 'main' and table_name in ('customers', 'stg_customers', 'stg_orders')
              order by table_name`,
        rows: [
          { table_name: 'customers', table_type: 'BASE TABLE' },
          { table_name: 'stg_customers', table_type: 'VIEW' },
          { table_name: 'stg_orders', table_type: 'VIEW' },
        ],
      },
    ],
  },
  {
    fixture: 'macros',
    outcomes: {
      raw_payments: 'success, 10 rows',
      // {% if not var('include_refunds') %} drops the refund row.
      payments: 'success, 9 rows',
      order_payments: 'success, 8 rows',
    },
    checks: [
      {
        title: 'cents_to_dollars (default scale) turns cents into dollars',
        sql: 'select count(*) as payments, sum(amount) as amount from main.payments',
        rows: [{ payments: 9, amount: 130.25 }],
      },
      {
        title: "a macro's return() hands its list to the caller, so order_payments pivots one column per method",
        sql: 'select * from main.order_payments where order_id in (7, 8) order by order_id',
        rows: [
          {
            order_id: 7,
            credit_card_amount: 0,
            coupon_amount: 0,
            bank_transfer_amount: 1.5,
            gift_card_amount: 23,
            total_amount: 24.5,
          },
          {
            order_id: 8,
            credit_card_amount: 26.75,
            coupon_amount: 0,
            bank_transfer_amount: 0,
            gift_card_amount: 0,
            total_amount: 26.75,
          },
        ],
      },
    ],
  },
  {
    fixture: 'ephemeral',
    outcomes: {
      raw_products: 'success, 6 rows',
      premium_products: 'success, 2 rows',
      product_count: 'success, 1 rows',
      unique_active_products_product_id: 'pass',
      not_null_active_products_product_id: 'pass',
    },
    checks: [
      {
        title: 'a plain SELECT reads the ephemeral model as a CTE',
        sql: 'select * from main.product_count',
        rows: [{ active_products: 4 }],
      },
      {
        title: 'a model with its own WITH clause gets the ephemeral CTE merged into it',
        sql: 'select product_name, price from main.premium_products order by price',
        rows: [
          { product_name: 'Muffin', price: 10.5 },
          { product_name: 'Cold brew', price: 12 },
        ],
      },
      {
        title: 'the ephemeral model itself is never created in the database',
        sql: "select count(*) as relations from information_schema.tables where table_name = 'active_products'",
        rows: [{ relations: 0 }],
      },
    ],
  },
  {
    fixture: 'failing_test',
    outcomes: {
      raw_orders: 'success, 9 rows',
      stg_orders: 'success, 9 rows',
      unique_stg_orders_order_id: 'fail, 2 failures',
      not_null_stg_orders_order_id: 'pass',
      assert_no_negative_amounts: 'fail, 1 failures',
      // dbt build: a model waits for the tests of its parents, so a failing error-severity test skips it.
      daily_revenue: 'skipped after unique_stg_orders_order_id',
    },
    checks: [
      {
        title: "the unique test's failing rows are kept in the audit schema",
        sql: 'select * from main_dbt_test__audit.unique_stg_orders_order_id order by unique_field',
        rows: [
          { unique_field: 3, n_records: 2 },
          { unique_field: 5, n_records: 2 },
        ],
      },
      {
        title: "the singular test's failing rows are kept in the audit schema",
        sql: 'select * from main_dbt_test__audit.assert_no_negative_amounts',
        rows: [{ order_id: 6, amount: -6 }],
      },
      {
        title: 'the skipped model is not created',
        sql: "select count(*) as relations from information_schema.tables where table_name = 'daily_revenue'",
        rows: [{ relations: 0 }],
      },
    ],
  },
  {
    fixture: 'failing_model',
    outcomes: {
      raw_customers: 'success, 12 rows',
      raw_orders: 'success, 15 rows',
      stg_customers: 'success, 12 rows',
      // The line of the missing column in the model file as written.
      stg_orders: 'error at models/stg_orders.sql:5',
      orders_per_day: 'skipped after stg_orders',
    },
    checks: [
      {
        title: 'the independent sibling branch is built',
        sql: 'select count(*) as customers from main.stg_customers',
        rows: [{ customers: 12 }],
      },
    ],
  },
  {
    fixture: 'severity',
    outcomes: {
      raw_payments: 'success, 5 rows',
      stg_payments: 'success, 5 rows',
      dbt_utils_accepted_range_stg_payments_amount__0: 'warn, 1 failures',
      dbt_utils_expression_is_true_stg_payments_amount___0: 'fail, 1 failures',
      // Only the error-severity failure stops what is downstream.
      order_totals: 'skipped after dbt_utils_expression_is_true_stg_payments_amount___0',
    },
    checks: [
      {
        title: 'both tests found the same negative payment',
        sql: `select 'warn' as severity, payment_id from main_dbt_test__audit.dbt_utils_accepted_range_stg_payments_amount__0
              union all
              select 'error', payment_id from main_dbt_test__audit.dbt_utils_expression_is_true_stg_payments_amount___0
              order by severity`,
        rows: [
          { severity: 'error', payment_id: 4 },
          { severity: 'warn', payment_id: 4 },
        ],
      },
    ],
  },
];

describe.each(BUILD_CASES)('fixture $fixture, built on a fresh engine', ({ fixture, outcomes, checks }) => {
  const engine = new DuckDbEngine(openNodeBindings);
  let loaded: LoadedProject;
  let steps: BuildStep[];
  let results: StepResult[];

  beforeAll(async () => {
    loaded = loadFixture(fixture);
    const plan = planBuild({ project: loaded.project });
    expect(plan.errors).toEqual([]);
    steps = plan.steps;
    results = await engine.build(steps);
  }, 60_000);

  it('loads without errors and builds every node with the expected outcome', () => {
    expect(loaded.errors.map(formatProjectError)).toEqual([]);
    const names = new Map(steps.map((step) => [step.uniqueId, step.name]));
    const actual = Object.fromEntries(results.map((result) => [names.get(result.uniqueId), describeOutcome(result)]));
    expect(actual).toEqual(outcomes);
  });

  it.each(checks)('$title', async ({ sql, rows }) => {
    expect(decodeResult((await engine.query(sql)).ipc).rows).toEqual(rows);
  });
});

describe('fixture basic: vars', () => {
  it("a min_date set in dbt_project.yml overrides the model's var() default", () => {
    const projectFile = readProjectDir(join(FIXTURES, 'basic')).find((file) => file.path === 'dbt_project.yml');
    const defaulted = loadFixture('basic');
    const overridden = loadFixture('basic', {
      'dbt_project.yml': `${projectFile?.content ?? ''}\nvars:\n  min_date: '2018-01-10'\n`,
    });
    expect(overridden.errors).toEqual([]);
    expect(compileStgOrders(defaulted)).toContain("where order_date >= '2018-01-01'");
    expect(compileStgOrders(overridden)).toContain("where order_date >= '2018-01-10'");
  });
});

function compileStgOrders({ project }: LoadedProject): string {
  const node = project.nodes.get('model.basic.stg_orders');
  if (node?.resourceType !== 'model') throw new Error('basic has no stg_orders model');
  return compileNode({ project, node });
}

/** A fixture that cannot load, and the errors it must give (each with its file and, where known, its line). */
interface LoadErrorCase {
  fixture: string;
  /** Replace files of the fixture (by path) before loading. */
  replace?: Record<string, string>;
  errors: ProjectError[];
}

const LOAD_ERROR_CASES: Array<LoadErrorCase & { title: string }> = [
  {
    title: 'cycle: a → b → c → a is reported once, naming every node on it',
    fixture: 'cycle',
    errors: [{ path: expect.stringMatching(/^models\/[abc]\.sql$/), message: expect.stringMatching(/cycle/) }],
  },
  {
    title: "unknown_ref: ref('stg_custmers') names the file and line and suggests stg_customers first",
    fixture: 'unknown_ref',
    errors: [
      {
        path: 'models/customer_names.sql',
        line: 4,
        message: expect.stringMatching(/^Unknown model 'stg_custmers'\. Did you mean 'stg_customers'/),
      },
    ],
  },
  {
    title: 'bad_yaml: a key given twice in one mapping names the file and the line of the second',
    fixture: 'bad_yaml',
    errors: [{ path: 'models/schema.yml', line: 9, message: expect.stringMatching(/^Invalid YAML \(DUPLICATE_KEY\)/) }],
  },
  {
    title: 'bad_yaml: a tab used for indentation names the file and its line',
    fixture: 'bad_yaml',
    replace: {
      'models/schema.yml': lines([
        'version: 2',
        '',
        'models:',
        '  - name: stg_customers',
        '\tdescription: One row per customer.',
      ]),
    },
    errors: [{ path: 'models/schema.yml', line: 5, message: expect.stringMatching(/^Invalid YAML/) }],
  },
  {
    title: 'bad_yaml: a mis-indented key names the file and its line',
    fixture: 'bad_yaml',
    replace: {
      'models/schema.yml': lines([
        'version: 2',
        '',
        'models:',
        '  - name: stg_customers',
        '    columns:',
        '      - name: customer_id',
        '       description: One space short.',
      ]),
    },
    errors: [{ path: 'models/schema.yml', line: 7, message: expect.stringMatching(/^Invalid YAML/) }],
  },
  {
    // yaml's toJS() throws a ReferenceError for an alias with no anchor; it must become a load error.
    title: 'bad_yaml: an alias with no anchor is a load error with its line, not a crash',
    fixture: 'bad_yaml',
    replace: {
      'models/schema.yml': lines([
        'version: 2',
        '',
        'models:',
        '  - name: stg_customers',
        '    description: *customer_doc',
      ]),
    },
    errors: [{ path: 'models/schema.yml', line: 5, message: expect.stringMatching(/customer_doc/) }],
  },
  {
    title: 'duplicate_names: two customers.sql in different folders names both files',
    fixture: 'duplicate_names',
    errors: [
      {
        path: 'models/staging/customers.sql',
        message:
          "Two nodes are named 'customers': models/marts/customers.sql and models/staging/customers.sql. Rename one: ref() needs unique names.",
      },
    ],
  },
];

describe('fixtures that cannot load', () => {
  it.each(LOAD_ERROR_CASES)('$title', ({ fixture, replace, errors }) => {
    expect(loadFixture(fixture, replace).errors).toEqual(errors);
  });

  it('cycle: the message lists a, b and c in ref order and closes the ring', () => {
    const [error] = loadFixture('cycle').errors;
    const ring = /Found a cycle: (.+)\. Remove one of these refs\./.exec(error?.message ?? '')?.[1]?.split(' → ') ?? [];
    expect(ring).toHaveLength(4);
    expect(ring[0]).toBe(ring[3]);
    expect([...ring.slice(0, 3)].sort()).toEqual(['a', 'b', 'c']);
    // Each node reads from the one before it: a ← c, b ← a, c ← b.
    const readsFrom: Record<string, string> = { a: 'c', b: 'a', c: 'b' };
    for (let index = 1; index < ring.length; index++) expect(readsFrom[ring[index] as string]).toBe(ring[index - 1]);
  });
});

/** Read a fixture folder as the CLI does, optionally replacing some files, and load it. */
function loadFixture(name: string, replace: Record<string, string> = {}): LoadedProject {
  const files = readProjectDir(join(FIXTURES, name)).map((file) => ({
    ...file,
    content: replace[file.path] ?? file.content,
  }));
  return loadProject({ files });
}

/** `success, 12 rows`, `fail, 2 failures`, `error at models/x.sql:5`, `skipped after x`, `pass`. */
function describeOutcome(result: StepResult): string {
  if (result.rows !== undefined) return `${result.status}, ${result.rows} rows`;
  if (result.failures) return `${result.status}, ${result.failures} failures`;
  if (result.status === 'error') return `error at ${result.error?.path}:${result.error?.line}`;
  if (result.status === 'skipped') {
    const upstream = /upstream '([^']+)'/.exec(result.error?.message ?? '')?.[1];
    return `skipped after ${upstream}`;
  }
  return result.status;
}

function lines(text: string[]): string {
  return `${text.join('\n')}\n`;
}
