import { describe, expect, it } from 'vitest';
import { componentRegistry, defineComponent } from './component-spec.ts';
import { parseReport, type ComponentBlock } from './parse-report.ts';

const registry = componentRegistry([
  defineComponent({
    name: 'Alert',
    description: 'markdown content',
    props: { status: { type: 'enum', values: ['info', 'warning'], description: 'colour' } },
    children: 'markdown',
  }),
  defineComponent({
    name: 'LineChart',
    description: 'child tags',
    props: { data: { type: 'query', required: true, description: 'rows' } },
    children: {
      components: [
        defineComponent({
          name: 'ReferenceArea',
          description: 'a band',
          props: {
            xMin: { type: 'string', required: true, description: 'from' },
            label: { type: 'string', description: 'text' },
          },
        }),
      ],
    },
  }),
  defineComponent({ name: 'BigValue', description: 'no content', props: {} }),
]);

const fence = '```';
const query = [`${fence}sql q`, 'select 1 as a', fence, ''];
const parse = (lines: string[]) =>
  parseReport({ path: 'reports/t.md', source: lines.join('\n'), components: registry });
const components = (lines: string[]) =>
  parse(lines).blocks.filter((block): block is ComponentBlock => block.kind === 'component');

describe('component content', () => {
  it('renders markdown content, escaping raw HTML, and keeps the page around it', () => {
    const report = parse(['<Alert status=warning>', '  An **average** of <b>averages</b>.', '</Alert>', '', 'After.']);
    const [alert] = components(['<Alert status=warning>', '  An **average** of <b>averages</b>.', '</Alert>']);
    expect(alert?.html).toBe('<p>An <strong>average</strong> of &lt;b&gt;averages&lt;/b&gt;.</p>\n');
    expect(report.errors).toEqual([]);
    expect(report.blocks.at(-1)).toMatchObject({ kind: 'markdown', html: '<p>After.</p>\n' });
  });

  it('reads child tags, with their own lines, checked against the children the component allows', () => {
    const lines = [
      ...query, // 1-4
      '<LineChart data={q}>', // 5
      '  <ReferenceArea xMin=2020 label="COVID" />',
      '  <ReferenceArea',
      '    xMin=2022 />',
      '</LineChart>',
    ];
    const [chart] = components(lines);
    expect(parse(lines).errors).toEqual([]);
    expect(chart?.childTags?.map((tag) => [tag.name, tag.line, tag.props.xMin])).toEqual([
      ['ReferenceArea', 6, { kind: 'string', value: '2020' }],
      ['ReferenceArea', 7, { kind: 'string', value: '2022' }],
    ]);
  });

  it('names the line, the nearest child and the missing attribute of a wrong child', () => {
    const report = parse([
      ...query,
      '<LineChart data={q}>', // 5
      '  <RefrenceArea xMin=2020 />',
      '  <ReferenceArea label=x />',
      '</LineChart>',
    ]);
    expect(report.errors).toEqual([
      {
        line: 6,
        message:
          '<RefrenceArea> cannot stand inside <LineChart>: did you mean <ReferenceArea>? It takes <ReferenceArea>',
      },
      { line: 7, message: '<ReferenceArea> needs xMin="xMin" (from)' },
    ]);
  });

  it('says text inside a chart is not allowed, and content in a tag that takes none', () => {
    expect(parse([...query, '<LineChart data={q}>', 'some words', '</LineChart>']).errors).toEqual([
      { line: 6, message: 'Only <ReferenceArea> may stand inside <LineChart>; line 6 is text' },
    ]);
    expect(parse(['<BigValue>', 'text', '</BigValue>']).errors).toEqual([
      { line: 2, message: "<BigValue> takes no content: end it with '/>' instead" },
    ]);
  });
});
