// The trigger log: one entry per launch/run-info request, appended to a journal so that an
// entry is on disk before the request is answered. Entries are kept in memory for listing,
// compactly: the JSON text the journal wrote plus the few fields filters and rate limits read.
// An entry is expanded (parsed) only when it is listed or read, so the per-launch condition
// traces are not an object graph the collector has to walk on every launch.
import path from 'node:path';
import type { TriggerLogEntry, TriggerLogFilter } from '../../../shared/trigger-log';
import { openJournal, type JournalPointer, type RecordJournal } from '../store/journal';
import { UNBOUNDED, type LogRetention } from '../store/journal-retention';

export type { LogRetention };

export interface TriggerLogStore {
  append(entry: TriggerLogEntry): Promise<void>;
  /** newest first */
  list(filter?: TriggerLogFilter, limit?: number): TriggerLogEntry[];
  forCapture(captureId: string): TriggerLogEntry | null;
  /** oldest first, every entry expanded */
  all(): readonly TriggerLogEntry[];
  /** oldest first, without the conditions: what launch history and what-if read */
  summaries(): readonly TriggerLogSummary[];
  count(): number;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export type TriggerLogSummary = Pick<TriggerLogEntry, 'at' | 'triggerId' | 'captureId' | 'outcome'>;

/** an entry as kept in memory: its stored JSON text plus what filters read */
interface KeptEntry extends TriggerLogSummary {
  json: string;
  /** the types of the conditions that failed; null when none did */
  failedTypes: string[] | null;
}

function keep(entry: TriggerLogEntry, json: string): KeptEntry {
  let failedTypes: string[] | null = null;
  const conditions = entry.conditions;
  for (let i = 0; i < conditions.length; i++) if (!conditions[i].passed) (failedTypes ??= []).push(conditions[i].type);
  return { at: entry.at, triggerId: entry.triggerId, captureId: entry.captureId, outcome: entry.outcome, json, failedTypes };
}

const expand = (kept: KeptEntry): TriggerLogEntry => JSON.parse(kept.json) as TriggerLogEntry;

/** the same test as `matchesLogFilter`, on a kept entry */
function keptMatches(kept: KeptEntry, filter: TriggerLogFilter = {}): boolean {
  if (filter.triggerId !== undefined && kept.triggerId !== filter.triggerId) return false;
  if (filter.outcome !== undefined && kept.outcome !== filter.outcome) return false;
  if (filter.failedConditionType !== undefined && !kept.failedTypes?.includes(filter.failedConditionType)) return false;
  return true;
}

export function matchesLogFilter(entry: TriggerLogEntry, filter: TriggerLogFilter = {}): boolean {
  if (filter.triggerId !== undefined && entry.triggerId !== filter.triggerId) return false;
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
  if (filter.failedConditionType !== undefined && !entry.conditions.some((c) => !c.passed && c.type === filter.failedConditionType)) return false;
  return true;
}

export async function openTriggerLogStore(dataDir: string, retention: LogRetention = UNBOUNDED, options: { sync?: boolean; readOnly?: boolean } = {}): Promise<TriggerLogStore> {
  const journal: RecordJournal<TriggerLogEntry> = await openJournal<TriggerLogEntry>({ dir: path.join(dataDir, 'trigger-log'), sync: options.sync, readOnly: options.readOnly });
  const entries: KeptEntry[] = [];
  const pointers: JournalPointer[] = [];
  const byCapture = new Map<string, KeptEntry>();
  const remember = (kept: KeptEntry, pointer: JournalPointer) => {
    entries.push(kept);
    pointers.push(pointer);
    if (kept.captureId) byCapture.set(kept.captureId, kept);
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
  // the stored text is kept as read (old and new journals alike); a meta that does not parse is skipped, as replay does
  await journal.replayJson((json, pointer) => {
    let entry: TriggerLogEntry;
    try {
      entry = JSON.parse(json) as TriggerLogEntry;
    } catch {
      return;
    }
    remember(keep(entry, json), pointer);
  });
  await evict();

  return {
    append(entry) {
      const kept = keep(entry, JSON.stringify(entry));
      return journal.appendJson(kept.json).then((pointer) => {
        remember(kept, pointer);
        // only past the limit is there anything to evict (no promise per append otherwise)
        return entries.length > retention.maxEntries() ? evict() : undefined;
      });
    },
    list(filter, limit = Infinity) {
      const out: TriggerLogEntry[] = [];
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) if (keptMatches(entries[i], filter)) out.push(expand(entries[i]));
      return out;
    },
    forCapture(captureId) {
      const kept = byCapture.get(captureId);
      return kept ? expand(kept) : null;
    },
    all: () => entries.map(expand),
    summaries: () => entries,
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
