/**
 * Ordinary least squares by QR decomposition (modified Gram–Schmidt), in plain TypeScript.
 *
 * Why here and not in SQL: DuckDB's `regr_*` aggregates fit one regressor, and it has no matrix solve; the
 * funding model has a dozen columns once its categories are one-hot encoded. Why QR and not the normal
 * equations: solving XᵀX β = Xᵀy squares the condition number (enrolments in the thousands beside 0/1
 * dummies), QR does not; and it shows a column that is a combination of earlier ones (a category level
 * that only ever occurs with another) as a vanishing residual, so that column is dropped instead of
 * producing huge, meaningless coefficients. About sixty lines, no dependency.
 */

/** A fit: one coefficient per column of X, or undefined for a column dropped as collinear. */
export interface LeastSquaresFit {
  /** β, by column of X; undefined where the column was dropped. */
  coefficients: Array<number | undefined>;
  /** Indexes of the columns dropped because they were (numerically) combinations of earlier columns. */
  dropped: number[];
}

/** Relative size below which a column's residual counts as zero (collinear with the columns before it). */
const COLLINEAR = 1e-9;

/** Minimise ‖Xβ − y‖² over β. `rows` is X row by row (include a column of 1s for an intercept). */
export function fitLeastSquares(options: {
  rows: readonly (readonly number[])[];
  y: readonly number[];
}): LeastSquaresFit {
  const { rows, y } = options;
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  if (n !== y.length) throw new Error(`X has ${n} rows but y has ${y.length} values.`);
  if (n === 0 || p === 0) throw new Error('Nothing to fit: X has no rows or no columns.');
  const kept: number[] = [];
  const dropped: number[] = [];
  const q: Float64Array[] = [];
  const r: number[][] = [];
  for (let j = 0; j < p; j++) {
    const v = Float64Array.from(rows, (row) => row[j] ?? Number.NaN);
    if (v.some((value) => !Number.isFinite(value)))
      throw new Error(`Column ${j} of X has a value that is not a number.`);
    const original = norm(v);
    const column: number[] = [];
    for (const [k, qk] of q.entries()) {
      const projection = dot(qk, v);
      column[k] = projection;
      for (let i = 0; i < n; i++) v[i] = (v[i] as number) - projection * (qk[i] as number);
    }
    const residual = norm(v);
    if (original === 0 || residual <= COLLINEAR * original) {
      dropped.push(j);
      continue;
    }
    column[q.length] = residual;
    for (let i = 0; i < n; i++) v[i] = (v[i] as number) / residual;
    q.push(v);
    r.push(column);
    kept.push(j);
  }
  // R β = Qᵀ y, R upper triangular (r[k] holds column k of R: entries 0..k).
  const qty = q.map((qk) => dot(qk, Float64Array.from(y)));
  const beta = new Array<number>(kept.length).fill(0);
  for (let row = kept.length - 1; row >= 0; row--) {
    let sum = qty[row] as number;
    for (let col = row + 1; col < kept.length; col++) sum -= (r[col]?.[row] ?? 0) * (beta[col] as number);
    beta[row] = sum / (r[row]?.[row] as number);
  }
  const coefficients = new Array<number | undefined>(p).fill(undefined);
  kept.forEach((column, index) => (coefficients[column] = beta[index]));
  return { coefficients, dropped };
}

/** Xβ for one row, a dropped column counting as 0. */
export function predictRow(row: readonly number[], coefficients: ReadonlyArray<number | undefined>): number {
  return row.reduce((sum, value, index) => sum + value * (coefficients[index] ?? 0), 0);
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}
