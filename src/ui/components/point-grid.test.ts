import { describe, expect, it } from 'vitest';
import { buildPointGrid, nearestPoint } from './point-grid.ts';

const grid = (points: [number, number][], options: { include?: number[]; cellSize?: number } = {}) =>
  buildPointGrid({
    xs: Float64Array.from(points.map(([x]) => x)),
    ys: Float64Array.from(points.map(([, y]) => y)),
    width: 100,
    height: 80,
    ...(options.cellSize ? { cellSize: options.cellSize } : {}),
    ...(options.include ? { include: Uint8Array.from(options.include) } : {}),
  });

/** The answer a test of every point gives: what the grid must agree with. */
function bruteNearest(points: [number, number][], x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach(([px, py], index) => {
    const distance = (px - x) ** 2 + (py - y) ** 2;
    if (px < 0 || py < 0 || px >= 100 || py >= 80) return;
    if (distance < bestDistance || (distance === bestDistance && index > best)) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

describe('nearestPoint', () => {
  it('finds the point under the pointer, and nothing beyond the radius', () => {
    const index = grid([
      [10, 10],
      [50, 40],
      [90, 70],
    ]);
    expect(nearestPoint(index, 51, 41, 5)).toBe(1);
    expect(nearestPoint(index, 10, 16, 5)).toBe(-1);
    expect(nearestPoint(index, 10, 15, 5)).toBe(0);
  });

  it('looks across cell borders for a nearer point', () => {
    // The pointer is in the cell of point 0, but point 1, in the next cell, is nearer.
    const index = grid(
      [
        [1, 1],
        [17, 2],
      ],
      { cellSize: 16 },
    );
    expect(nearestPoint(index, 15, 2, 6)).toBe(1);
  });

  it('gives the later of two points at the same place (the one drawn on top)', () => {
    const index = grid([
      [30, 30],
      [30, 30],
      [30, 30],
    ]);
    expect(nearestPoint(index, 30, 31, 4)).toBe(2);
  });

  it('leaves out points off screen and points without coordinates', () => {
    const index = grid(
      [
        [-3, 10],
        [40, 40],
        [Number.NaN, 5],
        [100, 10],
      ],
      { include: [1, 0, 1, 1] },
    );
    expect(nearestPoint(index, 0, 10, 5)).toBe(-1);
    expect(nearestPoint(index, 40, 40, 5)).toBe(-1);
    expect(nearestPoint(index, 99, 10, 5)).toBe(-1);
    expect(index.order.length).toBe(0);
  });

  it('agrees with testing every point, over many random points and probes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 1.2 - 0.1;
    const points: [number, number][] = Array.from({ length: 2_000 }, () => [random() * 100, random() * 80]);
    const index = grid(points, { cellSize: 8 });
    for (let probe = 0; probe < 500; probe++) {
      const [x, y] = [random() * 100, random() * 80];
      expect(nearestPoint(index, x, y, 6)).toBe(bruteNearest(points, x, y, 6));
    }
  });
});
