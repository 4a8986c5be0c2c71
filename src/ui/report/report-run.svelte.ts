import { getContext, setContext } from 'svelte';
import type { InputValue } from '../../core/report/bind-inputs.ts';
import type { ReportDocument, ReportQuery } from '../../core/report/parse-report.ts';
import type { Engine } from '../../engine/contract.ts';
import { emptyMap, withEntries } from '../with-entries.ts';
import { runReportQuery, type QueryOutcome } from './run-report-queries.ts';

/**
 * One report page's queries and inputs. Every query runs once its inputs have values; changing an input
 * re-runs only the queries that use it. A query's older answer never replaces a newer one.
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
  /** The latest run asked of each query: an answer to an older one is dropped. */
  readonly #asked: Record<string, number> = {};

  constructor(options: {
    report: ReportDocument;
    engine: Engine;
    /** Models that did not build, by relation, so a query reading one says why. */
    unbuilt: () => ReadonlyMap<string, string>;
    /** Values to start from (a shared link's), by input name. */
    initial?: ReadonlyMap<string, InputValue> | undefined;
  }) {
    this.#report = options.report;
    this.#engine = options.engine;
    this.#unbuilt = options.unbuilt;
    this.inputs = withEntries(options.initial ?? this.inputs, []);
  }

  /** Run every query of the page; resolves when each has answered or is waiting for an input. */
  runAll(): Promise<void> {
    return this.#run(this.#report.queries);
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
