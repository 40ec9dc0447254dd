// The in-memory index of live captures, oldest first by seq. Removals only mark entries dead;
// the array is compacted once dead entries dominate, so deletes and evictions stay cheap.
import type { CaptureSummary } from '../../../shared/capture';
import type { JournalPointer } from './journal';
import { SignaturePool } from './body-signature';

export interface IndexEntry {
  summary: CaptureSummary;
  pointer: JournalPointer;
  /** lower-cased "name: value\n" of every header */
  headerText: string;
  live: boolean;
  /** slot of the body's signature in `signatures`, -1 until it is computed */
  sig: number;
}

export class CaptureIndex {
  private entries: IndexEntry[] = [];
  private readonly byId = new Map<string, IndexEntry>();
  private head = 0; // entries before head are all dead
  private dead = 0;
  private bytes = 0;
  /** the highest journal segment retention has evicted a capture from (0: none) */
  evictedThroughSegment = 0;
  /** body signatures of live entries (see body-signature.ts) */
  readonly signatures = new SignaturePool();

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
    this.signatures.clear();
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

  /** how many entries (live or dead) the array holds: the cost of one pass */
  get span(): number {
    return this.entries.length - this.head;
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
    this.signatures.release(entry.sig);
    entry.sig = -1;
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
