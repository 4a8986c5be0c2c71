import { describe, expect, it } from 'vitest';
import { checkColumns, componentRegistry, defineComponent, resolveProps } from './component-spec.ts';
import { parseReport } from './parse-report.ts';

const bar = defineComponent({
  name: 'BarChart',
  description: 'bars',
  props: {
    data: { type: 'query', required: true, description: 'the rows' },
    x: { type: 'column', required: true, description: 'categories' },
    y: { type: 'column', required: true, description: 'heights' },
    title: { type: 'string', description: 'a title' },
    stacked: { type: 'boolean', default: false, description: 'stack the series' },
    orientation: { type: 'enum', values: ['vertical', 'horizontal'], default: 'vertical', description: 'which way' },
  },
});
const table = defineComponent({
  name: 'DataTable',
  description: 'rows',
  props: {
    data: { type: 'query', required: true, description: 'the rows' },
    rows: { type: 'number', default: 500, min: 1, integer: true, description: 'most rows' },
    tooltip: { type: 'columns', description: 'columns' },
  },
});
const registry = componentRegistry([bar, table]);

function errorsOf(body: string): Array<{ line: number; message: string }> {
  const source = `\`\`\`sql q\nselect 1 as a\n\`\`\`\n\n${body}\n`;
  return parseReport({ path: 'reports/r.md', source, components: registry }).errors;
}

describe('report components from one registry', () => {
  it('accepts a tag that uses its component as declared', () => {
    expect(errorsOf('<BarChart data={q} x=a y=a title="T" stacked orientation=horizontal />')).toEqual([]);
    expect(errorsOf('<DataTable data={q} rows=20 />')).toEqual([]);
    expect(errorsOf('<DataTable data={q} rows={20} />')).toEqual([]);
  });

  it('names an unknown component, its line and the nearest one', () => {
    expect(errorsOf('<BarChrt data={q} x=a y=a />')).toEqual([
      { line: 5, message: 'There is no component <BarChrt>: did you mean <BarChart>? Components: BarChart, DataTable' },
    ]);
  });

  it('names an unknown attribute and the nearest valid one', () => {
    expect(errorsOf('<BarChart data={q} x=a y=a titel="T" />')).toEqual([
      {
        line: 5,
        message:
          "<BarChart> has no attribute 'titel': did you mean title? It takes data (required), x (required), y (required), title, stacked, orientation",
      },
    ]);
  });

  it('says what is missing and how to write it', () => {
    expect(errorsOf('<BarChart data={q} x=a />')).toEqual([
      { line: 5, message: '<BarChart> needs y=column_name (heights)' },
    ]);
    expect(errorsOf('<BarChart x=a y=a />')).toEqual([
      { line: 5, message: '<BarChart> needs data={query_name} (the rows)' },
    ]);
  });

  it('checks each value against its type', () => {
    expect(errorsOf('<BarChart data=q x=a y=a />').map((e) => e.message)).toEqual([
      '<BarChart> data: write the name of a query in braces, as in {query_name}',
    ]);
    expect(errorsOf('<BarChart data={q} x={1} y=a />').map((e) => e.message)).toEqual([
      '<BarChart> x: write text (a bare word or "quoted"), not {1}',
    ]);
    expect(errorsOf('<BarChart data={q} x=a y=a stacked=yes />').map((e) => e.message)).toEqual([
      "<BarChart> stacked: write {true}, {false}, or the bare name; not 'yes'",
    ]);
    expect(errorsOf('<BarChart data={q} x=a y=a orientation=horizontl />').map((e) => e.message)).toEqual([
      "<BarChart> orientation: 'horizontl' is not one of vertical, horizontal (did you mean horizontal?)",
    ]);
    expect(errorsOf('<DataTable data={q} rows=0 />').map((e) => e.message)).toEqual([
      '<DataTable> rows: 0 is below the least allowed, 1',
    ]);
    expect(errorsOf('<DataTable data={q} rows=2.5 />').map((e) => e.message)).toEqual([
      '<DataTable> rows: 2.5 is not a whole number',
    ]);
    expect(errorsOf('<DataTable data={q} rows=many />').map((e) => e.message)).toEqual([
      "<DataTable> rows: write a number, as in {10}; not 'many'",
    ]);
  });

  it('reports the line of each bad tag and keeps parsing the rest', () => {
    const errors = errorsOf('<DataTable data={q} />\n\n<Nope />\n\n<DataTable data={q} rws=1 />');
    expect(errors.map((e) => e.line)).toEqual([7, 9]);
  });

  it('checks nothing without a registry, as before', () => {
    const source = '<Anything at=all />\n';
    expect(parseReport({ path: 'r.md', source }).errors).toEqual([]);
  });

  it('rejects two components of one name', () => {
    expect(() => componentRegistry([bar, bar])).toThrow('Two report components are named BarChart');
  });
});

describe('columns and typed values', () => {
  const [block] = parseReport({
    path: 'r.md',
    source: '<DataTable data={q} rows=20 tooltip="a, lga ,b" />\n',
    components: registry,
  }).blocks;
  if (block?.kind !== 'component') throw new Error('expected a component');

  it('names a column the query lacks, with the nearest real one', () => {
    expect(checkColumns({ tag: block, spec: table, columns: ['a', 'b', 'lga_name'] })).toEqual([
      "<DataTable> tooltip=lga: the query 'q' has no column 'lga' (did you mean lga_name?). Its columns: a, b, lga_name",
    ]);
    expect(checkColumns({ tag: block, spec: table, columns: ['a', 'b', 'lga'] })).toEqual([]);
  });

  it('gives the component typed values and the declared defaults', () => {
    const values = resolveProps({ tag: block, spec: table, resultOf: (name) => `result of ${name}` });
    expect(values).toEqual({ data: 'result of q', rows: 20, tooltip: ['a', 'lga', 'b'] });
    const [plain] = parseReport({ path: 'r.md', source: '<DataTable data={q} />\n' }).blocks;
    if (plain?.kind !== 'component') throw new Error('expected a component');
    expect(resolveProps({ tag: plain, spec: table, resultOf: () => 1 })).toEqual({ data: 1, rows: 500, tooltip: [] });
  });
});
