import { describe, expect, it } from 'vitest';
import { formatMarkdownTable, formatTextTable, judge, summarizeVerdicts } from './table.ts';

const rows = [
  judge({
    id: 'P1',
    figure: 'cold start',
    value: 3000,
    unit: 'ms',
    reference: 1500,
    referenceLabel: 'bare engine',
    target: { on: 'ratio', comparison: 'le', limit: 1 },
    note: 'median of 3 | alternating',
  }),
  judge({
    id: 'P5',
    figure: 'initial JS',
    value: 200,
    unit: 'KB',
    target: { on: 'value', comparison: 'le', limit: 250 },
  }),
  judge({ id: 'P3', figure: 'edit', unit: 'ms', target: { on: 'value', comparison: 'le', limit: 150 } }),
];

describe('bench table', () => {
  it('judges ratios and values', () => {
    expect(rows.map((row) => [row.ratio, row.verdict])).toEqual([
      [2, 'FAIL'],
      [undefined, 'pass'],
      [undefined, 'n/a'],
    ]);
    expect(summarizeVerdicts(rows)).toBe('1 pass, 1 FAIL, 1 n/a');
  });

  it('pads the text table', () => {
    expect(formatTextTable(rows).split('\n')).toEqual([
      '    Figure      Measured  Reference               Ratio  Target    Result',
      '--  ----------  --------  ----------------------  -----  --------  ------',
      'P1  cold start  3,000 ms  1,500 ms (bare engine)  2.00×  ≤ 1.0×    FAIL',
      'P5  initial JS  200 KB    —                       —      ≤ 250 KB  pass',
      'P3  edit        —         —                       —      ≤ 150 ms  n/a',
    ]);
  });

  it('writes markdown with escaped pipes and the notes below', () => {
    const markdown = formatMarkdownTable(rows);
    expect(markdown).toContain('| P1 | cold start | 3,000 ms | 1,500 ms (bare engine) | 2.00× | ≤ 1.0× | FAIL |');
    expect(markdown).toContain('- **P1**: median of 3 | alternating');
  });
});
