import { describe, expect, it } from 'vitest';
import { fitRegression } from './fit-regression.ts';
import { fitLeastSquares } from './least-squares.ts';
import { regressionMetrics } from './regression-metrics.ts';

/** A seeded linear congruential generator (deterministic tests). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A second, independent method: the normal equations XᵀX β = Xᵀy solved by Gauss–Jordan elimination with partial pivoting. */
function normalEquations(rows: number[][], y: number[]): number[] {
  const p = rows[0]?.length ?? 0;
  const a = Array.from({ length: p }, (_, i) => [
    ...Array.from({ length: p }, (_, j) => rows.reduce((sum, row) => sum + (row[i] as number) * (row[j] as number), 0)),
    rows.reduce((sum, row, k) => sum + (row[i] as number) * (y[k] as number), 0),
  ]);
  for (let col = 0; col < p; col++) {
    const pivot = a
      .slice(col)
      .reduce(
        (best, row, k) => (Math.abs(row[col] as number) > Math.abs(a[best]?.[col] as number) ? col + k : best),
        col,
      );
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const lead = a[col] as number[];
    const divisor = lead[col] as number;
    for (let j = 0; j <= p; j++) lead[j] = (lead[j] as number) / divisor;
    a.forEach((row, r) => {
      if (r === col) return;
      const factor = row[col] as number;
      for (let j = 0; j <= p; j++) row[j] = (row[j] as number) - factor * (lead[j] as number);
    });
  }
  return a.map((row) => row[p] as number);
}

describe('fitLeastSquares', () => {
  it('recovers exact coefficients from noiseless data', () => {
    const rows = [
      [1, 0, 0],
      [1, 1, 0],
      [1, 0, 1],
      [1, 2, 3],
      [1, 5, -1],
    ];
    const y = rows.map(([, a, b]) => 3 + 2 * (a as number) - 5 * (b as number));
    const fit = fitLeastSquares({ rows, y });
    expect(fit.dropped).toEqual([]);
    fit.coefficients.forEach((value, index) => expect(value).toBeCloseTo([3, 2, -5][index] as number, 10));
  });

  it('matches the closed form of simple regression: slope = cov(x, y) / var(x), intercept = ȳ − slope·x̄', () => {
    // Known small dataset: x = 1..5, y = 2, 4, 5, 4, 5 → slope 0.6, intercept 2.2.
    const xs = [1, 2, 3, 4, 5];
    const fit = fitLeastSquares({ rows: xs.map((x) => [1, x]), y: [2, 4, 5, 4, 5] });
    expect(fit.coefficients[0]).toBeCloseTo(2.2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
  });

  it('agrees with the normal equations on noisy data with several features of very different scales', () => {
    const next = random(42);
    const rows = Array.from({ length: 300 }, () => [
      1,
      50 + next() * 2000,
      800 + next() * 400,
      next() < 0.3 ? 1 : 0,
      next() < 0.1 ? 1 : 0,
    ]);
    const y = rows.map(
      (row) =>
        120_000 +
        9_000 * (row[1] as number) -
        700 * (row[2] as number) +
        300_000 * (row[4] as number) +
        (next() - 0.5) * 200_000,
    );
    const qr = fitLeastSquares({ rows, y }).coefficients;
    const reference = normalEquations(rows, y);
    qr.forEach((value, index) => expect((value as number) / (reference[index] as number)).toBeCloseTo(1, 6));
  });

  it('drops a column that repeats a combination of earlier ones', () => {
    const rows = [
      [1, 1, 2],
      [1, 2, 4],
      [1, 3, 6],
      [1, 4, 8.0],
    ];
    const fit = fitLeastSquares({ rows, y: [1, 2, 2, 3] });
    expect(fit.dropped).toEqual([2]);
    expect(fit.coefficients[2]).toBeUndefined();
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
  });

  it('says what is wrong with bad input', () => {
    expect(() => fitLeastSquares({ rows: [[1, 2]], y: [1, 2] })).toThrow('X has 1 rows but y has 2 values.');
    expect(() => fitLeastSquares({ rows: [[1, Number.NaN]], y: [1] })).toThrow(
      'Column 1 of X has a value that is not a number.',
    );
  });
});

describe('regressionMetrics', () => {
  it('computes MAE, MSE and R² as scikit-learn does', () => {
    // sklearn's own example: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8] → MAE 0.5, MSE 0.375, R² 0.9486081370449679.
    const metrics = regressionMetrics({ actual: [3, -0.5, 2, 7], predicted: [2.5, 0, 2, 8] });
    expect(metrics.mae).toBeCloseTo(0.5, 12);
    expect(metrics.mse).toBeCloseTo(0.375, 12);
    expect(metrics.r2).toBeCloseTo(0.9486081370449679, 12);
  });
});

describe('fitRegression', () => {
  const next = random(7);
  const levels = ['Primary School', 'Secondary School', 'Central/Community School'];
  const rows = Array.from({ length: 400 }, (_, index) => {
    const level = levels[index % 3] as string;
    const enrolment = 20 + Math.floor(next() * 1500);
    const icsea = 850 + Math.floor(next() * 300);
    return {
      school: `S${index}`,
      split: index % 5 === 0 ? 'test' : 'train',
      enrolment,
      icsea,
      level,
      funding: 200_000 + 10_000 * enrolment - 500 * icsea + (level === 'Secondary School' ? 400_000 : 0),
    };
  });

  it('one-hot encodes against the most common level and recovers the coefficients', () => {
    const report = fitRegression({
      rows: [
        ...rows,
        { school: 'no icsea', split: 'train', enrolment: 5, icsea: null, level: 'Primary School', funding: 1 },
      ],
      spec: { y: 'funding', numeric: ['enrolment', 'icsea'], categorical: ['level'], split: 'split' },
    });
    expect(report.incomplete).toBe(1);
    expect(report.references).toEqual({ level: 'Primary School' });
    const byTerm = Object.fromEntries(report.terms.map((term) => [term.term, term.coefficient]));
    expect(byTerm['(intercept)']).toBeCloseTo(200_000, 4);
    expect(byTerm.enrolment).toBeCloseTo(10_000, 6);
    expect(byTerm.icsea).toBeCloseTo(-500, 6);
    expect(byTerm['level = Secondary School']).toBeCloseTo(400_000, 4);
    expect(byTerm['level = Central/Community School']).toBeCloseTo(0, 4);
    expect(report.test.count).toBe(80);
    expect(report.train.count).toBe(320);
    expect(report.test.r2).toBeCloseTo(1, 10);
    expect(report.test.mae).toBeLessThan(1e-4);
  });

  it('refuses to fit without held-out rows, naming the split column', () => {
    expect(() =>
      fitRegression({
        rows: rows.map((row) => ({ ...row, split: 'train' })),
        spec: { y: 'funding', numeric: ['enrolment'], categorical: [], split: 'split' },
      }),
    ).toThrow("No held-out rows: no row has split = 'test'.");
  });
});
