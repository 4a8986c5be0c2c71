import { getContext, setContext } from 'svelte';
import type { InputValue } from '../../core/report/bind-inputs.ts';
import type { ReportDocument, ReportQuery } from '../../core/report/parse-report.ts';
import type { Engine } from '../../engine/contract.ts';
import { emptyMap, withEntries, withoutKeys } from '../with-entries.ts';
import type { EarlyResults, EarlySource } from '../results/early-results.ts';
import { liveResultsOf } from '../results/live-results.ts';
import { loadResultDecoder } from './result-decoder.ts';
import { runReportQuery, type QueryOutcome } from './run-report-queries.ts';

/**
 * One report page's queries and inputs. Every query runs once its inputs have values; changing an input
 * re-runs only the queries that use it. A query's older answer never replaces a newer one. Until the
 * database is built, queries are answered from `early` results (precomputed, or kept from a visit) where
 * they hold them, and otherwise wait; once it is built, every query runs on it and its answer replaces
 * the early one in place.
 */
export class ReportRun {
  /** Each query's latest outcome, by name; absent while it has never finished. */
  outcomes = $state.raw<ReadonlyMap<string, QueryOutcome>>(emptyMap<string, QueryOutcome>());
  /** How many times each query has run on this page (a changed input re-runs only its queries). */
  runs = $state.raw<ReadonlyMap<string, number>>(emptyMap<string, number>());
  /** Each input's value, by name. */
  inputs = $state.raw<ReadonlyMap<string, InputValue>>(emptyMap<string, InputValue>());

  readonly #report: ReportDocument;
  readonly #engine: Engine;
  readonly #unbuilt: () => ReadonlyMap<string, string>;
  readonly #early: () => EarlyResults | undefined;
  /** The latest run asked of each query: an answer to an older one is dropped. */
  readonly #asked: Record<string, number> = {};

  constructor(options: {
    report: ReportDocument;
    engine: Engine;
    /** Models that did not build, by relation, so a query reading one says why. */
    unbuilt: () => ReadonlyMap<string, string>;
    /** Values to start from (a shared link's), by input name. */
    initial?: ReadonlyMap<string, InputValue> | undefined;
    /** Results to answer from while the database is not built yet; undefined once it is. */
    early?: (() => EarlyResults | undefined) | undefined;
  }) {
    this.#early = options.early ?? (() => undefined);
    this.#report = options.report;
    this.#engine = options.engine;
    this.#unbuilt = options.unbuilt;
    this.inputs = withEntries(options.initial ?? this.inputs, []);
  }

  /**
   * Run every query of the page; resolves, when each has answered or is waiting, with where the answers
   * came from: `live` (the database), or the early results' source.
   */
  async runAll(): Promise<EarlySource | 'live'> {
    const early = this.#early();
    await this.#run(this.#report.queries);
    return early?.source ?? 'live';
  }

  /** The database's own results on the page now, as Arrow IPC by `queryKey`, to keep for the next visit. */
  liveResults(): ReadonlyMap<string, Uint8Array> {
    return liveResultsOf({ queries: this.#report.queries, outcomes: this.outcomes });
  }

  /** The value of an input, if it has one. */
  value(name: string): InputValue | undefined {
    return this.inputs.get(name);
  }

  /** Whether an input has a value (a shared link's or a chosen one). */
  has(name: string): boolean {
    return this.inputs.has(name);
  }

  /** Set an input and re-run the queries that use it; resolves when they have answered. */
  set(name: string, value: InputValue): Promise<void> {
    if (this.inputs.has(name) && Object.is(this.inputs.get(name), value)) return Promise.resolve();
    this.inputs = withEntries(this.inputs, [[name, value]]);
    return this.#run(this.#report.queries.filter((query) => query.bound.inputs.includes(name)));
  }

  async #run(queries: readonly ReportQuery[]): Promise<void> {
    const inputs = this.inputs;
    const early = this.#early();
    if (early) {
      await this.#answerEarly(queries, early);
      return;
    }
    await Promise.all(
      queries.map(async (query) => {
        const ask = (this.#asked[query.name] ?? 0) + 1;
        this.#asked[query.name] = ask;
        const outcome = await runReportQuery({ engine: this.#engine, query, inputs, unbuilt: this.#unbuilt() });
        if (this.#asked[query.name] !== ask) return;
        this.outcomes = withEntries(this.outcomes, [[query.name, outcome]]);
        if (outcome.ok || !outcome.waitingFor) {
          this.runs = withEntries(this.runs, [[query.name, (this.runs.get(query.name) ?? 0) + 1]]);
        }
      }),
    );
  }

  /**
   * Answer what the early results hold. A query they do not hold (an input changed to a value nobody
   * computed) loses any earlier answer, so no number for another state stays on screen, and waits for the
   * database.
   */
  async #answerEarly(queries: readonly ReportQuery[], early: EarlyResults): Promise<void> {
    const asks = queries.map((query) => (this.#asked[query.name] = (this.#asked[query.name] ?? 0) + 1));
    // Without the decoder's chunk the early answers cannot be read: the queries wait for the database,
    // whose own run asks for the chunk again and says so if it still does not arrive.
    const decode = await loadResultDecoder().catch(() => undefined);
    const answers: [string, QueryOutcome][] = [];
    const unanswered: string[] = [];
    queries.forEach((query, index) => {
      // A newer run of this query (an input changed, the database built) started while the decoder loaded.
      if (this.#asked[query.name] !== asks[index]) return;
      const params = query.bound.inputs.map((name) => this.inputs.get(name) ?? null);
      const held = query.bound.inputs.every((name) => this.inputs.has(name));
      const ipc = held && decode ? early.lookup(query.bound.sql, params) : undefined;
      if (ipc && decode)
        answers.push([query.name, { ok: true, result: decode(ipc), elapsedMs: 0, params, ipc, early: early.source }]);
      else unanswered.push(query.name);
    });
    this.outcomes = withEntries(withoutKeys(this.outcomes, unanswered), answers);
  }
}

const KEY = Symbol('report-run');

/** Make the page's run available to the input components inside it. */
export function setReportRun(run: () => ReportRun | undefined): void {
  setContext(KEY, run);
}

/** The run of the page this component is on (an input component reads and sets its value through it). */
export function getReportRun(): ReportRun | undefined {
  return getContext<(() => ReportRun | undefined) | undefined>(KEY)?.();
}
