// Bounded retention for journals whose index keeps the latest record per id (runs, deliveries,
// sender history): forget the oldest entries beyond a limit, never one still in flight, then
// delete the journal segments that only hold forgotten or superseded records.
import type { Journal, JournalPointer } from './journal';

/** How many entries a journal-backed log keeps. */
export interface LogRetention {
  /** entries beyond this many (oldest first) are forgotten and their journal segments removed */
  maxEntries: () => number;
}

export const UNBOUNDED: LogRetention = { maxEntries: () => Number.POSITIVE_INFINITY };

/**
 * Ids to forget so that at most `max` entries remain, oldest first in map order, skipping the
 * ones `isLive` keeps (while enough of them are live the map may stay above `max`). Once over
 * the limit it forgets an extra 1/16 of it, so the scan that follows is paid once per many appends.
 */
export function pickEvictions<K, V>(entries: Map<K, V>, max: number, isLive: (value: V, key: K) => boolean): K[] {
  if (!(entries.size > max)) return [];
  const limit = Math.max(0, Math.floor(max));
  let excess = entries.size - limit + Math.floor(limit / 16);
  const out: K[] = [];
  for (const [key, value] of entries) {
    if (excess <= 0) break;
    if (isLive(value, key)) continue;
    out.push(key);
    excess -= 1;
  }
  return out;
}

/** whether `a` is written before `b` in the journal */
export const pointerBefore = (a: JournalPointer, b: JournalPointer): boolean => a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);

export function earlier(a: JournalPointer | null, b: JournalPointer): JournalPointer {
  return !a || pointerBefore(b, a) ? b : a;
}

/** The earliest pointer any retained entry still needs; null when nothing is retained. */
export function earliestPointer(pointers: Iterable<JournalPointer>): JournalPointer | null {
  let first: JournalPointer | null = null;
  for (const pointer of pointers) first = earlier(first, pointer);
  return first;
}

/**
 * Drops every segment older than the one holding `oldestNeeded`: all records there are
 * superseded or belong to forgotten entries. With nothing retained there is no pointer to keep
 * from; what was forgotten is replayed and forgotten again at the next open. Called only after
 * retention evicted entries (oldest first), so a damaged segment before them goes too: its
 * unreadable records are older than what retention just let go.
 */
export async function dropUnneeded<M>(journal: Journal<M>, oldestNeeded: JournalPointer | null): Promise<void> {
  if (oldestNeeded) await journal.dropBefore(oldestNeeded, { damagedBefore: oldestNeeded.segment });
}
