// Trigger runs: every state change is appended; on replay the latest record per id wins.
import path from 'node:path';
import type { TriggerRun } from '../../../shared/trigger-log';
import { openJournal, type Journal, type JournalPointer } from '../store/journal';
import type { LogRetention } from './trigger-log-store';

export interface TriggerRunStore {
  put(run: TriggerRun): Promise<void>;
  get(id: string): TriggerRun | null;
  /** newest first */
  listForTrigger(triggerId: string, limit?: number): TriggerRun[];
  count(): number;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export async function openTriggerRunStore(dataDir: string, retention?: LogRetention): Promise<TriggerRunStore> {
  const journal: Journal<TriggerRun> = await openJournal<TriggerRun>({ dir: path.join(dataDir, 'trigger-runs') });
  // Map order follows the latest update, so the first run's pointer is the oldest one still
  // needed: every record in earlier segments is superseded or belongs to an evicted run.
  const runs = new Map<string, { run: TriggerRun; pointer: JournalPointer }>();
  const remember = (run: TriggerRun, pointer: JournalPointer): void => {
    runs.delete(run.id);
    runs.set(run.id, { run, pointer });
  };
  const evict = async (): Promise<void> => {
    const max = retention?.maxEntries() ?? Number.POSITIVE_INFINITY;
    if (runs.size <= max) return;
    const ids = runs.keys();
    for (let excess = runs.size - max; excess > 0; excess--) runs.delete(ids.next().value as string);
    const oldest = runs.values().next().value;
    if (oldest) await journal.dropBefore(oldest.pointer, { damagedBefore: oldest.pointer.segment });
  };
  await journal.replay((meta, pointer) => remember(meta, pointer));
  await evict();

  return {
    async put(run) {
      remember(run, await journal.append(run));
      await evict();
    },
    get: (id) => runs.get(id)?.run ?? null,
    listForTrigger(triggerId, limit = Infinity) {
      const out = [...runs.values()].map((e) => e.run).filter((r) => r.triggerId === triggerId).sort((a, b) => b.createdAt - a.createdAt);
      return out.slice(0, limit);
    },
    count: () => runs.size,
    async clear() {
      await journal.clear();
      runs.clear();
    },
    close: () => journal.close(),
  };
}
