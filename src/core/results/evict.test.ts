import { describe, expect, it } from 'vitest';
import { entriesToEvict } from './evict.ts';

describe('entriesToEvict', () => {
  it('keeps everything that fits', () => {
    expect(entriesToEvict({ entries: [{ id: 'a', savedAt: 1, size: 10 }], budget: 10 })).toEqual([]);
  });

  it('evicts the oldest first until the newest fit', () => {
    const entries = [
      { id: 'old', savedAt: 1, size: 6 },
      { id: 'new', savedAt: 3, size: 6 },
      { id: 'mid', savedAt: 2, size: 3 },
    ];
    expect(entriesToEvict({ entries, budget: 10 })).toEqual(['old']);
  });

  it('evicts an entry larger than the whole budget', () => {
    expect(entriesToEvict({ entries: [{ id: 'huge', savedAt: 5, size: 11 }], budget: 10 })).toEqual(['huge']);
  });
});
