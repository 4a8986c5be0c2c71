/**
 * The funding regression of the original's notebook, on rows a report query returns: fit ordinary least
 * squares on the rows marked for training, predict the held-out rows, and score both. Numeric columns
 * enter as they are; each categorical column is one-hot encoded against a reference level (its most
 * common level in the training rows), so its coefficients read "compared with <reference>".
 */
import { numeric } from '../report/value-format.ts';
import { fitLeastSquares, predictRow } from './least-squares.ts';
import { regressionMetrics, type RegressionMetrics } from './regression-metrics.ts';

/** What to fit. */
export interface RegressionSpec {
  /** The column predicted. */
  y: string;
  /** Numeric feature columns. */
  numeric: readonly string[];
  /** Categorical feature columns (one-hot encoded). */
  categorical: readonly string[];
  /** The column saying which rows are held out: rows where it equals `testValue` are the test set. */
  split: string;
  /** The split column's value for held-out rows (default `test`). */
  testValue?: string | undefined;
}

/** One coefficient. */
export interface RegressionTerm {
  /** `(intercept)`, a numeric column's name, or `column = level`. */
  term: string;
  /** Its coefficient; undefined when the column was dropped as collinear with others. */
  coefficient: number | undefined;
}

/** One scored row. */
export interface RegressionPrediction {
  /** The row as the query returned it. */
  row: Record<string, unknown>;
  /** Its actual value. */
  actual: number;
  /** The model's prediction. */
  predicted: number;
  /** Whether it was held out. */
  heldOut: boolean;
}

/** A fitted model and how well it does. */
export interface RegressionReport {
  /** Coefficients, intercept first. */
  terms: RegressionTerm[];
  /** The reference level of each categorical column. */
  references: Record<string, string>;
  /** Scores on the rows it was fitted on. */
  train: RegressionMetrics;
  /** Scores on the held-out rows. */
  test: RegressionMetrics;
  /** Every scored row. */
  predictions: RegressionPrediction[];
  /** Rows left out because y or a numeric feature is missing. */
  incomplete: number;
  /** Held-out rows with a category level the training rows never had (scored as the reference level). */
  unseenLevels: number;
}

const INTERCEPT = '(intercept)';
const MISSING = '(missing)';

/** Fit and score. Throws with a plain message when there is too little to fit or nothing held out. */
export function fitRegression(options: {
  rows: readonly Record<string, unknown>[];
  spec: RegressionSpec;
}): RegressionReport {
  const { spec } = options;
  const testValue = spec.testValue ?? 'test';
  const complete = options.rows.filter(
    (row) => numeric(row[spec.y]) !== undefined && spec.numeric.every((column) => numeric(row[column]) !== undefined),
  );
  const training = complete.filter((row) => String(row[spec.split]) !== testValue);
  const heldOut = complete.filter((row) => String(row[spec.split]) === testValue);
  const levels = spec.categorical.map((column) => levelsOf(training, column));
  const width = 1 + spec.numeric.length + levels.reduce((sum, list) => sum + list.length - 1, 0);
  if (training.length <= width)
    throw new Error(`Too few training rows to fit ${width} coefficients: ${training.length} complete rows.`);
  if (heldOut.length === 0) throw new Error(`No held-out rows: no row has ${spec.split} = '${testValue}'.`);
  let unseenLevels = 0;
  const encode = (row: Record<string, unknown>, counting: boolean): number[] => [
    1,
    ...spec.numeric.map((column) => numeric(row[column]) as number),
    ...spec.categorical.flatMap((column, index) => {
      const known = levels[index] ?? [];
      const level = levelOf(row, column);
      if (counting && !known.includes(level)) unseenLevels++;
      return known.slice(1).map((candidate) => (candidate === level ? 1 : 0));
    }),
  ];
  const fit = fitLeastSquares({
    rows: training.map((row) => encode(row, false)),
    y: training.map((row) => numeric(row[spec.y]) as number),
  });
  const names = [
    INTERCEPT,
    ...spec.numeric,
    ...spec.categorical.flatMap((column, index) =>
      (levels[index] ?? []).slice(1).map((level) => `${column} = ${level}`),
    ),
  ];
  const predictions = [
    ...training.map((row) => ({ row, heldOut: false })),
    ...heldOut.map((row) => ({ row, heldOut: true })),
  ].map(({ row, heldOut: held }): RegressionPrediction => ({
    row,
    actual: numeric(row[spec.y]) as number,
    predicted: predictRow(encode(row, held), fit.coefficients),
    heldOut: held,
  }));
  const score = (held: boolean) => {
    const scored = predictions.filter((prediction) => prediction.heldOut === held);
    return regressionMetrics({ actual: scored.map((p) => p.actual), predicted: scored.map((p) => p.predicted) });
  };
  return {
    terms: names.map((term, index) => ({ term, coefficient: fit.coefficients[index] })),
    references: Object.fromEntries(spec.categorical.map((column, index) => [column, levels[index]?.[0] ?? MISSING])),
    train: score(false),
    test: score(true),
    predictions,
    incomplete: options.rows.length - complete.length,
    unseenLevels,
  };
}

/** A column's levels in the training rows, most common first (ties alphabetically): the first is the reference. */
function levelsOf(rows: readonly Record<string, unknown>[], column: string): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(levelOf(row, column), (counts.get(levelOf(row, column)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([level]) => level);
}

function levelOf(row: Record<string, unknown>, column: string): string {
  const value = row[column];
  return value === null || value === undefined || value === '' ? MISSING : String(value);
}
