import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundledProject } from './bundled-project-plugin.ts';

describe('readBundledProject', () => {
  it("takes the project's files and reports, by relative path and sorted, and nothing else", () => {
    const root = mkdtempSync(join(tmpdir(), 'bundled-project-'));
    const files: Record<string, string> = {
      'dbt_project.yml': 'name: shop\n',
      'models/staging/stg_b.sql': 'select 2',
      'models/staging/stg_a.sql': 'select 1',
      'models/staging/_sources.yml': 'sources: []\n',
      'models/notes.txt': 'not part of the project',
      'tests/dbt/assert_one.sql': 'select 1 where false',
      'tests/e2e/some.spec.ts': 'not part of the project',
      'reports/index.md': '# Hello',
      'reports/draft.txt': 'not a report',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const bundled = readBundledProject(root);
    expect(bundled.project.map((file) => file.path)).toEqual([
      'dbt_project.yml',
      'models/staging/_sources.yml',
      'models/staging/stg_a.sql',
      'models/staging/stg_b.sql',
      'tests/dbt/assert_one.sql',
    ]);
    expect(bundled.project[2]?.content).toBe('select 1');
    expect(bundled.reports).toEqual([{ path: 'reports/index.md', content: '# Hello' }]);
  });
});
