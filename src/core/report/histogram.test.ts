import { describe, expect, it } from 'vitest';
import { histogramBins } from './histogram.ts';

describe('histogramBins', () => {
  it('counts values into nice bins that cover them all', () => {
    const { bins, skipped } = histogramBins({ values: [0, 1, 9, 10, 19, 20], bins: 2 });
    expect(bins).toEqual([
      { from: 0, to: 10, count: 3 },
      { from: 10, to: 20, count: 3 },
    ]);
    expect(skipped).toBe(0);
  });

  it('skips what is not a number and says how many', () => {
    const { bins, skipped } = histogramBins({ values: [1, null, 'x', 2n, 3], bins: 2 });
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(3);
    expect(skipped).toBe(2);
  });

  it('draws one bin for one distinct value and none for no values', () => {
    expect(histogramBins({ values: [5, 5, 5] }).bins).toEqual([{ from: 5, to: 6, count: 3 }]);
    expect(histogramBins({ values: [] }).bins).toEqual([]);
  });

  it('keeps decimal edges exact', () => {
    const { bins } = histogramBins({ values: [0.1, 0.25, 0.3], bins: 2 });
    expect(bins.map((bin) => [bin.from, bin.to])).toEqual([
      [0.1, 0.2],
      [0.2, 0.3],
    ]);
    // The top value, 0.3, falls in the last bin rather than one of its own.
    expect(bins.map((bin) => bin.count)).toEqual([1, 2]);
  });

  it('counts every value when the edges are not exact in floating point (0.7 / 0.02 is 34.999…)', () => {
    for (const values of [
      [0.7, 0.95, 1],
      [0.82, 1.07, 1],
    ]) {
      for (const bins of [20, 25, 30]) {
        const counted = histogramBins({ values, bins });
        expect(
          counted.bins.reduce((sum, bin) => sum + bin.count, 0),
          `${values} in ${bins}`,
        ).toBe(3);
        // The smallest value sits in the first bin, which starts at or below it.
        expect(counted.bins[0]?.count).toBeGreaterThan(0);
        expect(counted.bins[0]?.from).toBeLessThanOrEqual(Math.min(...values));
      }
    }
  });

  it('puts a value on an inner edge in the bin that starts there', () => {
    const { bins } = histogramBins({ values: [0.6, 0.7, 0.75, 0.9], bins: 3 });
    expect(bins).toEqual([
      { from: 0.6, to: 0.7, count: 1 },
      { from: 0.7, to: 0.8, count: 2 },
      { from: 0.8, to: 0.9, count: 1 },
    ]);
  });
});
