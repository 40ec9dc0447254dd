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

/** what completeRun would have stored for a run without actions, keys in the same order */
export function carriedRunOf(summary: CarrierSummary, id: string): TriggerRun {
  return { id, triggerId: summary.triggerId, captureId: summary.captureId, createdAt: summary.at, updatedAt: summary.at, status: 'completed', result: [] };
}

/**
 * The carried runs of a log's held entries (`entries`, oldest first, the log's own array). The
 * id → entry map is brought up to date when a run is looked up, not on every launch: a launch
 * costs a count, and run-info lookups (rare beside launches) index the entries added since the
 * last lookup. An entry leaving the log takes its run (and any settlement) with it.
 */
export class CarriedRuns {
  private readonly byId = new Map<string, CarrierSummary>();
  /** the few carried runs whose state changed after the launch */
  private readonly settled = new Map<string, TriggerRun>();
  /** the newest entry in byId; entries after it are not indexed yet */
  private indexedThrough: CarrierSummary | null = null;
  private count = 0;

  constructor(private readonly entries: readonly CarrierSummary[]) {}

  /** the log held a new entry (the newest) */
  added(summary: CarrierSummary): void {
    if (summary.carriedRunId !== null) this.count++;
  }

  has(id: string): boolean {
    return this.index().has(id);
  }

  /** false when no held entry carries the run (evicted, or never carried) */
  settle(run: TriggerRun): boolean {
    if (!this.has(run.id)) return false;
    this.settled.set(run.id, run);
    return true;
  }

  get(id: string): TriggerRun | null {
    const summary = this.index().get(id);
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

  /** the entry left the log (retention): its run goes with it */
  forget(summary: CarrierSummary): void {
    const id = summary.carriedRunId;
    if (id === null) return;
    this.count--;
    if (this.byId.size) this.byId.delete(id);
    if (this.settled.size) this.settled.delete(id);
    if (summary === this.indexedThrough) this.indexedThrough = null; // not kept alive by the index (a scan not finding it goes to the start anyway)
  }

  clear(): void {
    this.byId.clear();
    this.settled.clear();
    this.indexedThrough = null;
    this.count = 0;
  }

  /** byId with every held entry in it: the entries after the last indexed one are added */
  private index(): Map<string, CarrierSummary> {
    const { entries } = this;
    const newest = entries.length ? entries[entries.length - 1] : null;
    if (newest === this.indexedThrough) return this.byId;
    for (let i = entries.length - 1; i >= 0 && entries[i] !== this.indexedThrough; i--) {
      const id = entries[i].carriedRunId;
      if (id !== null) this.byId.set(id, entries[i]);
    }
    this.indexedThrough = newest;
    return this.byId;
  }
}
