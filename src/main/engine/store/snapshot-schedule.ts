// When the running store writes its index snapshot in the background (besides at close, so a
// crash costs only the journal written since): after `captures` changes, or once changes have
// stopped for `idleMs`. A write starts only at a moment the store says it can be cut (no journal
// write under way), runs one at a time, and never delays a request: the cut is synchronous and
// cheap, the rest is file I/O between which appends carry on.

export interface SnapshotPolicy {
  /**
   * changes (appends, deletes, notes, records replayed at open) after which a snapshot is due,
   * or a quarter of the captures held when that is more: writing one costs in proportion to the
   * captures held, so under steady ingest it takes a bounded share of the time
   */
  captures: number;
  /** a snapshot is due once changes have stopped for this long… */
  idleMs: number;
  /**
   * …and at least this many happened since the last one (default 1,000): a few changes cost
   * little to replay, and a snapshot rewrites the whole index (270 MB at a million captures)
   */
  idleChanges?: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { captures: 100_000, idleMs: 30_000, idleChanges: 1_000 };

export class SnapshotSchedule {
  private changes = 0;
  private due = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closed = false;
  /** background snapshots written (for tests and the bench) */
  written = 0;

  constructor(
    private readonly policy: SnapshotPolicy,
    /** whether the index and journal can be cut now */
    private readonly canCut: () => boolean,
    /** cuts synchronously, then writes */
    private readonly write: () => Promise<void>,
    /** captures held now */
    private readonly held: () => number = () => 0,
  ) {}

  changed(count = 1): void {
    if (this.closed || count <= 0) return;
    this.changes += count;
    if (this.changes >= Math.max(this.policy.captures, this.held() / 4)) this.due = true;
    // restarted, not replaced: changed() runs for every capture, and a refresh costs no new timer
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(this.quiet, this.policy.idleMs);
      this.timer.unref();
    }
    this.settled();
  }

  /** changes stopped for idleMs */
  private readonly quiet = (): void => {
    this.timer = null;
    if (this.changes >= Math.max(1, this.policy.idleChanges ?? 1_000)) this.due = true;
    this.settled();
  };

  /** the store calls this when its journal writes have settled: a due snapshot starts if it can */
  settled(): void {
    if (!this.due || this.writing || this.closed || !this.canCut()) return;
    this.due = false;
    this.changes = 0;
    this.writing = this.write()
      .then(
        () => {
          this.written++;
        },
        () => undefined,
      )
      .finally(() => {
        this.writing = null;
      });
  }

  /** resolves when no background snapshot is being written */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }
}
