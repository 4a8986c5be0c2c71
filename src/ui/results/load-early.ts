import type { EarlyResults } from './early-results.ts';
import { precomputedResults } from './precomputed-results.ts';
import { cachedResults } from './results-cache.ts';

/**
 * A page's results to draw before the database is built, for exactly this key: those this browser kept
 * after an earlier build (its own database's answers), else those the site's build precomputed.
 */
export async function loadEarlyResults(options: { key: string; page: string }): Promise<EarlyResults | undefined> {
  return (await cachedResults(options)) ?? (await precomputedResults(options));
}
