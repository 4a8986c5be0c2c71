import { describe, expect, it } from 'vitest';
import { projectDataKey, queryKey, sampleDataKey, snapshotDataKey } from './results-key.ts';

const files = [
  { path: 'dbt_project.yml', content: 'name: demo\n' },
  { path: 'models/staging/stg__a.sql', content: 'select 1 as a\n' },
  { path: 'reports/index.md', content: '# Overview\n```sql n\nselect 1\n```\n' },
];
const sample = sampleDataKey([
  { name: 'a.csv', hash: '0000aaaa' },
  { name: 'b.xlsx', hash: '0000bbbb' },
]);

describe('projectDataKey', () => {
  it('is the same for the same files and data, in any order', () => {
    expect(projectDataKey({ files, data: sample })).toBe(projectDataKey({ files: [...files].reverse(), data: sample }));
    expect(projectDataKey({ files, data: sample })).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['a model edited by one character', files.map((f, i) => (i === 1 ? { ...f, content: 'select 2 as a\n' } : f))],
    ['a report edited', files.map((f, i) => (i === 2 ? { ...f, content: `${f.content} ` } : f))],
    ['a file added', [...files, { path: 'models/staging/stg__b.sql', content: 'select 1\n' }]],
    ['a file removed', files.slice(1)],
    ['a file renamed', files.map((f, i) => (i === 1 ? { ...f, path: 'models/staging/stg__z.sql' } : f))],
    ['content moved between files', files.map((f, i) => (i === 0 ? { ...f, content: '' } : f))],
  ])('changes with %s', (_, changed) => {
    expect(projectDataKey({ files: changed, data: sample })).not.toBe(projectDataKey({ files, data: sample }));
  });

  it('changes with the data: another sample file, another snapshot, or a snapshot instead of the sample', () => {
    const key = projectDataKey({ files, data: sample });
    const otherSample = sampleDataKey([
      { name: 'a.csv', hash: '0000aaab' },
      { name: 'b.xlsx', hash: '0000bbbb' },
    ]);
    expect(projectDataKey({ files, data: otherSample })).not.toBe(key);
    const snapshot = snapshotDataKey('{"fetchedAt":"2026-01-01","files":{}}');
    expect(projectDataKey({ files, data: snapshot })).not.toBe(key);
    expect(snapshotDataKey('{"fetchedAt":"2026-01-02","files":{}}')).not.toBe(snapshot);
  });
});

describe('sampleDataKey', () => {
  it('names the files and their bytes, not their order', () => {
    expect(sample).toBe(
      sampleDataKey([
        { name: 'b.xlsx', hash: '0000bbbb' },
        { name: 'a.csv', hash: '0000aaaa' },
      ]),
    );
    expect(sampleDataKey([{ name: 'a.csv', hash: '0000aaaa' }])).not.toBe(sample);
  });
});

describe('queryKey', () => {
  it('is the same for the same SQL and parameter values', () => {
    expect(queryKey({ sql: 'select ?', params: ['Primary'] })).toBe(queryKey({ sql: 'select ?', params: ['Primary'] }));
  });

  it('changes with the SQL, any input value, or a value of another type', () => {
    const key = queryKey({ sql: 'select ?', params: ['1'] });
    expect(queryKey({ sql: 'select  ?', params: ['1'] })).not.toBe(key);
    expect(queryKey({ sql: 'select ?', params: ['2'] })).not.toBe(key);
    expect(queryKey({ sql: 'select ?', params: [1] })).not.toBe(key);
    expect(queryKey({ sql: 'select ?', params: [null] })).not.toBe(queryKey({ sql: 'select ?', params: ['null'] }));
    expect(queryKey({ sql: 'select ?', params: [] })).not.toBe(key);
  });
});
