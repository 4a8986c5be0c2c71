import { describe, expect, it } from 'vitest';
import { locateSqlError } from './locate-error.ts';

const RAW = "-- orders\n{% set x = 1 %}\nselect\n    order_id,\n    nope\nfrom {{ ref('stg_orders') }}";

describe('locateSqlError', () => {
  it.each([
    [
      'the quoted line found verbatim in the file',
      'Binder Error: column "nope" not found\n\nLINE 5:     nope\n            ^',
      5,
    ],
    [
      'a line Jinja rewrote, counted back from the statement',
      'Parser Error: syntax error\n\nLINE 7: from "main"."stg_orders" x y\n              ^',
      6,
    ],
    ['no LINE in the message', 'Catalog Error: Table with name x does not exist!', undefined],
  ])('%s', (_name, message, expected) => {
    expect(locateSqlError({ message, rawSql: RAW, statementLinesBefore: 1 })).toBe(expected);
  });

  it('falls back to the statement line minus the lines before the compiled SQL', () => {
    expect(
      locateSqlError({ message: 'Error\nLINE 3: something else', rawSql: 'a\nb\nc', statementLinesBefore: 1 }),
    ).toBe(2);
  });
});
