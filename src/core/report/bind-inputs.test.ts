import { describe, expect, it } from 'vitest';
import { bindInputs, inputsUsed } from './bind-inputs.ts';

describe('bindInputs', () => {
  it.each([
    {
      name: 'a bare placeholder becomes a numbered parameter',
      sql: 'select * from dim__school where level_of_schooling = ${inputs.level}',
      bound: 'select * from dim__school where level_of_schooling = $1',
      inputs: ['level'],
    },
    {
      name: "Evidence's .value suffix names the same input",
      sql: 'select 1 where a = ${inputs.level.value} and b = ${inputs.level}',
      bound: 'select 1 where a = $1 and b = $1',
      inputs: ['level'],
    },
    {
      name: 'inputs are numbered in order of first use',
      sql: 'where year = ${ inputs.year } and lga = ${inputs.lga} and y2 = ${inputs.year}',
      bound: 'where year = $1 and lga = $2 and y2 = $1',
      inputs: ['year', 'lga'],
    },
    {
      name: 'a placeholder inside a string literal joins the literal around the parameter',
      sql: "where school_name ilike '%${inputs.search}%'",
      bound: "where school_name ilike ('%' || $1::VARCHAR || '%')",
      inputs: ['search'],
    },
    {
      name: 'a literal that is only a placeholder is the parameter as text',
      sql: "where town = '${inputs.town}'",
      bound: 'where town = $1::VARCHAR',
      inputs: ['town'],
    },
    {
      name: 'escaped quotes in a literal are kept as they were written',
      sql: "where name = 'O''Connor ${inputs.suffix}'",
      bound: "where name = ('O''Connor ' || $1::VARCHAR)",
      inputs: ['suffix'],
    },
    {
      name: 'comments are left alone',
      sql: 'select 1 -- ${inputs.ignored}\n/* ${inputs.also} */ where x = ${inputs.used}',
      bound: 'select 1 -- ${inputs.ignored}\n/* ${inputs.also} */ where x = $1',
      inputs: ['used'],
    },
    {
      name: 'a query without inputs is unchanged',
      sql: 'select \'$1\', "a$" from t where price > 5',
      bound: 'select \'$1\', "a$" from t where price > 5',
      inputs: [],
    },
  ])('$name', ({ sql, bound, inputs }) => {
    const result = bindInputs(sql);
    expect(result.problems).toEqual([]);
    expect(result.sql).toBe(bound);
    expect(result.inputs).toEqual(inputs);
    expect(inputsUsed(sql)).toEqual(inputs);
  });

  it.each([
    {
      name: 'anything but an input',
      sql: 'select 1\nwhere x = ${params.year}',
      line: 2,
      message: '${params.year}: a report query can only use inputs, written ${inputs.name}',
    },
    {
      name: 'an expression on an input',
      sql: 'where x = ${inputs.year + 1}',
      line: 1,
      message: '${inputs.year + 1}: a report query can only use inputs, written ${inputs.name}',
    },
    { name: 'an unclosed placeholder', sql: 'where x = ${inputs.year', line: 1, message: /never closed/ },
    {
      name: 'an input naming a column',
      sql: 'select\n  "${inputs.column}" from t',
      line: 2,
      message: /"\$\{inputs\.column\}": an input cannot name a column or table/,
    },
    {
      name: 'a bad placeholder inside a literal',
      sql: "where a like '%${oops}%'",
      line: 1,
      message: /only use inputs/,
    },
  ])('says what is wrong with $name, and where', ({ sql, line, message }) => {
    const { problems } = bindInputs(sql);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toMatch(message);
  });

  it('never puts a value into the text: the bound SQL is the same whatever the input holds', () => {
    const sql = "select * from t where a = ${inputs.a} and b like '%${inputs.b}%'";
    expect(bindInputs(sql).sql).not.toMatch(/\$\{/);
    expect(bindInputs(sql).sql).toBe("select * from t where a = $1 and b like ('%' || $2::VARCHAR || '%')");
  });
});
