import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readProjectArchive, writeProjectArchive } from './project-archive.ts';

const FILES = [
  { path: 'dbt_project.yml', content: 'name: shop\n' },
  { path: 'models/staging/stg_orders.sql', content: "select 'café' as name" },
  { path: 'seeds/countries.csv', content: 'code\nAU\n' },
];

describe('project archives', () => {
  it('round-trips a project through a zip with one top folder', () => {
    const bytes = writeProjectArchive({ name: 'nsw schools', files: FILES });
    expect(readProjectArchive(bytes)).toEqual({ files: FILES });
  });

  it('reads a zip with the project at its root, ignoring macOS litter', () => {
    const bytes = zipSync({
      'dbt_project.yml': strToU8('name: shop\n'),
      'models/a.sql': strToU8('select 1'),
      '__MACOSX/models/._a.sql': strToU8('junk'),
    });
    expect(readProjectArchive(bytes).files?.map((file) => file.path)).toEqual(['dbt_project.yml', 'models/a.sql']);
  });

  it('refuses what is not a project, naming the entry at fault', () => {
    expect(readProjectArchive(strToU8('not a zip')).error).toMatch(/not a zip archive/);
    expect(readProjectArchive(zipSync({ 'models/a.sql': strToU8('select 1') })).error).toMatch(/no dbt_project.yml/);
    expect(
      readProjectArchive(zipSync({ 'p/dbt_project.yml': strToU8('name: x'), 'p/../evil.sql': strToU8('x') })).error,
    ).toMatch(/p\/\.\.\/evil\.sql: a path that leaves the project/);
    expect(readProjectArchive(zipSync({ 'dbt_project.yml': strToU8('x'), 'run.sh': strToU8('rm -rf') })).error).toMatch(
      /run\.sh: only a project's text files/,
    );
    expect(
      readProjectArchive(zipSync({ 'dbt_project.yml': strToU8('x'), 'models/a.sql': new Uint8Array([0xff, 0xfe]) }))
        .error,
    ).toMatch(/models\/a\.sql is not UTF-8/);
  });

  it('refuses archives past the limits before unzipping them whole', () => {
    const bytes = zipSync({ 'dbt_project.yml': strToU8('x'), 'models/a.sql': strToU8('x'.repeat(2000)) });
    expect(readProjectArchive(bytes, { files: 10, fileBytes: 1000, totalBytes: 10_000 }).error).toMatch(
      /models\/a\.sql is 2 KB unzipped; the limit is 1 KB/,
    );
    expect(readProjectArchive(bytes, { files: 1, fileBytes: 10_000, totalBytes: 10_000 }).error).toMatch(/at most 1/);
    expect(readProjectArchive(bytes, { files: 10, fileBytes: 10_000, totalBytes: 1000 }).error).toMatch(/unzips to/);
  });
});
