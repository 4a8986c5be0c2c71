import { describe, expect, it } from 'vitest';
import { ancestorsOf, descendantsOf, selectNodes, type SelectableNode } from './select-nodes.ts';

/** jaffle_shop in miniature: two seeds and a source feed three staging models, which feed two marts. */
function node(resourceType: SelectableNode['resourceType'], name: string, fields: Partial<SelectableNode>) {
  const uniqueId = `${resourceType}.jaffle.${fields.sourceName ? `${fields.sourceName}.` : ''}${name}`;
  return { uniqueId, name, resourceType, path: '', tags: [], dependsOn: [], checksum: `sha-${name}`, ...fields };
}
const nodes: SelectableNode[] = [
  node('seed', 'raw_customers', { path: 'seeds/raw_customers.csv' }),
  node('seed', 'raw_orders', { path: 'seeds/raw_orders.csv' }),
  node('source', 'payments', { sourceName: 'stripe', path: 'models/staging/sources.yml' }),
  node('model', 'stg_customers', {
    path: 'models/staging/stg_customers.sql',
    tags: ['staging'],
    dependsOn: ['seed.jaffle.raw_customers'],
  }),
  node('model', 'stg_orders', {
    path: 'models/staging/stg_orders.sql',
    tags: ['staging', 'nightly'],
    dependsOn: ['seed.jaffle.raw_orders'],
  }),
  node('model', 'stg_payments', {
    path: 'models/staging/stg_payments.sql',
    tags: ['staging'],
    dependsOn: ['source.jaffle.stripe.payments'],
  }),
  node('model', 'customers', {
    path: 'models/marts/customers.sql',
    tags: ['nightly', 'pii'],
    dependsOn: ['model.jaffle.stg_customers', 'model.jaffle.stg_orders', 'model.jaffle.stg_payments'],
  }),
  node('model', 'orders', {
    path: 'models/marts/orders.sql',
    tags: ['finance'],
    dependsOn: ['model.jaffle.stg_orders', 'model.jaffle.stg_payments'],
  }),
  node('model', 'dim_dates', { path: 'models/marts/dim_dates.sql', tags: ['nightly'] }),
  node('test', 'unique_stg_customers_id', {
    uniqueId: 'test.jaffle.unique_stg_customers_id.c1',
    path: 'models/staging/schema.yml',
    dependsOn: ['model.jaffle.stg_customers'],
  }),
  node('test', 'source_not_null_payments_id', {
    uniqueId: 'test.jaffle.source_not_null_payments_id.d4',
    path: 'models/staging/sources.yml',
    dependsOn: ['source.jaffle.stripe.payments'],
  }),
  node('test', 'not_null_customers_id', {
    uniqueId: 'test.jaffle.not_null_customers_id.a2',
    path: 'models/marts/schema.yml',
    dependsOn: ['model.jaffle.customers'],
  }),
  node('test', 'relationships_orders_customers', {
    uniqueId: 'test.jaffle.relationships_orders_customers.b3',
    path: 'models/marts/schema.yml',
    dependsOn: ['model.jaffle.orders', 'model.jaffle.customers'],
  }),
  node('test', 'assert_positive_total', {
    uniqueId: 'test.jaffle.assert_positive_total.e5',
    path: 'tests/assert_positive_total.sql',
    dependsOn: ['model.jaffle.orders'],
  }),
];

const all = nodes.map((each) => each.name);
const allBut = (...names: string[]) => all.filter((name) => !names.includes(name));
const tests = nodes.filter((each) => each.resourceType === 'test').map((each) => each.name);

/** stg_orders changed, dim_dates is new, and a model deleted since then is still in the old manifest. */
const previous = new Map([
  ...nodes.filter((each) => each.name !== 'dim_dates').map((each) => [each.uniqueId, each.checksum] as const),
  ['model.jaffle.stg_orders', 'sha-old'],
  ['model.jaffle.deleted', 'sha-deleted'],
]);

/** Names of the selected nodes, in fixture order; names are unique in the fixture. */
function namesOf(ids: Iterable<string>): string[] {
  const selected = new Set(ids);
  return nodes.filter((each) => selected.has(each.uniqueId)).map((each) => each.name);
}

type Options = Omit<Parameters<typeof selectNodes>[0], 'nodes'>;

describe('selectNodes', () => {
  const cases: [string, Options, string[]][] = [
    ['no selector selects everything', {}, all],
    ['a blank selector selects everything', { select: ' ' }, all],
    ['an empty array selects everything', { select: [] }, all],
    ['a name, with its tests', { select: 'stg_customers' }, ['stg_customers', 'unique_stg_customers_id']],
    ['a name without indirect tests', { select: 'stg_customers', indirectTests: false }, ['stg_customers']],
    ['a name glob', { select: 'stg_*' }, ['stg_customers', 'stg_orders', 'stg_payments', 'unique_stg_customers_id']],
    ['a bare name never matches a source (dbt: fqn skips sources)', { select: 'payments' }, []],
    ['* is every node but the sources', { select: '*' }, allBut('payments')],
    ['a test by name', { select: 'assert_positive_total' }, ['assert_positive_total']],
    [
      'tag:, with eager tests (any parent selected)',
      { select: 'tag:nightly' },
      ['stg_orders', 'customers', 'dim_dates', 'not_null_customers_id', 'relationships_orders_customers'],
    ],
    ['a tag glob', { select: 'tag:fin*' }, ['orders', 'relationships_orders_customers', 'assert_positive_total']],
    [
      'path: a folder holds models, sources and the tests declared there',
      { select: 'path:models/staging' },
      [
        'payments',
        'stg_customers',
        'stg_orders',
        'stg_payments',
        'unique_stg_customers_id',
        'source_not_null_payments_id',
      ],
    ],
    [
      'path: with ./ and a trailing slash',
      { select: 'path:./models/staging/', indirectTests: false },
      [
        'payments',
        'stg_customers',
        'stg_orders',
        'stg_payments',
        'unique_stg_customers_id',
        'source_not_null_payments_id',
      ],
    ],
    [
      'a bare value with / is a path',
      { select: 'models/marts', indirectTests: false },
      ['customers', 'orders', 'dim_dates', 'not_null_customers_id', 'relationships_orders_customers'],
    ],
    [
      'path: a file',
      { select: 'path:models/marts/orders.sql' },
      ['orders', 'relationships_orders_customers', 'assert_positive_total'],
    ],
    ['path: matches whole segments, not string prefixes', { select: 'path:models/stag' }, []],
    [
      'path: * stays within a segment',
      { select: 'path:models/*/stg_c*.sql' },
      ['stg_customers', 'unique_stg_customers_id'],
    ],
    ['path: * does not cross /', { select: 'path:models/*.sql' }, []],
    ['path: ** crosses /', { select: 'path:**/dim_*.sql' }, ['dim_dates']],
    ['a bare file name is file:', { select: 'stg_orders.sql' }, ['stg_orders']],
    ['file: without extension', { select: 'file:raw_orders' }, ['raw_orders']],
    [
      'file: a YAML file',
      { select: 'file:schema.yml' },
      ['unique_stg_customers_id', 'not_null_customers_id', 'relationships_orders_customers'],
    ],
    ['source: by source name', { select: 'source:stripe' }, ['payments', 'source_not_null_payments_id']],
    ['source: by source and table', { select: 'source:stripe.payments', indirectTests: false }, ['payments']],
    ['source: package, source and table globs', { select: 'source:jaffle.str*.*', indirectTests: false }, ['payments']],
    ['source: another package', { select: 'source:other.stripe.payments' }, []],
    ['source: unknown table', { select: 'source:stripe.refunds' }, []],
    [
      'source: with descendants',
      { select: 'source:stripe+' },
      allBut('raw_customers', 'raw_orders', 'stg_customers', 'stg_orders', 'dim_dates', 'unique_stg_customers_id'),
    ],
    ['resource_type:seed', { select: 'resource_type:seed' }, ['raw_customers', 'raw_orders']],
    ['resource_type:source', { select: 'resource_type:source' }, ['payments', 'source_not_null_payments_id']],
    ['resource_type:test', { select: 'resource_type:test' }, tests],
    [
      '+x: all ancestors',
      { select: '+customers', indirectTests: false },
      ['raw_customers', 'raw_orders', 'payments', 'stg_customers', 'stg_orders', 'stg_payments', 'customers'],
    ],
    [
      '+x: tests of every selected node',
      { select: '+customers' },
      allBut('orders', 'dim_dates', 'assert_positive_total'),
    ],
    [
      'N+x: ancestors up to N generations',
      { select: '1+customers', indirectTests: false },
      ['stg_customers', 'stg_orders', 'stg_payments', 'customers'],
    ],
    [
      'x+: descendants include tests',
      { select: 'stg_orders+', indirectTests: false },
      [
        'stg_orders',
        'customers',
        'orders',
        'not_null_customers_id',
        'relationships_orders_customers',
        'assert_positive_total',
      ],
    ],
    ['x+N: descendants up to N generations', { select: 'raw_orders+1' }, ['raw_orders', 'stg_orders']],
    ['x+0 is x', { select: 'stg_orders+0' }, ['stg_orders']],
    [
      '+x+: both ways',
      { select: '+stg_orders+', indirectTests: false },
      [
        'raw_orders',
        'stg_orders',
        'customers',
        'orders',
        'not_null_customers_id',
        'relationships_orders_customers',
        'assert_positive_total',
      ],
    ],
    [
      '2+x+1 mixes depths',
      { select: '2+customers+1', indirectTests: false },
      allBut('orders', 'dim_dates', 'unique_stg_customers_id', 'source_not_null_payments_id', 'assert_positive_total'),
    ],
    [
      '@x: descendants and their ancestors; the relationships test brings in orders',
      { select: '@stg_customers', indirectTests: false },
      allBut('dim_dates', 'source_not_null_payments_id', 'assert_positive_total'),
    ],
    ['@x with eager tests', { select: '@stg_customers' }, allBut('dim_dates')],
    ['@+x is allowed (the + adds nothing)', { select: '@+stg_customers' }, allBut('dim_dates')],
    [
      'operators apply to each criterion of a union',
      { select: 'raw_orders+1 +stg_payments', indirectTests: false },
      ['raw_orders', 'payments', 'stg_orders', 'stg_payments'],
    ],
    [
      'an intersection',
      { select: 'tag:nightly,path:models/marts' },
      ['customers', 'dim_dates', 'not_null_customers_id', 'relationships_orders_customers'],
    ],
    ['an intersection with operators', { select: '+customers,resource_type:seed' }, ['raw_customers', 'raw_orders']],
    [
      'an intersection takes tests per criterion, as dbt does',
      { select: 'resource_type:test,stg_customers' },
      ['unique_stg_customers_id'],
    ],
    [
      'a test of nodes on both sides survives an intersection (dbt adds tests per criterion)',
      { select: 'tag:finance,tag:pii' },
      ['relationships_orders_customers'],
    ],
    ['an intersection that is empty', { select: 'tag:finance,tag:pii', indirectTests: false }, []],
    ['a union', { select: 'stg_customers  dim_dates' }, ['stg_customers', 'dim_dates', 'unique_stg_customers_id']],
    [
      'an array is a union of its elements, each split on spaces',
      { select: ['stg_customers', 'dim_dates raw_orders'] },
      ['raw_orders', 'stg_customers', 'dim_dates', 'unique_stg_customers_id'],
    ],
    [
      'exclude removes the excluded nodes and their tests',
      { select: 'stg_orders+', exclude: 'orders' },
      ['stg_orders', 'customers', 'not_null_customers_id'],
    ],
    [
      'exclude takes tests eagerly even when indirectTests is off (dbt)',
      { select: 'resource_type:test', exclude: 'customers', indirectTests: false },
      ['unique_stg_customers_id', 'source_not_null_payments_id', 'assert_positive_total'],
    ],
    [
      'exclude without select starts from everything',
      { exclude: 'tag:nightly' },
      allBut('stg_orders', 'customers', 'dim_dates', 'not_null_customers_id', 'relationships_orders_customers'),
    ],
    [
      'exclude as an array',
      { exclude: ['resource_type:test', 'resource_type:seed'] },
      allBut(...tests, 'raw_customers', 'raw_orders'),
    ],
    ['exclude wins over select', { select: 'dim_dates', exclude: 'tag:nightly' }, []],
    ['state:new', { select: 'state:new', previous }, ['dim_dates']],
    ['state:modified is changed or new', { select: 'state:modified', previous }, ['stg_orders', 'dim_dates']],
    [
      'state:modified+',
      { select: 'state:modified+', previous },
      [
        'stg_orders',
        'customers',
        'orders',
        'dim_dates',
        'not_null_customers_id',
        'relationships_orders_customers',
        'assert_positive_total',
      ],
    ],
    ['state:old', { select: 'state:old', previous }, allBut('dim_dates')],
    ['state:unmodified', { select: 'state:unmodified', previous }, allBut('stg_orders', 'dim_dates')],
    [
      'state: in exclude',
      { exclude: 'state:modified', previous, select: 'tag:nightly' },
      ['customers', 'not_null_customers_id', 'relationships_orders_customers'],
    ],
    ['a name that matches nothing is not an error', { select: 'nope' }, []],
    ['a tag that matches nothing, with operators', { select: '+tag:nope+' }, []],
  ];

  it.each(cases)('%s', (_, options, expected) => {
    const result = selectNodes({ nodes, ...options });
    expect(result.errors).toEqual([]);
    expect(expected.filter((name) => !all.includes(name))).toEqual([]);
    expect(namesOf(result.selected)).toEqual(all.filter((name) => expected.includes(name)));
  });

  it('returns ids in the order of the input nodes', () => {
    const { selected } = selectNodes({ nodes, select: 'customers stg_customers', indirectTests: false });
    expect([...selected]).toEqual(['model.jaffle.stg_customers', 'model.jaffle.customers']);
  });
});

describe('selectNodes errors', () => {
  const cases: [string, Options, RegExp[]][] = [
    [
      'an unknown method',
      { select: 'foo:bar' },
      [/"foo:bar": unknown method "foo"; valid methods are tag, path, file, source, resource_type, state/],
    ],
    ['an unsupported dbt method', { select: 'test_type:generic' }, [/"test_type:generic": unknown method "test_type"/]],
    ['a dotted method', { select: 'config.materialized:table' }, [/unknown method "config\.materialized"/]],
    ['a method with a character dbt does not allow', { select: 'tag-x:y' }, [/unknown method "tag-x"/]],
    ['a missing method', { select: ':orders' }, [/unknown method ""/]],
    ['name: is implied, never written', { select: 'name:orders' }, [/unknown method "name"/]],
    ['an empty criterion between commas', { select: 'tag:a,,orders' }, [/"tag:a,,orders": empty criterion/]],
    ['a trailing comma', { select: 'orders,' }, [/"orders,": empty criterion/]],
    ['a lone comma', { select: ',' }, [/empty criterion/, /empty criterion/]],
    ['a method without a value', { select: 'tag:' }, [/"tag:": "tag:" needs a value/]],
    ['a lone +', { select: '+' }, [/"\+": no node name or method/]],
    ['a depth without a node', { select: '2+' }, [/"2\+": no node name/]],
    ['a doubled +', { select: '++orders' }, [/"\+\+orders": misplaced graph operator/]],
    ['a doubled trailing +', { select: 'orders++' }, [/misplaced graph operator/]],
    ['a + inside a name', { select: 'stg+orders' }, [/misplaced graph operator/]],
    ['a doubled @', { select: '@@orders' }, [/misplaced graph operator/]],
    ['a trailing @', { select: 'orders@' }, [/misplaced graph operator/]],
    ['a depth before @', { select: '2@orders' }, [/misplaced graph operator/]],
    ['@ with a trailing +', { select: '@orders+' }, [/"@orders\+": "@" cannot be combined with a trailing "\+"/]],
    [
      'an unknown resource type',
      { select: 'resource_type:exposure' },
      [/unknown resource_type "exposure"; valid values are model, seed, snapshot, source, test/],
    ],
    [
      'an unknown state',
      { select: 'state:modified.body', previous },
      [/unknown state "modified\.body"; valid values are modified, new, old, unmodified/],
    ],
    ['a source with four parts', { select: 'source:a.b.c.d' }, [/"source:a\.b\.c\.d": write source:source_name/]],
    ['a source with an empty part', { select: 'source:stripe.' }, [/write source:source_name/]],
    [
      'state: without a previous manifest',
      { select: 'state:modified' },
      [/"state:modified": state comparison needs a previous manifest/],
    ],
    [
      'state: in exclude without a previous manifest',
      { exclude: 'state:new' },
      [/"state:new": state comparison needs/],
    ],
    ['an error in exclude', { select: 'orders', exclude: 'foo:bar' }, [/unknown method "foo"/]],
    ['every error is reported', { select: ['foo:bar tag:', 'orders'], exclude: '++x' }, [/foo/, /tag:/, /\+\+x/]],
  ];

  it.each(cases)('%s', (_, options, messages) => {
    const result = selectNodes({ nodes, ...options });
    expect(result.selected.size).toBe(0);
    expect(result.errors).toHaveLength(messages.length);
    result.errors.forEach((error, index) => expect(error).toMatch(messages[index] as RegExp));
  });
});

describe('lineage helpers', () => {
  it('ancestorsOf walks parents, to a depth', () => {
    expect(namesOf(ancestorsOf(nodes, ['model.jaffle.customers']))).toEqual([
      'raw_customers',
      'raw_orders',
      'payments',
      'stg_customers',
      'stg_orders',
      'stg_payments',
    ]);
    expect(namesOf(ancestorsOf(nodes, ['model.jaffle.customers'], 1))).toEqual([
      'stg_customers',
      'stg_orders',
      'stg_payments',
    ]);
    expect(namesOf(ancestorsOf(nodes, ['model.jaffle.customers'], 0))).toEqual([]);
  });

  it('descendantsOf walks children, tests included', () => {
    expect(namesOf(descendantsOf(nodes, ['seed.jaffle.raw_orders'], 2))).toEqual(['stg_orders', 'customers', 'orders']);
    expect(namesOf(descendantsOf(nodes, ['model.jaffle.orders']))).toEqual([
      'relationships_orders_customers',
      'assert_positive_total',
    ]);
  });

  it('includes a start node that is an ancestor of another start node', () => {
    expect(namesOf(ancestorsOf(nodes, ['model.jaffle.customers', 'model.jaffle.stg_customers'], 1))).toEqual([
      'raw_customers',
      'stg_customers',
      'stg_orders',
      'stg_payments',
    ]);
  });

  it('ignores parents that are not nodes', () => {
    const orphan = { uniqueId: 'model.p.a', dependsOn: ['model.p.missing'] };
    expect([...ancestorsOf([orphan], ['model.p.a'])]).toEqual([]);
    expect([...descendantsOf([orphan], ['model.p.missing'])]).toEqual([]);
  });
});
