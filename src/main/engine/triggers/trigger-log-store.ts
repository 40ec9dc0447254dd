// The trigger log: one entry per launch/run-info request, appended to a journal so that an
// entry is on disk before the request is answered. Entries are kept in memory for listing.
import path from 'node:path';
import type { TriggerLogEntry, TriggerLogFilter } from '@shared/trigger-log';
import { openJournal, type Journal, type JournalPointer } from '../store/journal';
import { UNBOUNDED, type LogRetention } from '../store/journal-retention';

export type { LogRetention };

export interface TriggerLogStore {
  append(entry: TriggerLogEntry): Promise<void>;
  /** newest first */
  list(filter?: TriggerLogFilter, limit?: number): TriggerLogEntry[];
  forCapture(captureId: string): TriggerLogEntry | null;
  /** oldest first, for rebuilding derived state (launch history) */
  all(): readonly TriggerLogEntry[];
  count(): number;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export function matchesLogFilter(entry: TriggerLogEntry, filter: TriggerLogFilter = {}): boolean {
  if (filter.triggerId !== undefined && entry.triggerId !== filter.triggerId) return false;
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
  if (filter.failedConditionType !== undefined && !entry.conditions.some((c) => !c.passed && c.type === filter.failedConditionType)) return false;
  return true;
}

export async function openTriggerLogStore(
  dataDir: string,
  retention: LogRetention = UNBOUNDED,
  options: { sync?: boolean; readOnly?: boolean } = {},
): Promise<TriggerLogStore> {
  const journal: Journal<TriggerLogEntry> = await openJournal<TriggerLogEntry>({
    dir: path.join(dataDir, 'trigger-log'),
    sync: options.sync,
    readOnly: options.readOnly,
  });
  const entries: TriggerLogEntry[] = [];
  const pointers: JournalPointer[] = [];
  const byCapture = new Map<string, TriggerLogEntry>();
  const remember = (entry: TriggerLogEntry, pointer: JournalPointer) => {
    entries.push(entry);
    pointers.push(pointer);
    if (entry.captureId) byCapture.set(entry.captureId, entry);
  };
  // Evicts in slices of 1/16 of the limit, so the array copy is paid once per many appends.
  const evict = async (): Promise<void> => {
    const max = retention.maxEntries();
    if (entries.length <= max) return;
    const excess = entries.length - max + Math.floor(max / 16);
    for (const old of entries.splice(0, excess)) if (byCapture.get(old.captureId) === old) byCapture.delete(old.captureId);
    pointers.splice(0, excess);
    if (pointers.length) await journal.dropBefore(pointers[0], { damagedBefore: pointers[0].segment });
  };
  await journal.replay((meta, pointer) => remember(meta, pointer));
  await evict();

  return {
    append(entry) {
      return journal.append(entry).then((pointer) => {
        remember(entry, pointer);
        // only past the limit is there anything to evict (no promise per append otherwise)
        return entries.length > retention.maxEntries() ? evict() : undefined;
      });
    },
    list(filter, limit = Infinity) {
      const out: TriggerLogEntry[] = [];
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) if (matchesLogFilter(entries[i], filter)) out.push(entries[i]);
      return out;
    },
    forCapture: (captureId) => byCapture.get(captureId) ?? null,
    all: () => entries,
    count: () => entries.length,
    async clear() {
      await journal.clear();
      entries.length = 0;
      pointers.length = 0;
      byCapture.clear();
    },
    close: () => journal.close(),
  };
}
