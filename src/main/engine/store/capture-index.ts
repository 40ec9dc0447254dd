// The in-memory index of live captures, oldest first by seq. Removals only mark entries dead;
// the array is compacted once dead entries dominate, so deletes and evictions stay cheap.
import type { CaptureSummary } from '@shared/capture';
import type { JournalPointer } from './journal';
import { BodyTokenIndex } from './body-tokens';

/** whether the body's words are in the token index: not yet, all of them, or not all (read it to search it) */
export const Indexed = { Not: 0, Complete: 1, Partly: 2 } as const;
export type Indexed = (typeof Indexed)[keyof typeof Indexed];

export interface IndexEntry {
  summary: CaptureSummary;
  pointer: JournalPointer;
  /** the lower-cased method, "\n", the lower-cased URL, "\n", then "name: value\n" of every header lower-cased */
  metaText: string;
  /** where the URL starts in metaText */
  urlAt: number;
  /** where the headers start in metaText */
  headerAt: number;
  live: boolean;
  indexed: Indexed;
}

export class CaptureIndex {
  private entries: IndexEntry[] = [];
  private readonly byId = new Map<string, IndexEntry>();
  private head = 0; // entries before head are all dead
  private dead = 0;
  private bytes = 0;
  /** the highest journal segment retention has evicted a capture from (0: none) */
  evictedThroughSegment = 0;
  /** the words of indexed bodies (see body-tokens.ts) */
  readonly tokens = new BodyTokenIndex();
  readonly isLive = (seq: number): boolean => {
    const i = this.insertionPoint(seq);
    return i < this.entries.length && this.entries[i].summary.seq === seq && this.entries[i].live;
  };

  get count(): number {
    return this.byId.size;
  }

  get liveBytes(): number {
    return this.bytes;
  }

  add(entry: IndexEntry): void {
    const last = this.entries[this.entries.length - 1];
    if (!last || last.summary.seq < entry.summary.seq) this.entries.push(entry);
    else this.entries.splice(this.insertionPoint(entry.summary.seq), 0, entry);
    this.byId.set(entry.summary.id, entry);
    this.bytes += entry.pointer.length;
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.kill(entry);
    this.maybeCompact();
    return true;
  }

  clear(): void {
    for (const entry of this.entries) entry.live = false;
    this.tokens.clear();
    this.entries = [];
    this.byId.clear();
    this.head = 0;
    this.dead = 0;
    this.bytes = 0;
  }

  oldest(): IndexEntry | undefined {
    while (this.head < this.entries.length && !this.entries[this.head].live) this.head++;
    return this.entries[this.head];
  }

  /** drops the oldest captures until both limits hold; the newest capture always stays */
  evict(maxCaptures: number, maxBytes: number): number {
    let evicted = 0;
    while (this.count > 1 && (this.count > maxCaptures || this.bytes > maxBytes)) {
      const oldest = this.oldest();
      if (!oldest) break;
      this.kill(oldest);
      this.evictedThroughSegment = Math.max(this.evictedThroughSegment, oldest.pointer.segment);
      evicted++;
    }
    if (evicted) this.maybeCompact();
    return evicted;
  }

  /** the body's words go into the token index */
  indexBody(entry: IndexEntry, body: Uint8Array): void {
    if (entry.live && entry.indexed === Indexed.Not) entry.indexed = this.tokens.add(entry.summary.seq, body) ? Indexed.Complete : Indexed.Partly;
  }

  get newestSeq(): number {
    return this.entries.length ? this.entries[this.entries.length - 1].summary.seq : 0;
  }

  /** how many entries (live or dead) the array holds: the cost of one pass */
  get span(): number {
    return this.entries.length - this.head;
  }

  /** live entries with seq > afterSeq, newest first, as an array (cheaper than the generator for a whole pass) */
  newerThan(afterSeq: number): IndexEntry[] {
    const out: IndexEntry[] = [];
    const entries = this.entries;
    for (let i = entries.length - 1; i >= this.head; i--) {
      const entry = entries[i];
      if (entry.summary.seq <= afterSeq) break;
      if (entry.live) out.push(entry);
    }
    return out;
  }

  /** live entries, oldest first */
  *oldestFirst(): Generator<IndexEntry> {
    for (let i = this.head; i < this.entries.length; i++) if (this.entries[i].live) yield this.entries[i];
  }

  /** live entries, newest first, with seq < beforeSeq when given */
  *newestFirst(beforeSeq?: number): Generator<IndexEntry> {
    let i = beforeSeq === undefined ? this.entries.length - 1 : this.insertionPoint(beforeSeq) - 1;
    for (; i >= this.head; i--) {
      const entry = this.entries[i];
      if (entry.live) yield entry;
    }
  }

  private kill(entry: IndexEntry): void {
    entry.live = false;
    if (entry.indexed !== Indexed.Not) this.tokens.forget(this.isLive);
    this.byId.delete(entry.summary.id);
    this.bytes -= entry.pointer.length;
    this.dead++;
  }

  private maybeCompact(): void {
    const deadAfterHead = this.dead - this.head;
    if (this.head > 4096 || (deadAfterHead > 4096 && deadAfterHead > this.byId.size)) {
      this.entries = this.entries.filter((e) => e.live);
      this.head = 0;
      this.dead = 0;
    }
  }

  /** first index whose seq is >= seq */
  private insertionPoint(seq: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].summary.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
