// CaptureStore on the journal: an in-memory index rebuilt by replay (or loaded from the snapshot
// written at the last close, then brought up to date by replaying what the journal got since),
// tombstones for deletes, retention that evicts from the index and drops whole segments once
// nothing live is in them.
import path from 'node:path';
import type { CaptureDetail, CapturePage, CaptureQuery, CaptureSummary } from '@shared/capture';
import type { CaptureStore, NewCapture } from '../ports';
import { CaptureIndex, Indexed, type IndexEntry } from './capture-index';
import { BodyScanCache } from './body-scan';
import { compileFilter } from './capture-filter';
import { captureMeta, headerText, summaryOf, detailOf, type CaptureJournalMeta, type CaptureMeta } from './capture-records';
import { openJournal, type JournalPointer, type RecordJournal } from './journal';
import { loadSnapshot, SNAPSHOT_FILE, writeSnapshot } from './capture-snapshot';
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
  const undelivered = loaded?.undelivered ?? new Map<string, string>();
  await journal.replay((meta, pointer, bodyLength) => {
    if (meta.t === 'c') {
      maxSeq = Math.max(maxSeq, meta.seq);
      index.add(entryOf(meta, pointer, bodyLength));
    } else if (meta.t === 'd') {
      maxSeq = Math.max(maxSeq, meta.seqFloor);
      for (const id of meta.ids) index.remove(id);
    } else if (meta.t === 'x') {
      maxSeq = Math.max(maxSeq, meta.seqFloor);
      index.clear();
      undelivered.clear();
    } else if (meta.t === 'u') {
      if (index.get(meta.id)) undelivered.set(meta.id, meta.note);
    }
  }, loaded?.from);
  const store = new JournalCaptureStore(journal, index, maxSeq, retention, undelivered, useSnapshot && !options.readOnly);
  // a CLI reader only looks: no retention drops, no background body indexing
  if (!options.readOnly) {
    await store.applyRetention();
    store.indexInBackground();
  }
  return store;
}

export function capturesDir(dataDir: string): string {
  return path.join(dataDir, 'captures');
}

function entryOf(meta: CaptureMeta, pointer: JournalPointer, bodyLength: number): IndexEntry {
  const method = meta.method.toLowerCase();
  const url = meta.url.toLowerCase();
  const urlAt = method.length + 1;
  const headerAt = urlAt + url.length + 1;
  return {
    summary: summaryOf(meta, bodyLength),
    pointer,
    metaText: `${method}\n${url}\n${headerText(meta.rawHeaders)}`,
    urlAt,
    headerAt,
    live: true,
    indexed: Indexed.Not,
  };
}

class JournalCaptureStore implements CaptureStore {
  private droppedBelow = 0;
  private readonly scans: BodyScanCache;
  /** changes whose journal write is under way: close waits for them before the snapshot */
  private readonly inFlight = new Set<Promise<unknown>>();

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  constructor(
    private readonly journal: RecordJournal<CaptureJournalMeta>,
    private readonly index: CaptureIndex,
    private lastSeq: number,
    private retention: Retention,
    /** notes of `u` records: captures whose answer never reached the client */
    private readonly undelivered: Map<string, string>,
    /** write the index snapshot at close */
    private readonly snapshotAtClose: boolean,
  ) {
    this.scans = new BodyScanCache(journal, index);
  }

  /** indexes the bodies of every stored capture, off the request path */
  indexInBackground(): void {
    for (const entry of this.index.newestFirst()) if (entry.indexed === Indexed.Not) this.scans.added(entry);
  }

  append(capture: NewCapture): Promise<CaptureSummary> {
    return this.track(this.appendNow(capture));
  }

  private async appendNow(capture: NewCapture): Promise<CaptureSummary> {
    const meta = captureMeta(capture, ++this.lastSeq);
    const pointer = await this.journal.append(meta, capture.request.body);
    const entry = entryOf(meta, pointer, capture.request.body.length);
    this.index.add(entry);
    this.scans.added(entry);
    if (this.index.evict(this.retention.maxCaptures, this.retention.maxBytes)) {
      // the answer need not wait for old files to go; a failed unlink is retried at the next eviction
      this.dropDeadSegments(pointer).catch(() => {
        this.droppedBelow = 0;
      });
    }
    return entry.summary;
  }

  markUndelivered(id: string, note: string): Promise<void> {
    return this.track(this.markUndeliveredNow(id, note));
  }

  private async markUndeliveredNow(id: string, note: string): Promise<void> {
    if (!this.index.get(id)) return;
    await this.journal.append({ t: 'u', id, note });
    this.undelivered.set(id, note);
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
    let total = 0;
    let position = 0;
    const take = (entry: IndexEntry) => {
      total++;
      if (entry.summary.seq < before && position++ >= offset && items.length < limit) items.push(entry.summary);
    };
    if (filter.text !== null || filter.body !== null) {
      const matches = await this.scans.matching(filter);
      for (let i = matches.length - 1; i >= 0; i--) if (matches[i].live) take(matches[i]);
      return { items, total };
    }
    for (const entry of this.index.newestFirst()) if (filter.base(entry)) take(entry);
    return { items, total };
  }

  recentForTrigger(triggerId: string, limit: number): CaptureSummary[] {
    const found: CaptureSummary[] = [];
    if (limit <= 0) return found;
    for (const entry of this.index.newestFirst()) {
      if (entry.summary.triggerId !== triggerId) continue;
      found.push(entry.summary);
      if (found.length >= limit) break;
    }
    return found;
  }

  async get(id: string, bodyPreviewLimit = DEFAULT_PREVIEW_BYTES): Promise<CaptureDetail | null> {
    const entry = this.index.get(id);
    if (!entry) return null;
    try {
      const record = await this.journal.readRecord(entry.pointer, Math.max(0, bodyPreviewLimit));
      return detailOf(record.meta as CaptureMeta, record.body, record.bodyLength, record.truncated, this.undelivered.get(id));
    } catch (error) {
      if (!entry.live) return null; // evicted or deleted while being read
      throw error;
    }
  }

  async readBody(id: string): Promise<Buffer | null> {
    const entry = this.index.get(id);
    if (!entry) return null;
    try {
      return await this.journal.readBody(entry.pointer);
    } catch (error) {
      if (!entry.live) return null;
      throw error;
    }
  }

  delete(ids: string[]): Promise<number> {
    return this.track(this.deleteNow(ids));
  }

  private async deleteNow(ids: string[]): Promise<number> {
    const present = [...new Set(ids)].filter((id) => this.index.get(id));
    if (!present.length) return 0;
    const pointer = await this.journal.append({ t: 'd', ids: present, seqFloor: this.lastSeq });
    let deleted = 0;
    for (const id of present) {
      if (this.index.remove(id)) deleted++;
      this.undelivered.delete(id);
    }
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
    await this.journal.clear();
    await removeIfExists(path.join(this.journal.directory, SNAPSHOT_FILE));
    this.droppedBelow = 0;
    await this.journal.append({ t: 'x', seqFloor: this.lastSeq });
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
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    await this.journal.close();
    // a journal in which replay found damage gets no snapshot: the next open replays it and says so
    if (this.snapshotAtClose && !damageUnder(this.journal.directory).length) {
      await writeSnapshot(this.journal.directory, this.journal.segmentSizes(), this.index, this.lastSeq, this.undelivered).catch(() => undefined);
    }
  }

  /**
   * Deletes segments older than the oldest live capture (or than `latest` when none is left).
   * A segment where replay skipped damage goes only once retention has evicted a capture from
   * it or a later segment: what it could not read is not a reason to delete what is on disk.
   */
  private async dropDeadSegments(latest: JournalPointer | null): Promise<void> {
    const keepFrom = this.index.oldest()?.pointer ?? latest;
    if (!keepFrom || keepFrom.segment <= this.droppedBelow) return;
    this.droppedBelow = keepFrom.segment;
    await this.journal.dropBefore(keepFrom, { damagedBefore: this.index.evictedThroughSegment + 1 });
  }
}
