import { describe, expect, it } from 'vitest';
import { parseReport, type ReportBlock, type ReportDocument, type ReportError } from './parse-report.ts';

/** Reports are written as arrays of lines so each expected line number can be read off the index. */
const parse = (lines: string[], path = 'reports/test.md'): ReportDocument =>
  parseReport({ path, source: lines.join('\n') });

/** One short string per block: enough to pin order, kinds and line numbers. */
const outline = (blocks: ReportBlock[]): string[] =>
  blocks.map((block) =>
    block.kind === 'markdown'
      ? `markdown@${block.line}`
      : block.kind === 'query'
        ? `query ${block.name}@${block.line}`
        : `<${block.name}>@${block.line}-${block.endLine}`,
  );

const fence = '```';

describe('parseReport', () => {
  it('parses the example report from the brief', () => {
    const report = parse(
      [
        '---', // 1
        'title: Schools',
        'description: Where NSW public schools are.',
        '---',
        '',
        '# Schools', // 6
        '',
        'Some **markdown** text, with a {value} placeholder left as plain text.',
        '',
        `${fence}sql schools_by_level`, // 10
        'select level_of_schooling as level, count(*) as schools',
        'from dim__school',
        'group by all',
        'order by schools desc',
        fence,
        '',
        '<BarChart data={schools_by_level} x=level y=schools title="Schools by level" />', // 17
        '',
        '<SchoolMap', // 19
        '  data={schools}',
        '  lat=latitude',
        '  long=longitude',
        '  tooltip="school_name,town_suburb"',
        '/>', // 24
      ],
      'reports/schools.md',
    );
    expect(report).toEqual({
      path: 'reports/schools.md',
      title: 'Schools',
      description: 'Where NSW public schools are.',
      frontmatter: { title: 'Schools', description: 'Where NSW public schools are.' },
      queries: [
        {
          name: 'schools_by_level',
          sql: 'select level_of_schooling as level, count(*) as schools\nfrom dim__school\ngroup by all\norder by schools desc',
          line: 10,
          bound: {
            sql: 'select level_of_schooling as level, count(*) as schools\nfrom dim__school\ngroup by all\norder by schools desc',
            inputs: [],
          },
        },
      ],
      blocks: [
        {
          kind: 'markdown',
          html: '<h1>Schools</h1>\n<p>Some <strong>markdown</strong> text, with a {value} placeholder left as plain text.</p>\n',
          line: 6,
        },
        { kind: 'query', name: 'schools_by_level', line: 10 },
        {
          kind: 'component',
          name: 'BarChart',
          props: {
            data: { kind: 'query', name: 'schools_by_level' },
            x: { kind: 'string', value: 'level' },
            y: { kind: 'string', value: 'schools' },
            title: { kind: 'string', value: 'Schools by level' },
          },
          line: 17,
          endLine: 17,
        },
        {
          kind: 'component',
          name: 'SchoolMap',
          props: {
            data: { kind: 'query', name: 'schools' },
            lat: { kind: 'string', value: 'latitude' },
            long: { kind: 'string', value: 'longitude' },
            tooltip: { kind: 'string', value: 'school_name,town_suburb' },
          },
          line: 19,
          endLine: 24,
        },
      ],
      errors: [
        {
          line: 19,
          message:
            '<SchoolMap> data={schools} refers to no query in this report (defined queries, nearest first: schools_by_level)',
        },
      ],
    });
  });

  const outlines: [string, string[], string[]][] = [
    ['markdown alone', ['# A', '', 'text'], ['markdown@1']],
    [
      'a named sql fence between markdown',
      ['a', '', `${fence}sql q`, 'select 1', fence, '', 'b'],
      ['markdown@1', 'query q@3', 'markdown@7'],
    ],
    ['an unnamed sql fence as markdown', ['a', '', `${fence}sql`, 'select 1', fence], ['markdown@1']],
    ['a tag in a code fence as markdown', [`${fence}svelte`, '<BarChart data={q} />', fence], ['markdown@1']],
    ['a tag in a tilde fence as markdown', ['~~~', '<BarChart />', '~~~'], ['markdown@1']],
    ['a tag in an indented code block as markdown', ['text', '', '    <BarChart />'], ['markdown@1']],
    ['a tag in a block quote as markdown', ['> <BarChart />'], ['markdown@1']],
    ['a tag inside a list item as markdown', ['- item', '', '  <BarChart />'], ['markdown@1']],
    [
      'a tag that interrupts a paragraph',
      ['text', '<BarChart />', 'more'],
      ['markdown@1', '<BarChart>@2-2', 'markdown@3'],
    ],
    ['a tag right after a list', ['- item', '<BarChart />'], ['markdown@1', '<BarChart>@2-2']],
    ['a tag right after a block quote', ['> quote', '<BarChart />'], ['markdown@1', '<BarChart>@2-2']],
    ['a tag indented by three spaces', ['   <BarChart />'], ['<BarChart>@1-1']],
    ['a multi-line tag', ['<LineChart', '  x=a', '  y=b', '/>', 'after'], ['<LineChart>@1-4', 'markdown@5']],
    ['a paired tag', ['<Details>', '', 'hidden', '', '</Details>', '', 'after'], ['<Details>@1-5', 'markdown@7']],
    ['two adjacent tags', ['<A />', '<B', '/>'], ['<A>@1-1', '<B>@2-3']],
    ['a lowercase tag as markdown', ['<div>hi</div>'], ['markdown@1']],
    ['a tag after frontmatter, counting its lines', ['---', 'a: 1', '---', '<A />'], ['<A>@4-4']],
    [
      'CRLF line endings',
      ['text\r', '\r', '<A\r', '/>\r', '\r', `${fence}sql q\r`, 'select 1\r', fence],
      ['markdown@1', '<A>@3-4', 'query q@6'],
    ],
  ];

  it.each(outlines)('places %s', (_, lines, expected) => {
    expect(outline(parse(lines).blocks)).toEqual(expected);
  });

  const html: [string, string[], string][] = [
    [
      'escapes raw <script> html',
      ['Hi <script>alert(1)</script>'],
      '<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    ],
    [
      'escapes a raw html block',
      ['<script>', 'alert(1)', '</script>'],
      '<p>&lt;script&gt;\nalert(1)\n&lt;/script&gt;</p>\n',
    ],
    ['leaves {placeholders} as text', ['Total: {total}'], '<p>Total: {total}</p>\n'],
    ['does not linkify bare urls', ['see https://example.com'], '<p>see https://example.com</p>\n'],
    [
      'renders an unnamed sql fence as code',
      [`${fence}sql`, 'select 1', fence],
      '<pre><code class="language-sql">select 1\n</code></pre>\n',
    ],
    [
      'keeps a tag in a code fence as escaped code',
      [`${fence}`, '<A x=1 />', fence],
      '<pre><code>&lt;A x=1 /&gt;\n</code></pre>\n',
    ],
  ];

  it.each(html)('%s', (_, lines, expected) => {
    expect(parse(lines).blocks[0]).toEqual({ kind: 'markdown', html: expected, line: 1 });
  });

  it('resolves a reference link defined after a component (one env for all markdown blocks)', () => {
    const { blocks } = parse(['[docs][ref]', '', '<A />', '', '[ref]: https://example.com']);
    expect(blocks[0]).toEqual({
      kind: 'markdown',
      html: '<p><a href="https://example.com">docs</a></p>\n',
      line: 1,
    });
  });

  it('gives a paired tag its children and props', () => {
    const { blocks } = parse(['<Details title="More" open>', 'Some **text**', '</Details>']);
    expect(blocks).toEqual([
      {
        kind: 'component',
        name: 'Details',
        props: { title: { kind: 'string', value: 'More' }, open: { kind: 'boolean', value: true } },
        children: '\nSome **text**\n',
        line: 1,
        endLine: 3,
      },
    ]);
  });

  it('keeps each query once, with its opening line and SQL', () => {
    const { queries } = parse([
      `${fence}sql a`,
      'select 1',
      fence,
      '',
      `~~~SQL b extra words`,
      'select 2',
      '',
      'from t',
      '~~~',
    ]);
    expect(queries).toEqual([
      { name: 'a', sql: 'select 1', line: 1, bound: { sql: 'select 1', inputs: [] } },
      { name: 'b', sql: 'select 2\n\nfrom t', line: 5, bound: { sql: 'select 2\n\nfrom t', inputs: [] } },
    ]);
  });

  it("binds each query's inputs, and places a bad placeholder on its line in the file", () => {
    const report = parse([
      '# Schools',
      '',
      '```sql by_level',
      'select * from dim__school',
      "where level_of_schooling = ${inputs.level} and school_name ilike '%${inputs.search}%'",
      '  and lga = ${lga}',
      '```',
    ]);
    expect(report.queries[0]?.bound).toEqual({
      sql: "select * from dim__school\nwhere level_of_schooling = $1 and school_name ilike ('%' || $2::VARCHAR || '%')\n  and lga = ${lga}",
      inputs: ['level', 'search'],
    });
    expect(report.errors).toEqual([
      { line: 6, message: "Query 'by_level': ${lga}: a report query can only use inputs, written ${inputs.name}" },
    ]);
  });

  const titles: [string, string[], string, string][] = [
    ['frontmatter title over the heading', ['---', 'title: From YAML', '---', '# From heading'], 'r.md', 'From YAML'],
    ['the first # heading', ['## Sub', '', '# Main *title* `x`', '', '# Second'], 'r.md', 'Main title x'],
    ['a setext heading', ['Main', '===='], 'r.md', 'Main'],
    ['the heading when the frontmatter title is not text', ['---', 'title: 42', '---', '# Heading'], 'r.md', 'Heading'],
    ['the file name without extension', ['## Only a subheading'], 'reports/enrolment.trends.md', 'enrolment.trends'],
    ['a windows file name', ['text'], 'reports\\schools.md', 'schools'],
  ];

  it.each(titles)('takes the title from %s', (_, lines, path, expected) => {
    expect(parse(lines, path).title).toBe(expected);
  });

  const frontmatters: [string, string[], Record<string, unknown>, string | undefined][] = [
    ['none', ['# A'], {}, undefined],
    ['empty', ['---', '---', '# A'], {}, undefined],
    ['closed with ...', ['---', 'description: D', '...'], { description: 'D' }, 'D'],
    ['nested values', ['---', 'tags: [a, b]', 'n: 3', '---'], { tags: ['a', 'b'], n: 3 }, undefined],
    ['a non-text description', ['---', 'description: 3', '---'], { description: 3 }, undefined],
  ];

  it.each(frontmatters)('reads frontmatter: %s', (_, lines, frontmatter, description) => {
    const report = parse(lines);
    expect(report.frontmatter).toEqual(frontmatter);
    expect(report.description).toBe(description);
    expect(report.errors).toEqual([]);
  });
});

describe('parseReport errors', () => {
  const cases: [string, string[], ReportError[], string[]][] = [
    [
      'a self-closing tag never closed',
      ['<BarChart data={q}', '  x=a', '', 'after', '', `${fence}sql q`, 'select 1', fence],
      [{ line: 1, message: "<BarChart> opened on line 1 is never closed: add '/>'" }],
      ['markdown@4', 'query q@6'],
    ],
    [
      'a tag never closed before the next tag',
      ['<A x=1', '<B />'],
      [{ line: 1, message: "<A> opened on line 1 is never closed: add '/>'" }],
      ['<B>@2-2'],
    ],
    [
      'a paired tag never closed',
      ['<Tabs>', 'text', '', '<A />'],
      [{ line: 1, message: "<Tabs> opened on line 1 is never closed: add '</Tabs>' or end it with '/>'" }],
      ['markdown@2', '<A>@4-4'],
    ],
    [
      'an unbalanced quote',
      ['<A title="x />', '', '<B />'],
      [{ line: 1, message: `<A> on line 1: the " opening the value of 'title' is never closed` }],
      ['<B>@3-3'],
    ],
    [
      'an unbalanced brace',
      ['<A', '  data={q', '/>', '', '<B />'],
      [{ line: 1, message: "<A> on line 1: the { opening the value of 'data' is never closed" }],
      ['<B>@5-5'],
    ],
    [
      'a stray closing brace',
      ['<A x=1 } />', '<B />'],
      [{ line: 1, message: "<A> on line 1: unexpected '}' where an attribute name should be" }],
      ['<B>@2-2'],
    ],
    [
      'text after a tag',
      ['<A /> and more'],
      [{ line: 1, message: 'Text after <A> on line 1 is ignored: put it on its own line' }],
      ['<A>@1-1'],
    ],
    [
      'an unknown query, nearest names first',
      [
        `${fence}sql enrolments`,
        'x',
        fence,
        `${fence}sql schools_by_level`,
        'x',
        fence,
        `${fence}sql schools`,
        'x',
        fence,
        '<A data={scools} />',
      ],
      [
        {
          line: 10,
          message:
            '<A> data={scools} refers to no query in this report (defined queries, nearest first: schools, schools_by_level, enrolments)',
        },
      ],
      ['query enrolments@1', 'query schools_by_level@4', 'query schools@7', '<A>@10-10'],
    ],
    [
      'an unknown query when none are defined',
      ['<A', '  data={q}', '  series={s}', '/>'],
      [
        {
          line: 1,
          message: '<A> data={q} refers to no query in this report (this report defines no queries)',
        },
        {
          line: 1,
          message: '<A> series={s} refers to no query in this report (this report defines no queries)',
        },
      ],
      ['<A>@1-4'],
    ],
    [
      'no error for a query defined after its use',
      ['<A data={q} />', '', `${fence}sql q`, 'x', fence],
      [],
      ['<A>@1-1', 'query q@3'],
    ],
    [
      'a duplicate query name',
      [`${fence}sql q`, 'select 1', fence, '', `${fence}sql q`, 'select 2', fence, '', '<A data={q} />'],
      [{ line: 5, message: "Query 'q' is defined twice, on line 1 and line 5: rename one" }],
      ['query q@1', 'markdown@5', '<A>@9-9'],
    ],
    [
      'a query name that data={…} cannot reach',
      [`${fence}sql my-query`, 'select 1', fence],
      [
        {
          line: 1,
          message: "Query name 'my-query' on line 1 cannot be used in data={…}: use letters, digits and _",
        },
      ],
      ['markdown@1'],
    ],
    [
      'an unterminated sql fence, closed at its first blank line',
      ['# T', '', `${fence}sql q`, 'select 1', '', '<A data={q} />'],
      [
        {
          line: 3,
          message: "The sql fence 'q' opened on line 3 is never closed: add a ``` line after the query",
        },
      ],
      ['markdown@1', 'query q@3', '<A>@6-6'],
    ],
    [
      'an unterminated sql fence followed by another',
      [`${fence}sql a`, 'select 1', '', `${fence}sql b`, 'select 2', fence],
      [
        {
          line: 1,
          message: "The sql fence 'a' opened on line 1 is never closed: add a ``` line after the query",
        },
      ],
      ['query a@1', 'query b@4'],
    ],
    [
      'an unterminated sql fence at the end of the file',
      ['text', `~~~~sql q`, 'select 1'],
      [
        {
          line: 2,
          message: "The sql fence 'q' opened on line 2 is never closed: add a ~~~~ line after the query",
        },
      ],
      ['markdown@1', 'query q@2'],
    ],
    [
      'frontmatter never closed',
      ['---', 'title: T', '', '# Heading'],
      [{ line: 1, message: "The frontmatter opened on line 1 is never closed: add a '---' line after it" }],
      ['markdown@1'],
    ],
    [
      'invalid YAML, at its line in the file',
      ['---', 'title: ok', 'tags: [a', '---', '<A />'],
      [
        {
          line: 3,
          message: 'Frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
      ['<A>@5-5'],
    ],
    [
      'a duplicate YAML key',
      ['---', 'a: 1', 'a: 2', '---'],
      [{ line: 3, message: 'Frontmatter: Map keys must be unique' }],
      [],
    ],
    [
      'YAML that is a list',
      ['---', '- a', '---'],
      [{ line: 2, message: 'Frontmatter must be `key: value` lines' }],
      [],
    ],
    [
      'several problems, sorted by line',
      ['<A data={nope} />', '<B x=', '', `${fence}sql q`, 'x'],
      [
        {
          line: 1,
          message: '<A> data={nope} refers to no query in this report (defined queries, nearest first: q)',
        },
        { line: 2, message: "<B> on line 2: 'x=' has no value" },
        {
          line: 4,
          message: "The sql fence 'q' opened on line 4 is never closed: add a ``` line after the query",
        },
      ],
      ['<A>@1-1', 'query q@4'],
    ],
  ];

  it.each(cases)('reports %s and parses the rest', (_, lines, errors, blocks) => {
    const report = parse(lines);
    expect(report.errors).toEqual(errors);
    expect(outline(report.blocks)).toEqual(blocks);
  });

  it('never throws on hostile input', () => {
    const sources = ['', '---', '<', '<A', '<A {', '```sql', '---\n&a [*a, *a]\n---', '<A x={`}', '\u0000<B/>'];
    for (const source of sources) expect(() => parseReport({ path: 'x.md', source })).not.toThrow();
  });
});
