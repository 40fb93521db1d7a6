/** "Did you mean …?" suggestions: the candidates closest to a misspelt name. */

export interface NearestOptions {
  limit?: number;
  /** Leave out candidates further than this many edits (default: no bound). */
  maxDistance?: number;
}

export function findNearestNames(target: string, candidates: readonly string[], options: NearestOptions = {}): string[] {
  const { limit = 3, maxDistance = Number.POSITIVE_INFINITY } = options;
  const lowered = target.toLowerCase();
  return [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: countEdits(lowered, candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** The one candidate close enough to be a likely typo of `target`, if any. */
export function findLikelyMeant(target: string, candidates: readonly string[]): string | undefined {
  const bound = Math.max(1, Math.floor(target.length / 3));
  return findNearestNames(target, candidates, { limit: 1, maxDistance: bound })[0];
}

/** Levenshtein distance: insertions, deletions and substitutions. */
export function countEdits(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
