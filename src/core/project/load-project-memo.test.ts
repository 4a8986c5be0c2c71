import { describe, expect, it } from 'vitest';
import { loadProjectMemo } from './load-project-memo.ts';
import { readYaml } from './read-yaml.ts';

const files = [
  { path: 'models/a.sql', content: 'select 1 as n' },
  { path: 'models/_a.yml', content: 'models:\n  - name: a\n    description: first\n' },
];

describe('loadProjectMemo', () => {
  it('hands back the same load for the same files, and loads again when any text changes', () => {
    const first = loadProjectMemo(files);
    expect(loadProjectMemo(files.map((file) => ({ ...file })))).toBe(first);
    const edited = files.map((file) =>
      file.path === 'models/_a.yml' ? { ...file, content: file.content.replace('first', 'second') } : file,
    );
    const second = loadProjectMemo(edited);
    expect(second).not.toBe(first);
    expect(second.project.nodes.get('model.project.a')).toMatchObject({ description: 'second' });
    expect(first.project.nodes.get('model.project.a')).toMatchObject({ description: 'first' });
  });
});

describe('readYaml of a file read before', () => {
  it('gives a fresh value each time, so changing one read cannot change the next', () => {
    const file = { path: 'models/_b.yml', content: 'models:\n  - name: b\n    columns: [{ name: x }]\n' };
    const first = readYaml(file);
    (first.value as { models: unknown[] }).models.length = 0;
    const second = readYaml(file);
    expect(second.value).toEqual({ models: [{ name: 'b', columns: [{ name: 'x' }] }] });
    expect(second.lineOf(['models', 0, 'columns'])).toBe(3);
  });

  it('still reports a broken file at its line when read again', () => {
    const file = { path: 'models/_c.yml', content: 'models:\n  - name: c\n  - name: c\n   bad: [\n' };
    const first = readYaml(file).errors;
    expect(first.length).toBeGreaterThan(0);
    expect(readYaml(file).errors).toEqual(first);
  });
});
