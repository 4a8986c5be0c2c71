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
      load: () => store.load(),
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
