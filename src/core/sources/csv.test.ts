import { describe, expect, it } from 'vitest';
import { CsvError, formatCsv, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it.each([
    [
      'plain LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and BOM',
      '\uFEFFa,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'old Mac CR',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['no final newline', 'a\n1', [['a'], ['1']]],
    [
      'quoted commas and doubled quotes',
      'a,b\n"Level 2, 10 Smith St","say ""hi"""\n',
      [
        ['a', 'b'],
        ['Level 2, 10 Smith St', 'say "hi"'],
      ],
    ],
    ['line break inside quotes', 'a\n"two\nlines"\n', [['a'], ['two\nlines']]],
    ['empty cells and blank rows kept', 'a,b\n,\n\n1,\n', [['a', 'b'], ['', ''], [''], ['1', '']]],
    ['spaces are data', ' a , b \n', [[' a ', ' b ']]],
    [
      'money text',
      'School Code,Total\nTotal,"$1,234,567"\n',
      [
        ['School Code', 'Total'],
        ['Total', '$1,234,567'],
      ],
    ],
    ['empty input', '', []],
  ])('%s', (_name, input, expected) => {
    expect(parseCsv(input)).toEqual(expected);
  });

  it('names the line where an unclosed quote starts (a truncated download)', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"unfinished\n')).toThrow(
      new CsvError('A quoted cell is never closed: the file may be truncated', 3),
    );
  });
});

describe('formatCsv', () => {
  it('round-trips what parseCsv reads', () => {
    const rows = [
      ['School Code', ' Sum of RAM Funding (incl oncosts) $ '],
      ['1001', '$367,074'],
      ['x', 'a "quote"\nand a line'],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});
