// Trigger runs: every state change is appended; on replay the latest record per id wins.
// A run still `pending` at open was interrupted by a crash or kill while its actions were
// being launched: it is settled (`error`, or `complete_with_error` when some actions had
// launched) with the reason kept on the run, where the trigger log shows it.
// A run of a trigger without run actions has no record here: its launch's log entry carries it
// (carried-runs.ts), and this store reads it through the log (the router settles it there).
import path from 'node:path';
import type { TriggerRun } from '@shared/trigger-log';
import { openJournal, type Journal, type JournalPointer } from '../store/journal';
import type { LogRetention } from './trigger-log-store';
import type { CarriedRunSource } from './carried-runs';

export interface TriggerRunStore {
  /** the log whose entries carry the runs of triggers without run actions (read here, settled there); null: every run has its record here */
  readonly carriedBy: CarriedRunSource | null;
  put(run: TriggerRun): Promise<void>;
  get(id: string): TriggerRun | null;
  /** newest first */
  listForTrigger(triggerId: string, limit?: number): TriggerRun[];
  count(): number;
  /** the records here; carried runs go when the log is cleared */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** a run as held in memory: itself, and its latest record's place in the journal */
interface HeldRun extends JournalPointer {
  run: TriggerRun;
}

export const INTERRUPTED_LAUNCH_REASON =
  'Hookbench stopped (crash or kill) before the run actions finished launching; the actions not listed in the result did not run';

export async function openTriggerRunStore(
  dataDir: string,
  carriedBy: CarriedRunSource | null,
  retention?: LogRetention,
  now: () => number = Date.now,
  options: { sync?: boolean } = {},
): Promise<TriggerRunStore> {
  const journal: Journal<TriggerRun> = await openJournal<TriggerRun>({ dir: path.join(dataDir, 'trigger-runs'), sync: options.sync });
  // Map order follows the latest update, so the first run's record is the oldest one still
  // needed: every record in earlier segments is superseded or belongs to an evicted run. Each
  // held run is one object, the run and where its record is (a launch keeps it for as long as
  // retention does).
  const runs = new Map<string, HeldRun>();
  const remember = (run: TriggerRun, pointer: JournalPointer): void => {
    const held: HeldRun = { run, segment: pointer.segment, offset: pointer.offset, length: pointer.length };
    const size = runs.size;
    // a new run (every launch's first record) costs one lookup; an update is moved to the end
    if (runs.set(run.id, held).size === size) {
      runs.delete(run.id);
      runs.set(run.id, held);
    }
  };
  // Past the limit, runs are evicted in slices of 1/16 of it (as the trigger log's entries are),
  // not one per put: finding the oldest walks the map from its start, over every entry deleted
  // since the map last rehashed — one a put made that walk tens of thousands of steps long once
  // retention was full, and each launch twice as dear.
  let droppedBelow = 0; // segments before this one hold nothing needed and are gone
  const evict = async (): Promise<void> => {
    const max = retention?.maxEntries() ?? Number.POSITIVE_INFINITY;
    if (runs.size <= max) return;
    const ids = runs.keys();
    for (let excess = runs.size - max + Math.floor(max / 16); excess > 0; excess--) runs.delete(ids.next().value as string);
    const oldest = runs.values().next().value;
    if (!oldest || oldest.segment <= droppedBelow) return;
    await journal.dropBefore(oldest, { damagedBefore: oldest.segment });
    droppedBelow = oldest.segment;
  };
  await journal.replay((meta, pointer) => remember(meta, pointer));
  // forget what retention forgot before settling, so a settled run never revives an evicted one
  await evict();
  for (const { run } of [...runs.values()]) {
    if (run.status !== 'pending') continue;
    const settled: TriggerRun = {
      ...run,
      status: run.result.length ? 'complete_with_error' : 'error',
      updatedAt: now(),
      errors: [...(run.errors ?? []), { action: 'launch', message: INTERRUPTED_LAUNCH_REASON }],
    };
    remember(settled, await journal.append(settled));
  }
  await evict();

  return {
    carriedBy,
    put(run) {
      return journal.append(run).then((pointer) => {
        remember(run, pointer);
        // only past the limit is there anything to evict (no promise per put otherwise)
        return runs.size > (retention?.maxEntries() ?? Number.POSITIVE_INFINITY) ? evict() : undefined;
      });
    },
    get: (id) => runs.get(id)?.run ?? carriedBy?.carriedRun(id) ?? null,
    listForTrigger(triggerId, limit = Infinity) {
      const out = [...runs.values()]
        .map((e) => e.run)
        .concat(carriedBy ? [...carriedBy.carriedRuns()] : [])
        .filter((r) => r.triggerId === triggerId)
        .sort((a, b) => b.createdAt - a.createdAt);
      return out.slice(0, limit);
    },
    count: () => runs.size + (carriedBy?.carriedRunCount() ?? 0),
    async clear() {
      await journal.clear();
      runs.clear();
    },
    close: () => journal.close(),
  };
}
