import { describe, expect, it } from 'vitest';
import { shareHref, sharedEditChanges, withSharedEdits } from './shared-edits.ts';

const local = new Map<string, string>([
  ['models/a.sql', 'select 1'],
  ['models/b.sql', 'select 2'],
]);
const savedText = (path: string) => local.get(path);

describe('sharedEditChanges', () => {
  it('lists only the files whose text differs here, sorted, saying which the recipient edited', () => {
    const changes = sharedEditChanges({
      edits: { 'models/b.sql': 'select 20', 'models/a.sql': 'select 1', 'models/new.sql': 'select 3' },
      savedText,
      isLocallyEdited: (path) => path === 'models/b.sql',
    });
    expect(changes).toEqual([
      { path: 'models/b.sql', shared: 'select 20', local: 'select 2', localEdited: true },
      { path: 'models/new.sql', shared: 'select 3', local: undefined, localEdited: false },
    ]);
  });

  it('treats deleting a file that is not here as no change, and deleting one that is as a change', () => {
    const changes = sharedEditChanges({
      edits: { 'models/gone.sql': null, 'models/a.sql': null },
      savedText,
      isLocallyEdited: () => false,
    });
    expect(changes).toEqual([{ path: 'models/a.sql', shared: null, local: 'select 1', localEdited: false }]);
  });
});

describe('withSharedEdits', () => {
  it('replaces, adds and deletes files, leaving the rest as they were', () => {
    const files = [...local].map(([path, content]) => ({ path, content }));
    expect(withSharedEdits(files, { 'models/a.sql': null, 'models/c.sql': 'select 3', 'models/b.sql': 'x' })).toEqual([
      { path: 'models/b.sql', content: 'x' },
      { path: 'models/c.sql', content: 'select 3' },
    ]);
  });
});

describe('shareHref', () => {
  it('puts the page and the token in the hash of this address', () => {
    expect(shareHref({ base: 'https://x.org/app/', page: 'reports/schools.md', token: 'v1.abc' })).toBe(
      'https://x.org/app/#/reports/schools?state=v1.abc',
    );
    expect(shareHref({ base: 'http://h/', page: 'reports/a b/c.md', token: 'v1.z' })).toBe(
      'http://h/#/reports/a%20b/c?state=v1.z',
    );
  });
});
