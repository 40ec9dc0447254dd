// The trigger log: one entry per launch/run-info request, appended to a journal so that an
// entry is on disk before the request is answered. Memory keeps only a summary per entry (what
// filters, launch history and what-if need, and where the entry is in the journal); listing
// reads the entries back from the journal, so a launch leaves no trace object alive behind it.
import path from 'node:path';
import type { TriggerOutcome } from '@shared/capture';
import type { TriggerLogEntry, TriggerLogFilter, TriggerRun } from '@shared/trigger-log';
import { errorMessage } from '@shared/error-message';
import { openJournal, type JournalPointer, type RecordJournal } from '../store/journal';
import { pointerBefore, UNBOUNDED, type LogRetention } from '../store/journal-retention';
import { CarriedRuns, isRunSettlement, type CarriedRunSource, type CarrierSummary, type RunSettlement } from './carried-runs';

export type { LogRetention };

/**
 * What the log holds in memory per entry; the entry itself is read back from where it is in the
 * journal (the summary is its own pointer: one object kept per launch, not two).
 */
export interface LogSummary extends Readonly<JournalPointer>, CarrierSummary {
  readonly outcome: TriggerOutcome;
  /** the types of the conditions that failed, in order (one shared empty array when none did) */
  readonly failedTypes: readonly string[];
}

export interface TriggerLogStore extends CarriedRunSource {
  /**
   * With `carriesRun`, the entry is a launch of a trigger without run actions and also keeps its
   * run, completed at the launch (carried-runs.ts): the run store holds no record of it.
   */
  append(entry: TriggerLogEntry, carriesRun?: boolean): Promise<void>;
  /** newest first, read back from the journal */
  list(filter?: TriggerLogFilter, limit?: number): Promise<TriggerLogEntry[]>;
  forCapture(captureId: string): Promise<TriggerLogEntry | null>;
  /** oldest first, for rebuilding derived state (launch history, what-if) */
  summaries(): readonly LogSummary[];
  count(): number;
  clear(): Promise<void>;
  close(): Promise<void>;
}

const NONE_FAILED: readonly string[] = Object.freeze([]);

/** a log entry as stored: the marker says it carries its run */
type StoredEntry = TriggerLogEntry & { carriesRun?: true };
/** what the trigger-log journal holds: entries, and the few later states of runs they carry */
type LogRecord = StoredEntry | RunSettlement;

/** the entry without the storage marker, as readers and exports see it */
function entryOf(stored: StoredEntry): TriggerLogEntry {
  if (!stored.carriesRun) return stored;
  const { carriesRun: _marker, ...entry } = stored;
  return entry;
}

function failedTypesOf(entry: TriggerLogEntry): readonly string[] {
  let failed: string[] | null = null;
  for (const c of entry.conditions) if (!c.passed) (failed ??= []).push(c.type);
  return failed ?? NONE_FAILED;
}

export function matchesLogFilter(entry: LogSummary, filter: TriggerLogFilter = {}): boolean {
  if (filter.triggerId !== undefined && entry.triggerId !== filter.triggerId) return false;
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
  if (filter.failedConditionType !== undefined && !entry.failedTypes.includes(filter.failedConditionType)) return false;
  return true;
}

export async function openTriggerLogStore(
  dataDir: string,
  retention: LogRetention = UNBOUNDED,
  options: { sync?: boolean; readOnly?: boolean } = {},
): Promise<TriggerLogStore> {
  const journal: RecordJournal<LogRecord> = await openJournal<LogRecord>({
    dir: path.join(dataDir, 'trigger-log'),
    sync: options.sync,
    readOnly: options.readOnly,
  });
  // oldest first, in journal order (appends resolve in the order they were written)
  // No map by capture id: forCapture (a capture's detail, forensics) scans from the newest, which
  // costs less than a map entry made and kept for every launch.
  const summaries: LogSummary[] = [];
  const carried = new CarriedRuns(summaries);
  let generation = 0; // bumped by clear(), so reads begun before it know their entries are gone
  const remember = (entry: TriggerLogEntry, pointer: JournalPointer, carriesRun: boolean) => {
    const summary: LogSummary = {
      at: entry.at,
      triggerId: entry.triggerId,
      captureId: entry.captureId,
      carriedRunId: carriesRun && entry.runId ? entry.runId : null,
      outcome: entry.outcome,
      failedTypes: failedTypesOf(entry),
      segment: pointer.segment,
      offset: pointer.offset,
      length: pointer.length,
    };
    summaries.push(summary);
    carried.added(summary);
  };
  // Evicts in slices of 1/16 of the limit, so the array copy is paid once per many appends.
  const evict = async (): Promise<void> => {
    const max = retention.maxEntries();
    if (summaries.length <= max) return;
    const excess = summaries.length - max + Math.floor(max / 16);
    for (const gone of summaries.splice(0, excess)) carried.forget(gone);
    if (summaries.length) await journal.dropBefore(summaries[0], { damagedBefore: summaries[0].segment });
  };
  /** still held: not cleared since `since`, and not older than the oldest entry retention keeps */
  const held = (summary: LogSummary, since: number): boolean => since === generation && summaries.length > 0 && !pointerBefore(summary, summaries[0]);

  const unreadable = (summary: LogSummary, error: unknown): Error => {
    const { segment, offset } = summary;
    return new Error(
      `the trigger log entry of capture ${JSON.stringify(summary.captureId)} (${summary.triggerId}, ${new Date(summary.at).toISOString()}) ` +
        `cannot be read from trigger-log segment ${segment} at offset ${offset}: ${errorMessage(error)}`,
      { cause: error },
    );
  };

  /** the entry as stored; null when it was evicted or cleared while being read */
  async function read(summary: LogSummary, since: number): Promise<TriggerLogEntry | null> {
    try {
      return entryOf((await journal.readRecord(summary)).meta as StoredEntry);
    } catch (error) {
      if (!held(summary, since)) return null;
      throw unreadable(summary, error);
    }
  }

  /**
   * The entries as stored, in the order given, read together: neighbouring records in one
   * synchronous read each (the newest entries sit side by side in the journal), not one
   * thread-pool read per entry. Entries evicted or cleared while being read are left out.
   */
  async function readAll(picked: LogSummary[], since: number): Promise<TriggerLogEntry[]> {
    const read: Array<TriggerLogEntry | undefined> = new Array(picked.length);
    const failures = await journal.readMetas(picked, (index, entry) => (read[index] = entryOf(entry as StoredEntry)));
    // the newest entry that is still held and could not be read is the error
    let failed: { index: number; reason: string } | null = null;
    for (const failure of failures) if (held(picked[failure.index], since) && (failed === null || failure.index < failed.index)) failed = failure;
    if (failed) throw unreadable(picked[failed.index], new Error(failed.reason));
    return read.filter((e): e is TriggerLogEntry => e !== undefined);
  }

  // a settlement follows its entry in the journal: one whose entry is gone is left unread
  await journal.replay((meta, pointer) => (isRunSettlement(meta) ? carried.settle(meta.settledRun) : remember(meta, pointer, meta.carriesRun === true)));
  await evict();

  return {
    append(entry, carriesRun = false) {
      // the stored entry carries the marker; the entry itself (in events and answers) does not
      const stored: StoredEntry = carriesRun ? { ...entry, carriesRun: true } : entry;
      return journal.append(stored).then((pointer) => {
        remember(entry, pointer, carriesRun);
        // only past the limit is there anything to evict (no promise per append otherwise)
        return summaries.length > retention.maxEntries() ? evict() : undefined;
      });
    },
    async list(filter, limit = Infinity) {
      const since = generation;
      const picked: LogSummary[] = [];
      for (let i = summaries.length - 1; i >= 0 && picked.length < limit; i--) if (matchesLogFilter(summaries[i], filter)) picked.push(summaries[i]);
      return readAll(picked, since);
    },
    async forCapture(captureId) {
      if (!captureId) return null;
      for (let i = summaries.length - 1; i >= 0; i--) if (summaries[i].captureId === captureId) return read(summaries[i], generation);
      return null;
    },
    summaries: () => summaries,
    count: () => summaries.length,
    carriedRun: (id) => carried.get(id),
    settleCarriedRun(run: TriggerRun) {
      if (!carried.has(run.id)) return null;
      const settlement: RunSettlement = { settledRun: run };
      return journal.append(settlement).then(() => {
        carried.settle(run); // unless its entry was evicted or cleared meanwhile
      });
    },
    carriedRuns: () => carried.all(),
    carriedRunCount: () => carried.size,
    async clear() {
      generation += 1; // first: a read failing because its segment is going away is not an error
      await journal.clear();
      summaries.length = 0;
      carried.clear();
    },
    close: () => journal.close(),
  };
}
