// Runs kept in their launch's trigger-log entry. A trigger without run actions has nothing to
// launch, so its run is final at the launch and says nothing its log entry does not: id (the
// entry's runId), trigger, capture, created and updated at the entry's time, completed, no
// result. Such an entry is stored with a marker instead of a run record of its own (one journal
// record per launch fewer), and the run lives and goes with the entry under the log's
// retention. The rare later change — the answer never reached the client, so the run ends as
// error — is a settlement record in the same journal after the entry, so a reopen reads it back
// and a segment is never dropped from under it while the entry is held.
import type { TriggerRun } from '@shared/trigger-log';

/** what the log keeps per carried run: the entry's summary fields it is derived from */
export interface CarrierSummary {
  readonly at: number;
  readonly triggerId: string;
  readonly captureId: string;
  /** the run this entry carries, or null */
  readonly carriedRunId: string | null;
}

/** the log's side, for the run store: runs it carries are read and settled through it */
export interface CarriedRunSource {
  /** the carried run with this id, completed or as settled since; null when no held entry carries it */
  carriedRun(id: string): TriggerRun | null;
  /** records a carried run's new state beside its entry; null when no held entry carries this run */
  settleCarriedRun(run: TriggerRun): Promise<void> | null;
  /** every carried run, oldest first */
  carriedRuns(): Iterable<TriggerRun>;
  carriedRunCount(): number;
}

/** the journal record of a carried run's later state */
export interface RunSettlement {
  settledRun: TriggerRun;
}

export const isRunSettlement = (meta: unknown): meta is RunSettlement => typeof meta === 'object' && meta !== null && 'settledRun' in meta;

/**
 * A launch's run when its trigger has no run actions: completed at the launch, no result — what
 * completeRun would store, keys in the same order. The router's run and the one read back
 * through the log are both this.
 */
export function completedAtLaunch(run: Pick<TriggerRun, 'id' | 'triggerId' | 'captureId' | 'createdAt'>): TriggerRun {
  return {
    id: run.id,
    triggerId: run.triggerId,
    captureId: run.captureId,
    createdAt: run.createdAt,
    updatedAt: run.createdAt,
    status: 'completed',
    result: [],
  };
}

/** the run an entry carries, from its summary */
export function carriedRunOf(summary: CarrierSummary, id: string): TriggerRun {
  return completedAtLaunch({ id, triggerId: summary.triggerId, captureId: summary.captureId, createdAt: summary.at });
}

/**
 * The carried runs of a log's held entries (`entries`, oldest first, the log's own array). No
 * map by run id: inserting every launch's id into a map of every held run cost about 1.5 µs a
 * launch, and building one at the first lookup stalled the engine for over a second with a
 * million held. Instead each entry's run id is reduced to a 32-bit key in a flat array beside
 * `entries`, and a lookup (run-info, the API: rare beside launches) compares keys, newest first
 * — about a millisecond for a million — and checks the id itself only where a key matches. An
 * entry leaving the log takes its run (and any settlement) with it.
 */
export class CarriedRuns {
  /** the few carried runs whose state changed after the launch */
  private readonly settled = new Map<string, TriggerRun>();
  /** keys[start + i] is the key of entries[i]'s run id (0: it carries none) */
  private keys = new Int32Array(1024);
  private start = 0;
  private end = 0;
  private count = 0;

  constructor(private readonly entries: readonly CarrierSummary[]) {}

  /** the log held a new entry (the newest) */
  added(summary: CarrierSummary): void {
    if (this.end === this.keys.length) this.makeRoom();
    const id = summary.carriedRunId;
    this.keys[this.end++] = id === null ? 0 : keyOf(id);
    if (id !== null) this.count++;
  }

  has(id: string): boolean {
    return this.find(id) !== undefined;
  }

  /** false when no held entry carries the run (evicted, or never carried) */
  settle(run: TriggerRun): boolean {
    if (!this.has(run.id)) return false;
    this.settled.set(run.id, run);
    return true;
  }

  get(id: string): TriggerRun | null {
    const summary = this.find(id);
    if (!summary) return null;
    return this.settled.get(id) ?? carriedRunOf(summary, id);
  }

  *all(): Iterable<TriggerRun> {
    for (const summary of this.entries) {
      const id = summary.carriedRunId;
      if (id !== null) yield this.settled.get(id) ?? carriedRunOf(summary, id);
    }
  }

  get size(): number {
    return this.count;
  }

  /** the oldest entry left the log (retention): its run goes with it */
  forget(summary: CarrierSummary): void {
    this.start++;
    const id = summary.carriedRunId;
    if (id === null) return;
    this.count--;
    if (this.settled.size) this.settled.delete(id);
  }

  clear(): void {
    this.settled.clear();
    this.start = this.end = this.count = 0;
  }

  private find(id: string): CarrierSummary | undefined {
    const key = keyOf(id);
    const { keys, entries, start } = this;
    for (let k = this.end - 1; k >= start; k--) {
      if (keys[k] !== key) continue;
      const summary = entries[k - start];
      if (summary.carriedRunId === id) return summary;
    }
    return undefined;
  }

  /** the keys of held entries moved to the front, in an array with room for as many again */
  private makeRoom(): void {
    const held = this.end - this.start;
    const keys = held * 2 > this.keys.length ? new Int32Array(Math.max(1024, held * 2)) : this.keys;
    keys.set(this.keys.subarray(this.start, this.end));
    this.keys = keys;
    this.start = 0;
    this.end = held;
  }
}

/** a run id's 32-bit key (FNV-1a over its UTF-16 code units), never 0 */
function keyOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 1;
}
