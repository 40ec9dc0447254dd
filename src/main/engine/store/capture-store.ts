// CaptureStore on the journal: an in-memory index rebuilt by replay (or loaded from the snapshot
// written at the last close, then brought up to date by replaying what the journal got since),
// tombstones for deletes, retention that evicts from the index and drops whole segments once
// nothing live is in them.
import path from 'node:path';
import type { CaptureDetail, CapturePage, CaptureQuery, CaptureSummary } from '@shared/capture';
import type { CaptureStore, NewCapture } from '../ports';
import { CaptureIndex, Indexed } from './capture-index';
import { BodyScanCache } from './body-scan';
import { compileFilter } from './capture-filter';
import { captureMeta, summaryOf, detailOf, type CaptureJournalMeta, type CaptureMeta } from './capture-records';
import { openJournal, type JournalPointer, type RecordJournal } from './journal';
import { cutSnapshot, loadSnapshot, SNAPSHOT_FILE, writeSnapshot } from './capture-snapshot';
import { DEFAULT_SNAPSHOT_POLICY, SnapshotSchedule, type SnapshotPolicy } from './snapshot-schedule';
import { damageUnder } from './journal-damage';
import { removeIfExists } from './segment-files';

export interface Retention {
  maxCaptures: number;
  maxBytes: number;
}
export interface CaptureStoreOptions {
  segmentBytes?: number;
  /** fdatasync per group commit (see JournalOptions.sync) */
  sync?: boolean;
  /** CLI readers: see JournalOptions.readOnly */
  readOnly?: boolean;
  /** false: ignore the index snapshot and write none (a plain replay, as tests compare against) */
  snapshot?: boolean;
  /** when a snapshot is written while the store runs (besides at close) */
  snapshotEvery?: SnapshotPolicy;
}

const DEFAULT_PREVIEW_BYTES = 2 * 1024 * 1024;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/** `dir` is the captures folder itself (the engine passes `<dataDir>/captures`). */
export async function openCaptureStore(dir: string, retention: Retention, options: CaptureStoreOptions = {}): Promise<CaptureStore> {
  const journal = await openJournal<CaptureJournalMeta>({ dir, segmentBytes: options.segmentBytes, sync: options.sync, readOnly: options.readOnly });
  const useSnapshot = options.snapshot !== false;
  const loaded = useSnapshot ? await loadSnapshot(dir, journal.segmentSizes()) : null;
  const index = loaded?.index ?? new CaptureIndex();
  let maxSeq = loaded?.maxSeq ?? 0;
  let replayed = 0;
  const undelivered = loaded?.undelivered ?? new Map<string, string>();
  await journal.replay((meta, pointer, bodyLength) => {
    replayed++;
    if (meta.t === 'c') {
      maxSeq = Math.max(maxSeq, meta.seq);
      index.add(summaryOf(meta, bodyLength), pointer, meta.rawHeaders);
    } else if (meta.t === 'd') {
      maxSeq = Math.max(maxSeq, meta.seqFloor);
      for (const id of meta.ids) index.remove(id);
    } else if (meta.t === 'x') {
      maxSeq = Math.max(maxSeq, meta.seqFloor);
      index.clear();
      undelivered.clear();
    } else if (meta.t === 'u') {
      if (index.rowOf(meta.id) !== -1) undelivered.set(meta.id, meta.note);
    }
  }, loaded?.from);
  const writeSnapshots = useSnapshot && !options.readOnly;
  const store = new JournalCaptureStore(
    journal,
    index,
    maxSeq,
    retention,
    undelivered,
    writeSnapshots ? (options.snapshotEvery ?? DEFAULT_SNAPSHOT_POLICY) : null,
  );
  store.opened = { fromSnapshot: loaded !== null, replayedRecords: replayed };
  // a CLI reader only looks: no retention drops, no background body indexing
  if (!options.readOnly) {
    await store.applyRetention();
    store.indexInBackground();
    // what had to be replayed is not in the snapshot yet: write one soon, in the background
    store.changedBy(replayed);
  }
  return store;
}

export function capturesDir(dataDir: string): string {
  return path.join(dataDir, 'captures');
}

class JournalCaptureStore implements CaptureStore {
  private droppedBelow = 0;
  private readonly scans: BodyScanCache;
  /** changes whose journal write is under way: close waits for them before the snapshot */
  private inFlight = 0;
  /** told when inFlight drops to 0 */
  private drained: Array<() => void> = [];

  /** how the index was built at open: from the snapshot (then the journal after it), or by a full replay */
  opened = { fromSnapshot: false, replayedRecords: 0 };
  /** background snapshots (null: none, e.g. read-only) */
  private readonly snapshots: SnapshotSchedule | null;

  /** a counter and one shared handler, not a set entry and a closure per capture */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    work.then(this.settledOne, this.settledOne);
    return work;
  }

  private readonly settledOne = (): void => {
    if (--this.inFlight > 0) return;
    this.snapshots?.settled();
    for (const done of this.drained.splice(0)) done();
  };

  constructor(
    private readonly journal: RecordJournal<CaptureJournalMeta>,
    private readonly index: CaptureIndex,
    private lastSeq: number,
    private retention: Retention,
    /** notes of `u` records: captures whose answer never reached the client */
    private readonly undelivered: Map<string, string>,
    /** when to write the index snapshot while running; null: never (not at close either) */
    snapshotPolicy: SnapshotPolicy | null,
  ) {
    this.scans = new BodyScanCache(journal, index);
    this.snapshots =
      snapshotPolicy &&
      new SnapshotSchedule(
        snapshotPolicy,
        () => this.canSnapshot(),
        () => this.writeSnapshotNow(),
        () => this.index.count,
      );
  }

  changedBy(count: number): void {
    this.snapshots?.changed(count);
  }

  /** a snapshot can be cut when no journal write is under way and replay found no damage (such a journal is replayed at every open, which reports it) */
  private canSnapshot(): boolean {
    return this.inFlight === 0 && !damageUnder(this.journal.directory).length;
  }

  /** cuts the index now (synchronously), then writes it out */
  private writeSnapshotNow(): Promise<void> {
    return writeSnapshot(this.journal.directory, cutSnapshot(this.index, this.journal.segmentSizes(), this.lastSeq, this.undelivered));
  }

  /** indexes the bodies of every stored capture, off the request path */
  indexInBackground(): void {
    const index = this.index;
    for (let r = index.head; r < index.end; r++) if (index.live(r) && index.indexed(r) === Indexed.Not) this.scans.added(index.seq(r));
  }

  append(capture: NewCapture): Promise<CaptureSummary> {
    return this.track(this.appendNow(capture));
  }

  private async appendNow(capture: NewCapture): Promise<CaptureSummary> {
    const meta = captureMeta(capture, ++this.lastSeq);
    const pointer = await this.journal.append(meta, capture.request.body);
    const summary = summaryOf(meta, capture.request.body.length);
    this.index.add(summary, pointer, meta.rawHeaders);
    this.scans.added(summary.seq);
    this.snapshots?.changed();
    if (this.index.evict(this.retention.maxCaptures, this.retention.maxBytes)) {
      // the answer need not wait for old files to go; a failed unlink is retried at the next eviction
      this.dropDeadSegments(pointer).catch(() => {
        this.droppedBelow = 0;
      });
    }
    return summary;
  }

  markUndelivered(id: string, note: string): Promise<void> {
    return this.track(this.markUndeliveredNow(id, note));
  }

  private async markUndeliveredNow(id: string, note: string): Promise<void> {
    if (this.index.rowOf(id) === -1) return;
    await this.journal.append({ t: 'u', id, note });
    this.undelivered.set(id, note);
    this.snapshots?.changed();
  }

  /**
   * Newest first. `total` counts every match; `beforeSeq` anchors the page (only captures older
   * than it), `offset` skips that many of those: a client can reach any position of a long
   * list directly, and its offsets stay put while newer captures arrive.
   */
  async list(query: CaptureQuery): Promise<CapturePage> {
    const filter = compileFilter(query.filter);
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE)), MAX_PAGE);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const before = query.beforeSeq ?? Infinity;
    const items: CaptureSummary[] = [];
    const index = this.index;
    let total = 0;
    let position = 0;
    const take = (row: number) => {
      total++;
      if (index.seq(row) < before && position++ >= offset && items.length < limit) items.push(index.summary(row));
    };
    if (filter.text !== null || filter.body !== null) {
      const matches = await this.scans.matching(filter);
      // both ascending by seq: walk them down together
      let r = index.end - 1;
      for (let i = matches.length - 1; i >= 0 && r >= index.head; i--) {
        while (r >= index.head && index.seq(r) > matches[i]) r--;
        if (r >= index.head && index.seq(r) === matches[i] && index.live(r)) take(r);
      }
      return { items, total };
    }
    const bound = filter.bind(index);
    if (bound.all) {
      // every live capture matches: the count is known, and the walk stops once the page is full
      for (let r = index.end - 1; r >= index.head && items.length < limit; r--) if (index.live(r)) take(r);
      return { items, total: index.count };
    }
    for (let r = index.end - 1; r >= index.head; r--) if (index.live(r) && bound.base(r)) take(r);
    return { items, total };
  }

  recentForTrigger(triggerId: string, limit: number): CaptureSummary[] {
    const found: CaptureSummary[] = [];
    if (limit <= 0) return found;
    const index = this.index;
    for (let r = index.end - 1; r >= index.head; r--) {
      if (!index.live(r) || index.shapeOf(r).triggerId !== triggerId) continue;
      found.push(index.summary(r));
      if (found.length >= limit) break;
    }
    return found;
  }

  async get(id: string, bodyPreviewLimit = DEFAULT_PREVIEW_BYTES): Promise<CaptureDetail | null> {
    const row = this.index.rowOf(id);
    if (row === -1) return null;
    try {
      const record = await this.journal.readRecord(this.index.pointer(row), Math.max(0, bodyPreviewLimit));
      return detailOf(record.meta as CaptureMeta, record.body, record.bodyLength, record.truncated, this.undelivered.get(id));
    } catch (error) {
      if (this.index.rowOf(id) === -1) return null; // evicted or deleted while being read
      throw error;
    }
  }

  async readBody(id: string): Promise<Buffer | null> {
    const row = this.index.rowOf(id);
    if (row === -1) return null;
    try {
      return await this.journal.readBody(this.index.pointer(row));
    } catch (error) {
      if (this.index.rowOf(id) === -1) return null;
      throw error;
    }
  }

  delete(ids: string[]): Promise<number> {
    return this.track(this.deleteNow(ids));
  }

  private async deleteNow(ids: string[]): Promise<number> {
    const present = [...new Set(ids)].filter((id) => this.index.rowOf(id) !== -1);
    if (!present.length) return 0;
    const pointer = await this.journal.append({ t: 'd', ids: present, seqFloor: this.lastSeq });
    let deleted = 0;
    for (const id of present) {
      if (this.index.remove(id)) deleted++;
      this.undelivered.delete(id);
    }
    this.snapshots?.changed();
    await this.dropDeadSegments(pointer);
    return deleted;
  }

  clear(): Promise<number> {
    return this.track(this.clearNow());
  }

  private async clearNow(): Promise<number> {
    const deleted = this.index.count;
    // the marker makes a clear that is cut short by a crash still count at the next open
    await this.journal.append({ t: 'x', seqFloor: this.lastSeq });
    this.index.clear();
    this.undelivered.clear();
    this.scans.reset();
    // a snapshot being written must not land after the clear removed the old one
    await this.snapshots?.idle();
    await this.journal.clear();
    await removeIfExists(path.join(this.journal.directory, SNAPSHOT_FILE));
    this.droppedBelow = 0;
    await this.journal.append({ t: 'x', seqFloor: this.lastSeq });
    this.snapshots?.changed();
    return deleted;
  }

  async setRetention(retention: { maxCaptures: number; maxBytes: number }): Promise<void> {
    this.retention = { ...retention };
    await this.applyRetention();
  }

  async applyRetention(): Promise<void> {
    this.index.evict(this.retention.maxCaptures, this.retention.maxBytes);
    await this.dropDeadSegments(null);
  }

  count(): number {
    return this.index.count;
  }

  async close(): Promise<void> {
    await this.scans.close();
    await this.snapshots?.close();
    while (this.inFlight > 0) await new Promise<void>((done) => this.drained.push(done));
    await this.journal.close();
    // a journal in which replay found damage gets no snapshot: the next open replays it and says so
    if (this.snapshots && this.canSnapshot()) await this.writeSnapshotNow().catch(() => undefined);
  }

  /**
   * Deletes segments older than the oldest live capture (or than `latest` when none is left).
   * A segment where replay skipped damage goes only once retention has evicted a capture from
   * it or a later segment: what it could not read is not a reason to delete what is on disk.
   */
  private async dropDeadSegments(latest: JournalPointer | null): Promise<void> {
    const oldest = this.index.oldestRow();
    const keepFrom = oldest !== -1 ? this.index.pointer(oldest) : latest;
    if (!keepFrom || keepFrom.segment <= this.droppedBelow) return;
    this.droppedBelow = keepFrom.segment;
    await this.journal.dropBefore(keepFrom, { damagedBefore: this.index.evictedThroughSegment + 1 });
  }
}
