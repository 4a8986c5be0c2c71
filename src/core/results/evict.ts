/** One kept page of results, as eviction sees it. */
export interface KeptEntry {
  /** Its id in the store. */
  id: string;
  /** When it was last written, in ms since the epoch. */
  savedAt: number;
  /** Its size in bytes. */
  size: number;
}

/**
 * Which kept entries to delete so the rest fit in `budget` bytes: the oldest first. An entry larger than the
 * whole budget is deleted too (it could never be kept without pushing out everything else).
 */
export function entriesToEvict(options: { entries: readonly KeptEntry[]; budget: number }): string[] {
  const newestFirst = [...options.entries].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
  const evicted: string[] = [];
  let total = 0;
  for (const entry of newestFirst) {
    if (total + entry.size <= options.budget) total += entry.size;
    else evicted.push(entry.id);
  }
  return evicted;
}
