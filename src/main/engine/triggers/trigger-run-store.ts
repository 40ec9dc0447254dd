// Trigger runs: every state change is appended; on replay the latest record per id wins.
import path from 'node:path';
import type { TriggerRun } from '../../../shared/trigger-log';
import { openJournal, type Journal } from '../store/journal';

export interface TriggerRunStore {
  put(run: TriggerRun): Promise<void>;
  get(id: string): TriggerRun | null;
  /** newest first */
  listForTrigger(triggerId: string, limit?: number): TriggerRun[];
  count(): number;
  clear(): Promise<void>;
  close(): Promise<void>;
}

export async function openTriggerRunStore(dataDir: string): Promise<TriggerRunStore> {
  const journal: Journal<TriggerRun> = await openJournal<TriggerRun>({ dir: path.join(dataDir, 'trigger-runs') });
  const runs = new Map<string, TriggerRun>();
  await journal.replay((meta) => {
    runs.delete(meta.id); // re-insert so Map order follows the latest update
    runs.set(meta.id, meta);
  });

  return {
    async put(run) {
      await journal.append(run);
      runs.delete(run.id);
      runs.set(run.id, run);
    },
    get: (id) => runs.get(id) ?? null,
    listForTrigger(triggerId, limit = Infinity) {
      const out = [...runs.values()].filter((r) => r.triggerId === triggerId).sort((a, b) => b.createdAt - a.createdAt);
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
