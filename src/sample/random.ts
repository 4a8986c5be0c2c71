/** A seeded source of pseudo-random values: the same seed always gives the same sequence. */
export interface Random {
  /** The next value in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One item, every item equally likely. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its (non-negative) weight. Throws if all weights are 0. */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** A normally distributed value (Box–Muller transform). */
  normal(mean: number, sd: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * A `Random` built on mulberry32, a 32-bit generator that is small, fast and good enough for sample data
 * (https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32). Not for anything security-related.
 * Only the low 32 bits of `seed` are used.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => pickWeighted(entries, next()),
    normal: (mean, sd) => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return mean + sd * radius * Math.cos(2 * Math.PI * next());
    },
    chance: (p) => next() < p,
  };
}

function pickWeighted<T>(entries: readonly (readonly [T, number])[], unit: number): T {
  const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
  if (!(total > 0)) throw new RangeError('weighted() needs at least one positive weight');
  let remaining = unit * total;
  let last: T | undefined;
  for (const [value, weight] of entries) {
    if (weight <= 0) continue;
    last = value;
    remaining -= weight;
    if (remaining < 0) return value;
  }
  // Only reachable through rounding at the very top of the range.
  return last as T;
}
