/**
 * The browser's run history in IndexedDB: one record per build, only the newest RUNS_KEPT kept (each write
 * deletes what falls past the bound). A database of its own, so its version never has to move with the
 * download cache's or the edits'.
 */
import { boundRuns, type RunRecord } from '../../core/runs/run-record.ts';
import { currentProject } from '../current-project.ts';
import { DEFAULT_PROJECT_ID } from '../projects.ts';
import { idbRequest, lazyIndexedDb } from '../indexed-db.ts';

/** How many builds the browser keeps. A full build's record is about 30 KB, so the history stays near 1.5 MB. */
export const RUNS_KEPT = 50;

// Each project keeps its own runs, as it keeps its own edits (workbench/edit-store.ts); the NSW project's
// database has the name it had before there were other projects.
const DATABASE =
  currentProject.id === DEFAULT_PROJECT_ID
    ? 'data-stack-in-a-tab-runs'
    : `data-stack-in-a-tab-runs:${currentProject.id}`;
const STORE = 'runs';
const open = lazyIndexedDb({ name: DATABASE, stores: [{ name: STORE, keyPath: 'id' }] });

/** Every kept run, newest first. Storage that cannot be read reads as no history. */
export async function readRuns(): Promise<RunRecord[]> {
  try {
    const db = await open();
    const runs = await idbRequest<RunRecord[]>(db.transaction(STORE).objectStore(STORE).getAll());
    return boundRuns(runs, Number.POSITIVE_INFINITY).kept;
  } catch {
    return [];
  }
}

/** Keep a run and drop the oldest past the bound; returns the runs kept, newest first. */
export async function addRun(run: RunRecord): Promise<RunRecord[]> {
  const db = await open();
  const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
  await idbRequest(store.put(run));
  const { kept, dropped } = boundRuns(await idbRequest<RunRecord[]>(store.getAll()), RUNS_KEPT);
  await Promise.all(dropped.map((id) => idbRequest(store.delete(id))));
  return kept;
}
