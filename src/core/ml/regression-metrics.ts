/** How well predictions match actual values: the figures the original's notebook printed (scikit-learn's definitions). */

/** Mean absolute error, mean squared error and the coefficient of determination. */
export interface RegressionMetrics {
  /** Rows scored. */
  count: number;
  /** mean |actual − predicted|. */
  mae: number;
  /** mean (actual − predicted)². */
  mse: number;
  /** 1 − Σ(actual − predicted)² / Σ(actual − mean actual)²: 1 is perfect, 0 no better than the mean, below 0 worse. */
  r2: number;
}

/** Score predictions against actual values (R² against the mean of these actual values, as sklearn's r2_score). */
export function regressionMetrics(options: {
  actual: readonly number[];
  predicted: readonly number[];
}): RegressionMetrics {
  const { actual, predicted } = options;
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length.');
  if (actual.length === 0) throw new Error('No rows to score.');
  const count = actual.length;
  const mean = actual.reduce((sum, value) => sum + value, 0) / count;
  let absolute = 0;
  let squared = 0;
  let total = 0;
  actual.forEach((value, index) => {
    const error = value - (predicted[index] as number);
    absolute += Math.abs(error);
    squared += error * error;
    total += (value - mean) ** 2;
  });
  return { count, mae: absolute / count, mse: squared / count, r2: total === 0 ? Number.NaN : 1 - squared / total };
}
