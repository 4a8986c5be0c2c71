import { describe, expect, it } from 'vitest';
import { parseAttributes, readComponentTag, type AttributesResult } from './parse-attributes.ts';

describe('parseAttributes', () => {
  const cases: [string, string, AttributesResult][] = [
    ['nothing', '', { props: {} }],
    ['only whitespace and newlines', ' \n\t ', { props: {} }],
    ['a bare value', 'x=level', { props: { x: { kind: 'string', value: 'level' } } }],
    ['a double-quoted value', 'x="level"', { props: { x: { kind: 'string', value: 'level' } } }],
    ['a single-quoted value', "x='level'", { props: { x: { kind: 'string', value: 'level' } } }],
    ['an empty quoted value', 'title=""', { props: { title: { kind: 'string', value: '' } } }],
    ['spaces around =', 'x = "a b"', { props: { x: { kind: 'string', value: 'a b' } } }],
    [
      'quotes keep >, /> and the other quote',
      `title="a > b />" note='say "hi"'`,
      {
        props: {
          title: { kind: 'string', value: 'a > b />' },
          note: { kind: 'string', value: 'say "hi"' },
        },
      },
    ],
    ['a quoted value spanning lines', 'title="one\ntwo"', { props: { title: { kind: 'string', value: 'one\ntwo' } } }],
    ['a query reference', 'data={schools}', { props: { data: { kind: 'query', name: 'schools' } } }],
    [
      'a query reference in any attribute',
      'series={by_level}',
      { props: { series: { kind: 'query', name: 'by_level' } } },
    ],
    [
      'a query reference with inner spaces',
      'data={ schools }',
      { props: { data: { kind: 'query', name: 'schools' } } },
    ],
    ['a bare attribute', 'search', { props: { search: { kind: 'boolean', value: true } } }],
    ['{true}', 'legend={true}', { props: { legend: { kind: 'boolean', value: true } } }],
    ['{false}', 'legend={ false }', { props: { legend: { kind: 'boolean', value: false } } }],
    ['an integer', 'rows={100}', { props: { rows: { kind: 'number', value: 100 } } }],
    ['a negative decimal', 'min={-1.5}', { props: { min: { kind: 'number', value: -1.5 } } }],
    ['an exponent', 'max={1e3}', { props: { max: { kind: 'number', value: 1000 } } }],
    ['an array expression', "cols={['a','b']}", { props: { cols: { kind: 'expression', source: "['a','b']" } } }],
    ['a member expression', 'v={inputs.year}', { props: { v: { kind: 'expression', source: 'inputs.year' } } }],
    ['{null} is not a query', 'v={null}', { props: { v: { kind: 'expression', source: 'null' } } }],
    ['nested braces', 'o={{a: {b: 1}}}', { props: { o: { kind: 'expression', source: '{a: {b: 1}}' } } }],
    ['a brace inside a JS string', "s={'}'}", { props: { s: { kind: 'expression', source: "'}'" } } }],
    [
      'an escaped quote inside a JS string',
      "s={'it\\'s }'}",
      { props: { s: { kind: 'expression', source: "'it\\'s }'" } } },
    ],
    ['a brace inside a template literal', 's={`a}`}', { props: { s: { kind: 'expression', source: '`a}`' } } }],
    ['> inside braces', 'f={a > b}', { props: { f: { kind: 'expression', source: 'a > b' } } }],
    [
      'an expression spanning lines',
      'c={[\n  1,\n  2\n]}',
      { props: { c: { kind: 'expression', source: '[\n  1,\n  2\n]' } } },
    ],
    [
      'mixed attributes over several lines',
      '\n  data={q}\n  x=level\n  search\n  title="T"\n',
      {
        props: {
          data: { kind: 'query', name: 'q' },
          x: { kind: 'string', value: 'level' },
          search: { kind: 'boolean', value: true },
          title: { kind: 'string', value: 'T' },
        },
      },
    ],
    [
      'svelte-style and dashed names',
      'bind:value=y data-x=1',
      { props: { 'bind:value': { kind: 'string', value: 'y' }, 'data-x': { kind: 'string', value: '1' } } },
    ],
    ['a bare value may contain /', 'path=a/b', { props: { path: { kind: 'string', value: 'a/b' } } }],
  ];

  it.each(cases)('reads %s', (_, source, expected) => {
    expect(parseAttributes(source)).toEqual(expected);
  });

  it('keeps an attribute named __proto__ as an own property (prototype pollution)', () => {
    const { props } = parseAttributes('__proto__=x');
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(Object.keys(props)).toEqual(['__proto__']);
  });

  const errors: [string, string, AttributesResult][] = [
    [
      'an unclosed double quote',
      'x=a title="Schools',
      {
        props: { x: { kind: 'string', value: 'a' } },
        error: `the " opening the value of 'title' is never closed`,
      },
    ],
    [
      'an unclosed single quote',
      "title='Schools",
      { props: {}, error: `the ' opening the value of 'title' is never closed` },
    ],
    ['an unclosed brace', 'data={q', { props: {}, error: "the { opening the value of 'data' is never closed" }],
    ['an unclosed nested brace', 'o={{a: 1}', { props: {}, error: "the { opening the value of 'o' is never closed" }],
    [
      'a stray closing brace',
      'x=1 }',
      {
        props: { x: { kind: 'string', value: '1' } },
        error: "unexpected '}' where an attribute name should be",
      },
    ],
    ['a stray quote', '"a"', { props: {}, error: `unexpected '"' where an attribute name should be` }],
    ['a missing value', 'x=', { props: {}, error: "'x=' has no value" }],
    ['empty braces', 'x={ }', { props: {}, error: "'x={}' has nothing between the braces" }],
    [
      'a repeated attribute',
      'x=a x=b',
      { props: { x: { kind: 'string', value: 'a' } }, error: "attribute 'x' is given twice" },
    ],
    [
      'an end of tag inside the attributes',
      'x=a /> y=b',
      { props: { x: { kind: 'string', value: 'a' } }, error: "unexpected '/' in the attributes" },
    ],
  ];

  it.each(errors)('reports %s and keeps what came before', (_, source, expected) => {
    expect(parseAttributes(source)).toEqual(expected);
  });
});

describe('readComponentTag', () => {
  const cases: [string, string[], ReturnType<typeof readComponentTag>][] = [
    ['a line that starts no tag', ['Some text'], undefined],
    ['a lowercase html tag', ['<div>'], undefined],
    ['a tag indented by four spaces (code)', ['    <A />'], undefined],
    [
      'a self-closing tag',
      ['<A x=1 />'],
      {
        next: 1,
        tag: { name: 'A', props: { x: { kind: 'string', value: '1' } }, line: 1, endLine: 1 },
        errors: [],
      },
    ],
    [
      'a self-closing tag without a space',
      ['<Divider/>', 'after'],
      { next: 1, tag: { name: 'Divider', props: {}, line: 1, endLine: 1 }, errors: [] },
    ],
    [
      'a multi-line tag',
      ['<A', '  x=1', '/>', 'after'],
      {
        next: 3,
        tag: { name: 'A', props: { x: { kind: 'string', value: '1' } }, line: 1, endLine: 3 },
        errors: [],
      },
    ],
    [
      'a paired tag with children',
      ['<Details title="T">', 'Some *text*', '', 'More', '</Details>', 'after'],
      {
        next: 5,
        tag: {
          name: 'Details',
          props: { title: { kind: 'string', value: 'T' } },
          children: '\nSome *text*\n\nMore\n',
          line: 1,
          endLine: 5,
        },
        errors: [],
      },
    ],
    [
      'a paired tag on one line',
      ['<Note>hi</Note>'],
      { next: 1, tag: { name: 'Note', props: {}, children: 'hi', line: 1, endLine: 1 }, errors: [] },
    ],
    [
      'an unclosed tag, stopped by a blank line',
      ['<A x=1', '', 'after'],
      { next: 1, errors: [{ line: 1, message: "<A> opened on line 1 is never closed: add '/>'" }] },
    ],
    [
      'an unclosed tag, stopped by the next tag',
      ['<A x=1', '<B />'],
      { next: 1, errors: [{ line: 1, message: "<A> opened on line 1 is never closed: add '/>'" }] },
    ],
    [
      'an unclosed quote, stopped by a blank line',
      ['<A title="x />', '', 'after'],
      {
        next: 1,
        errors: [{ line: 1, message: `<A> on line 1: the " opening the value of 'title' is never closed` }],
      },
    ],
    [
      'a paired tag never closed',
      ['<Tabs>', 'text'],
      {
        next: 1,
        errors: [{ line: 1, message: "<Tabs> opened on line 1 is never closed: add '</Tabs>' or end it with '/>'" }],
      },
    ],
    [
      'text after the tag on the same line',
      ['<A /> trailing'],
      {
        next: 1,
        tag: { name: 'A', props: {}, line: 1, endLine: 1 },
        errors: [{ line: 1, message: 'Text after <A> on line 1 is ignored: put it on its own line' }],
      },
    ],
  ];

  it.each(cases)('reads %s', (_, lines, expected) => {
    expect(readComponentTag({ lines, startLine: 0 })).toEqual(expected);
  });
});
