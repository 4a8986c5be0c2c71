/** How fresh a source's data is, by the original project's rule: warn after 24 h, error after 48 h. */
export type Freshness = 'fresh' | 'stale' | 'expired';

/** Classify data fetched at `fetchedAt` (ISO) as of `now`, with the thresholds in hours. */
export function freshnessOf(options: {
  fetchedAt: string;
  now: Date;
  warnAfterHours?: number | undefined;
  errorAfterHours?: number | undefined;
}): Freshness {
  const hours = (options.now.getTime() - new Date(options.fetchedAt).getTime()) / 3_600_000;
  if (options.errorAfterHours !== undefined && hours > options.errorAfterHours) return 'expired';
  if (options.warnAfterHours !== undefined && hours > options.warnAfterHours) return 'stale';
  return 'fresh';
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function describeAge(options: { fetchedAt: string; now: Date }): string {
  const minutes = Math.max(0, Math.round((options.now.getTime() - new Date(options.fetchedAt).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}
