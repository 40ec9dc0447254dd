// One rule for answers that may arrive out of order: every list has a request counter, and an
// answer is applied only while no newer request (or local change) for that list has started.
// A slow answer for an old filter never overwrites a newer one.
export type LatestKey = 'captures' | 'triggers' | 'triggerLog' | 'runs' | 'deliveries';

const counters = new Map<LatestKey, number>();
const current = (key: LatestKey) => counters.get(key) ?? 0;

/** A new request for `key`; the check says whether it is still the newest when its answer comes. */
export function startRequest(key: LatestKey): () => boolean {
  const mine = current(key) + 1;
  counters.set(key, mine);
  return () => current(key) === mine;
}

/** A request that continues the current one (the next page): stale once a newer request starts. */
export function joinRequest(key: LatestKey): () => boolean {
  const mine = current(key);
  return () => current(key) === mine;
}

/** A local change (a save, a delete) that an older answer on its way must not undo. */
export function supersede(key: LatestKey): void {
  counters.set(key, current(key) + 1);
}

/** The current request number of `key` (to tell in-flight requests apart). */
export const generationOf = current;
