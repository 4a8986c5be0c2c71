import { describe, expect, it } from 'vitest';
import { indexedDbEditStore, type EditStore } from '../../src/ui/workbench/edit-store.ts';
import { SCRATCH, Workspace } from '../../src/ui/workbench/workspace.svelte.ts';

// The workbench's storage layer in real Chromium, against real IndexedDB.
const BUNDLED = [
  { path: 'models/a.sql', content: 'select 1 as id' },
  { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
];

let databases = 0;
function freshStore(): { name: string; store: EditStore } {
  const name = `workspace-test-${Date.now()}-${databases++}`;
  return { name, store: indexedDbEditStore({ name }) };
}

async function reopened(name: string): Promise<Workspace> {
  const workspace = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore({ name }) });
  await workspace.ready;
  return workspace;
}

describe('Workspace on IndexedDB', () => {
  it('keeps typed and saved text across a reload, and the files the build sees are the saved ones', async () => {
    const { name, store } = freshStore();
    const workspace = new Workspace({ bundled: BUNDLED, store, delayMs: 10 });
    await workspace.ready;
    workspace.type('models/a.sql', 'select 2 as id');
    workspace.type('models/b.sql', 'select 3 as id');
    workspace.type(SCRATCH, 'select 42');
    expect(workspace.save(['models/a.sql'])).toEqual(['models/a.sql']);
    await workspace.flush();

    const again = await reopened(name);
    expect(again.text('models/a.sql')).toBe('select 2 as id');
    expect(again.isUnsaved('models/a.sql')).toBe(false);
    expect(again.isEdited('models/a.sql')).toBe(true);
    expect(again.text('models/b.sql')).toBe('select 3 as id');
    expect(again.isUnsaved('models/b.sql')).toBe(true);
    expect(again.text(SCRATCH)).toBe('select 42');
    expect(again.files()).toEqual([
      { path: 'models/a.sql', content: 'select 2 as id' },
      { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
    ]);
    expect(again.filesWithBuffers().find((file) => file.path === 'models/b.sql')?.content).toBe('select 3 as id');
  });

  it('writes on its own within the delay, without a flush', async () => {
    const { name, store } = freshStore();
    const workspace = new Workspace({ bundled: BUNDLED, store, delayMs: 20 });
    workspace.type('models/a.sql', 'select 9 as id');
    await expect
      .poll(async () => (await reopened(name)).text('models/a.sql'), { timeout: 2000 })
      .toBe('select 9 as id');
  });

  it('saving the bundled text back, or resetting, leaves nothing stored; reset all keeps the scratch query', async () => {
    const { name, store } = freshStore();
    const workspace = new Workspace({ bundled: BUNDLED, store, delayMs: 10 });
    workspace.type('models/a.sql', 'select 2 as id');
    workspace.save();
    workspace.type('models/a.sql', 'select 1 as id');
    workspace.save();
    expect(workspace.editedPaths()).toEqual([]);
    workspace.type('models/b.sql', 'select 5 as id');
    workspace.save();
    workspace.type(SCRATCH, 'select 1');
    workspace.create('models/c.sql', 'select 3 as id');
    expect(workspace.resetAll().sort()).toEqual(['models/b.sql', 'models/c.sql']);
    await workspace.flush();
    const again = await reopened(name);
    expect(again.files()).toEqual(BUNDLED);
    expect(again.text(SCRATCH)).toBe('select 1');
  });

  it("lays a share link's edits over the saved project, kept across a reload; the scratch query is never touched", async () => {
    const { name, store } = freshStore();
    const workspace = new Workspace({ bundled: BUNDLED, store, delayMs: 10 });
    await workspace.ready;
    workspace.type('models/a.sql', 'select 9 as id');
    workspace.type(SCRATCH, 'select 42');
    const changed = workspace.overlay({
      'models/a.sql': 'select 2 as id',
      'models/b.sql': "select * from {{ ref('a') }}",
      'models/c.sql': 'select 3 as id',
      [SCRATCH]: 'select 0',
    });
    // b is already as the link has it; a had unsaved text, which the overlay replaces.
    expect(changed).toEqual(['models/a.sql', 'models/c.sql']);
    expect(workspace.isUnsaved('models/a.sql')).toBe(false);
    expect(workspace.overlay({ 'models/c.sql': null })).toEqual(['models/c.sql']);
    await workspace.flush();

    const again = await reopened(name);
    expect(again.files()).toEqual([
      { path: 'models/a.sql', content: 'select 2 as id' },
      { path: 'models/b.sql', content: "select * from {{ ref('a') }}" },
    ]);
    expect(again.text(SCRATCH)).toBe('select 42');
  });

  it('adds, renames and deletes files, unsaved text moving with a rename', async () => {
    const { name, store } = freshStore();
    const workspace = new Workspace({ bundled: BUNDLED, store, delayMs: 10 });
    expect(workspace.create('models/a.sql', 'x')).toBe('models/a.sql already exists.');
    expect(workspace.create('models/c.sql', 'select 3 as id')).toBeUndefined();
    workspace.type('models/a.sql', 'select 7 as id');
    expect(workspace.rename('models/a.sql', 'models/b.sql')).toBe('models/b.sql already exists.');
    expect(workspace.rename('models/a.sql', 'models/z.sql')).toBeUndefined();
    workspace.remove('models/c.sql');
    await workspace.flush();
    const again = await reopened(name);
    expect(again.files().map((file) => file.path)).toEqual(['models/b.sql', 'models/z.sql']);
    expect(again.text('models/z.sql')).toBe('select 7 as id');
    expect(again.isUnsaved('models/z.sql')).toBe(true);
    expect(again.savedText('models/a.sql')).toBeUndefined();
    again.reset('models/a.sql');
    expect(again.savedText('models/a.sql')).toBe('select 1 as id');
  });

  it('a full store is told in plain words, loses nothing, and catches up once there is room', async () => {
    const { name, store } = freshStore();
    let full = true;
    const flaky: EditStore = {
      ...store,
      write: (changes) =>
        full
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : store.write(changes),
    };
    const workspace = new Workspace({ bundled: BUNDLED, store: flaky, delayMs: 10 });
    workspace.type('models/a.sql', 'select 2 as id');
    await workspace.flush();
    expect(workspace.storageError).toMatch(/storage for this site is full/);
    expect(workspace.storageError).toMatch(/still in this tab/);
    expect(workspace.text('models/a.sql')).toBe('select 2 as id');

    full = false;
    workspace.type('models/b.sql', 'select 4 as id');
    await workspace.flush();
    expect(workspace.storageError).toBeUndefined();
    const again = await reopened(name);
    expect(again.text('models/a.sql')).toBe('select 2 as id');
    expect(again.text('models/b.sql')).toBe('select 4 as id');
  });

  it('a browser that refuses storage is told in plain words, and the workspace still works in the tab', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const workspace = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore({ factory: refusing }) });
    await workspace.ready;
    expect(workspace.storageError).toMatch(/does not let the page keep data/);
    workspace.type('models/a.sql', 'select 2 as id');
    workspace.save();
    expect(workspace.files()[0]?.content).toBe('select 2 as id');
  });
});

// Two tabs of the same site: two workspaces over one database (and its BroadcastChannel), as two tabs are.
describe('A store per project', () => {
  it('keeps the NSW project in the database it always had, and another project in one of its own', async () => {
    const path = `models/namespace-test-${Date.now()}.sql`;
    // The database every earlier version wrote to: existing users' edits must still be read from it.
    const legacy = indexedDbEditStore({ name: 'data-stack-in-a-tab-edits' });
    await legacy.write([{ path, record: { path, saved: 'select 1 as kept' }, expected: undefined }]);
    try {
      const nsw = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore() });
      await nsw.ready;
      expect(nsw.text(path)).toBe('select 1 as kept');
      const namespace = `edtech-test-${Date.now()}`;
      const other = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore({ namespace }), delayMs: 10 });
      await other.ready;
      expect(other.text(path)).toBeUndefined();
      other.type('models/a.sql', 'select 9 as id');
      other.save(['models/a.sql']);
      await other.flush();
      const again = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore({ namespace }) });
      await again.ready;
      expect(again.text('models/a.sql')).toBe('select 9 as id');
      const nswAgain = new Workspace({ bundled: BUNDLED, store: indexedDbEditStore() });
      await nswAgain.ready;
      expect(nswAgain.text('models/a.sql')).toBe('select 1 as id');
    } finally {
      const [stored] = await legacy.read([path]);
      await legacy.write([{ path, record: undefined, expected: stored?.revision }]);
    }
  });
});

describe('Two tabs editing the same project', () => {
  const A = 'models/a.sql';
  // A long delay: each test says when a tab writes, so the order of the writes is the test's.
  const tab = (name: string) =>
    new Workspace({ bundled: BUNDLED, store: indexedDbEditStore({ name }), delayMs: 60_000 });

  it("a file one tab has no changes in follows the other tab's typing and saving in place, and its build sees the save", async () => {
    const { name } = freshStore();
    const first = await ready(tab(name));
    const second = await ready(tab(name));
    second.type(A, 'select 2 as id');
    await second.flush();
    await expect.poll(() => first.text(A)).toBe('select 2 as id');
    expect(first.isUnsaved(A)).toBe(true);

    second.save([A]);
    await second.flush();
    await expect.poll(() => first.isUnsaved(A)).toBe(false);
    expect(first.savedText(A)).toBe('select 2 as id');
    expect(first.files().find((file) => file.path === A)?.content).toBe('select 2 as id');
    expect(first.conflicts.size).toBe(0);

    // And back the other way: the first tab's change reaches the second, which had none of its own.
    first.type(A, 'select 3 as id');
    await first.flush();
    await expect.poll(() => second.text(A)).toBe('select 3 as id');
    expect(second.conflicts.size).toBe(0);
  });

  it('a file changed in both tabs at once is a conflict: each keeps its own text, is told, and a reload loses neither', async () => {
    const { name } = freshStore();
    const first = await ready(tab(name));
    const second = await ready(tab(name));
    first.type(A, 'select 1 as mine');
    second.type(A, 'select 2 as theirs');
    await second.flush();
    await first.flush();

    // The first tab's write met the second's: it keeps its own text and is shown the other version.
    await expect.poll(() => first.conflicts.get(A)).toBe('select 2 as theirs');
    expect(first.text(A)).toBe('select 1 as mine');
    expect(first.isUnsaved(A)).toBe(true);
    // The second tab is told too, once the first tab's version is stored aside.
    await expect.poll(() => second.conflicts.get(A)).toBe('select 1 as mine');
    expect(second.text(A)).toBe('select 2 as theirs');

    // Typing on in the conflicted tab keeps its version up to date where it is stored aside.
    first.type(A, 'select 1 as still_mine');
    await first.flush();
    await expect.poll(() => second.conflicts.get(A)).toBe('select 1 as still_mine');

    // A new tab (or either one reloaded) finds both versions: nothing typed in either tab is lost.
    const third = await reopened(name);
    expect(third.text(A)).toBe('select 2 as theirs');
    expect(third.conflicts.get(A)).toBe('select 1 as still_mine');
    // The project the build sees is the saved one; neither unsaved version, nor the kept one, is in it.
    expect(third.files()).toEqual(BUNDLED);
  });

  it('told of the other tab’s write before its own typing is written, a tab writes its text aside, not over the other', async () => {
    const { name } = freshStore();
    const first = await ready(tab(name));
    const second = await ready(tab(name));
    first.type(A, 'select 1 as mine');
    second.type(A, 'select 2 as theirs');
    await second.flush();
    // The first tab has not written yet: it learns of the other write from the channel, not from a write.
    await expect.poll(() => first.conflicts.get(A)).toBe('select 2 as theirs');
    await first.flush();
    const third = await reopened(name);
    expect(third.text(A)).toBe('select 2 as theirs');
    expect(third.conflicts.get(A)).toBe('select 1 as mine');
    expect(second.text(A)).toBe('select 2 as theirs');
  });

  it("keeping this tab's version ends the conflict in every tab, and the other tab takes it in place", async () => {
    const { name } = freshStore();
    const { first, second } = await conflicted(name);
    first.keepThisVersion(A);
    await first.flush();
    await expect.poll(() => second.text(A)).toBe('select 1 as mine');
    await expect.poll(() => second.conflicts.size).toBe(0);
    expect(first.conflicts.size).toBe(0);
    const again = await reopened(name);
    expect(again.text(A)).toBe('select 1 as mine');
    expect(again.conflicts.size).toBe(0);
  });

  it('taking the other version makes it this tab’s text, and the conflict ends in both tabs', async () => {
    const { name } = freshStore();
    const { first, second } = await conflicted(name);
    second.takeOtherVersion(A);
    await second.flush();
    expect(second.text(A)).toBe('select 1 as mine');
    await expect.poll(() => first.conflicts.size).toBe(0);
    expect(first.text(A)).toBe('select 1 as mine');
    const again = await reopened(name);
    expect(again.text(A)).toBe('select 1 as mine');
    expect(again.conflicts.size).toBe(0);
  });

  it('two saves at once: the later tab keeps its saved text as unsaved over the other save, and is told', async () => {
    const { name } = freshStore();
    const first = await ready(tab(name));
    const second = await ready(tab(name));
    first.type(A, 'select 1 as mine');
    second.type(A, 'select 2 as theirs');
    second.save([A]);
    first.save([A]);
    await second.flush();
    await first.flush();
    await expect.poll(() => first.conflicts.get(A)).toBe('select 2 as theirs');
    // Whichever write landed first is the saved file in both tabs; the other is unsaved text, not lost.
    expect(first.savedText(A)).toBe('select 2 as theirs');
    expect(first.text(A)).toBe('select 1 as mine');
    expect(first.isUnsaved(A)).toBe(true);
    await expect.poll(() => second.conflicts.get(A)).toBe('select 1 as mine');
    expect(second.savedText(A)).toBe('select 2 as theirs');
  });

  it('saving a file in conflict saves this tab’s text and still offers the other version, in both tabs', async () => {
    const { name } = freshStore();
    const { first, second } = await conflicted(name);
    first.save([A]);
    await first.flush();
    expect(first.savedText(A)).toBe('select 1 as mine');
    expect(first.conflicts.get(A)).toBe('select 2 as theirs');
    // The second tab had nothing unwritten: it takes the save in place, and is offered its own text back.
    await expect.poll(() => second.savedText(A)).toBe('select 1 as mine');
    await expect.poll(() => second.conflicts.get(A)).toBe('select 2 as theirs');
    const again = await reopened(name);
    expect(again.files().find((file) => file.path === A)?.content).toBe('select 1 as mine');
    expect(again.conflicts.get(A)).toBe('select 2 as theirs');
  });

  /** Two tabs in conflict over A: the first holds `select 1 as mine`, the second `select 2 as theirs`. */
  async function conflicted(name: string): Promise<{ first: Workspace; second: Workspace }> {
    const first = await ready(tab(name));
    const second = await ready(tab(name));
    first.type(A, 'select 1 as mine');
    second.type(A, 'select 2 as theirs');
    await second.flush();
    await first.flush();
    await expect.poll(() => second.conflicts.get(A)).toBe('select 1 as mine');
    expect(first.conflicts.get(A)).toBe('select 2 as theirs');
    return { first, second };
  }
});

async function ready(workspace: Workspace): Promise<Workspace> {
  await workspace.ready;
  return workspace;
}
