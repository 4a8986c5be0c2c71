/**
 * Names from `candidates` closest to `name` by edit distance (case-insensitive), nearest first. `perCharacter`
 * divides each distance by the longer name's length, so a long name holding the typo beats a short other one.
 */
export function nearestNames(options: {
  name: string;
  candidates: Iterable<string>;
  limit?: number;
  perCharacter?: boolean;
}): string[] {
  const target = options.name.toLowerCase();
  const measure = (candidate: string) =>
    editDistance(target, candidate) / (options.perCharacter ? Math.max(target.length, candidate.length, 1) : 1);
  return [...new Set(options.candidates)]
    .map((candidate) => ({ candidate, distance: measure(candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, options.limit ?? 3)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance with two rolling rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1-based line number of a character offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
