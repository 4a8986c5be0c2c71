/**
 * The run history the Runs page shows: read from IndexedDB once, and kept current as builds finish. A
 * build never waits for it, and a history that cannot be written (private browsing, a full disk) says so
 * on the page instead of failing the build.
 */
import { recordRun, type RecordInput, type RunRecord } from '../../core/runs/run-record.ts';
import { messageOf } from '../../core/text/message-of.ts';
import { addRun, readRuns } from './run-store.ts';

class RunHistory {
  /** Kept runs, newest first. */
  runs = $state<RunRecord[]>([]);
  /** Why the last run could not be kept, if it could not. */
  problem = $state<string | undefined>(undefined);
  /** Whether the stored history has been read. */
  loaded = $state(false);
  #loading: Promise<void> | undefined;
  #writes: Promise<void> = Promise.resolve();

  /** Read the stored history (once). */
  load(): Promise<void> {
    this.#loading ??= readRuns().then((stored) => {
      const ids = new Set(stored.map((run) => run.id));
      // Runs recorded while reading are kept ahead of the stored ones.
      this.runs = [...this.runs.filter((run) => !ids.has(run.id)), ...stored];
      this.loaded = true;
    });
    return this.#loading;
  }

  /** Record a finished build; writes are queued so two quick builds keep their order. */
  record(build: RecordInput & { startedAt: string; elapsedMs: number; trigger: string; selected: number }): void {
    const run = recordRun({ ...build, origin: 'browser', nonce: Math.random().toString(36).slice(2, 8) });
    this.runs = [run, ...this.runs];
    this.#writes = this.#writes.then(async () => {
      try {
        await this.load();
        this.runs = await addRun(run);
        this.problem = undefined;
      } catch (error) {
        this.problem = `This build could not be kept in the browser's storage: ${messageOf(error)}`;
      }
    });
  }
}

/** The page's one run history. */
export const runHistory = new RunHistory();
