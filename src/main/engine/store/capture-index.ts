// The in-memory index of captures, oldest first by seq, as columns (capture-columns.ts): no
// object per capture. A capture is a row; rows stay put until the index compacts (or a capture
// arrives out of seq order), which bumps `epoch` — code that awaits in between holds seqs, not
// rows. Removals only clear a row's live bit; the columns are compacted once dead rows are a
// quarter of them, so deletes and evictions stay cheap. Ids are found through an open-addressing
// table over the id bytes (capture-id-table.ts); header lines are kept once each (header-lines.ts);
// what captures share (method, address, kind, status, trigger...) is one shape id (capture-shapes.ts).
// The URL and header needle searches are in capture-meta-search.ts.
import type { CaptureSummary, HeaderTuple } from '@shared/capture';
import type { JournalPointer } from './journal';
import { BodyTokenIndex } from './body-tokens';
import { CaptureColumns, INDEXED_SHIFT as INDEXED_SHIFT_, LIVE as LIVE_, URL_CASED as URL_CASED_ } from './capture-columns';
import { CaptureIdTable } from './capture-id-table';
import { rowHeadersHold, rowsWhoseHeadersHold, rowsWhoseUrlHolds, rowUrlHolds } from './capture-meta-search';
import { contentTypeKey, newContentTypeTable, newShapeTable, shapeKey, summaryFrom, type CaptureShape } from './capture-shapes';
import { HeaderLines } from './header-lines';
import type { StringTable } from './string-intern';

/** whether the body's words are in the token index: not yet, all of them, or not all (read it to search it) */
export const Indexed = { Not: 0, Complete: 1, Partly: 2 } as const;
export type Indexed = (typeof Indexed)[keyof typeof Indexed];

// module-local copies: an imported binding can be a getter call (tsx, vitest), and these are read per row
const LIVE: number = LIVE_;
const INDEXED_SHIFT: number = INDEXED_SHIFT_;
const URL_CASED: number = URL_CASED_;
const INDEXED_BITS = 3 << INDEXED_SHIFT;
const COMPACT_MIN_DEAD = 4096;
/** distinct shapes or content types kept before a compaction drops the ones no row holds */
export const DISTINCT_VALUES_KEPT = 4096;

/** the lower-cased "name: value\n" line of one header: what header and free-text filters search */
export function headerLine(name: string, value: string): string {
  return `${name}: ${value}\n`.toLowerCase();
}

/** what the snapshot keeps of the index (capture-snapshot.ts) */
export interface IndexParts {
  columns: CaptureColumns;
  shapes: StringTable<CaptureShape>;
  contentTypes: StringTable<string | null>;
  casedUrls: Map<number, string>;
  headerLines: HeaderLines;
  evictedThroughSegment: number;
  /** the id table (rebuilt when absent or not fit); the snapshot keeps a copy */
  idTable: Int32Array | null;
}

export class CaptureIndex {
  private c = new CaptureColumns();
  private shapes = newShapeTable();
  private contentTypes = newContentTypeTable();
  /** seq → the URL as sent, for the few URLs that are not their own lower case */
  private casedUrls = new Map<number, string>();
  private headerLines = new HeaderLines();
  private ids = new CaptureIdTable();
  private headRow = 0; // rows before it are all dead
  private liveCount = 0;
  private bytes = 0;
  /** changes whenever rows move */
  epoch = 0;
  /** the highest journal segment retention has evicted a capture from (0: none) */
  evictedThroughSegment = 0;
  /** the words of indexed bodies (see body-tokens.ts) */
  readonly tokens = new BodyTokenIndex();
  readonly isLive = (seq: number): boolean => this.rowOfSeq(seq) !== -1;

  /** `compactMinDead`: dead rows (and distinct header lines) below which the index never compacts */
  constructor(private readonly compactMinDead = COMPACT_MIN_DEAD) {}

  get count(): number {
    return this.liveCount;
  }

  get liveBytes(): number {
    return this.bytes;
  }

  /** rows [head, end) may be live, in seq order */
  get head(): number {
    return this.headRow;
  }

  get end(): number {
    return this.c.rows;
  }

  get newestSeq(): number {
    return this.c.rows ? this.c.seq[this.c.rows - 1] : 0;
  }

  /** how many rows (live or dead) one pass visits */
  get span(): number {
    return this.c.rows - this.headRow;
  }

  add(summary: CaptureSummary, pointer: JournalPointer, rawHeaders: HeaderTuple[]): void {
    const lines = new Array<number>(rawHeaders.length);
    for (let i = 0; i < rawHeaders.length; i++) lines[i] = this.headerLines.intern(headerLine(rawHeaders[i][0], rawHeaders[i][1]));
    const lowerUrl = summary.url.toLowerCase();
    const cased = lowerUrl !== summary.url;
    const outOfOrder = this.c.rows > 0 && this.c.seq[this.c.rows - 1] >= summary.seq;
    const row = this.c.push({
      seq: summary.seq,
      receivedAt: summary.receivedAt,
      segment: pointer.segment,
      offset: pointer.offset,
      length: pointer.length,
      bodySize: summary.bodySize,
      shape: this.shapes.ref(shapeKey(summary)),
      contentType: this.contentTypes.ref(contentTypeKey(summary.contentType)),
      flags: LIVE | (cased ? URL_CASED : 0),
      id: summary.id,
      lowerUrl,
      lines,
    });
    if (cased) this.casedUrls.set(summary.seq, summary.url);
    this.liveCount++;
    this.bytes += pointer.length;
    if (outOfOrder) this.reorder();
    else this.ids.put(this.c, row, this.headRow, this.liveCount);
  }

  /** the live row of `id`, or -1 */
  rowOf(id: string): number {
    return this.ids.rowOf(this.c, id);
  }

  /** the live row of `seq`, or -1 */
  rowOfSeq(seq: number): number {
    const r = this.firstRowFrom(seq);
    return r < this.c.rows && this.c.seq[r] === seq && this.c.flags[r] & LIVE ? r : -1;
  }

  /** the first row whose seq is >= seq */
  firstRowFrom(seq: number): number {
    const s = this.c.seq;
    let lo = this.headRow;
    let hi = this.c.rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The columns a search pass reads, for a loop without a call per row; valid until `epoch`
   * changes (do not hold across an await). `complete(flags)` says the body's words are all indexed.
   */
  scanView(): { seq: Float64Array; flags: Uint8Array; bodySize: Uint32Array; live: number; indexedBits: number; complete: number } {
    return {
      seq: this.c.seq,
      flags: this.c.flags,
      bodySize: this.c.bodySize,
      live: LIVE,
      indexedBits: INDEXED_BITS,
      complete: Indexed.Complete << INDEXED_SHIFT,
    };
  }

  live(row: number): boolean {
    return (this.c.flags[row] & LIVE) !== 0;
  }

  seq(row: number): number {
    return this.c.seq[row];
  }

  bodySize(row: number): number {
    return this.c.bodySize[row];
  }

  indexed(row: number): Indexed {
    return ((this.c.flags[row] & INDEXED_BITS) >>> INDEXED_SHIFT) as Indexed;
  }

  segmentOf(row: number): number {
    return this.c.segment[row];
  }

  pointer(row: number): JournalPointer {
    return { segment: this.c.segment[row], offset: this.c.offset[row], length: this.c.length[row] };
  }

  shapeOf(row: number): CaptureShape {
    return this.shapes.values[this.c.shape[row]];
  }

  /** the distinct shapes; `shapeId(row)` indexes them */
  get shapeList(): readonly CaptureShape[] {
    return this.shapes.values;
  }

  shapeId(row: number): number {
    return this.c.shape[row];
  }

  id(row: number): string {
    return this.c.id.text(row, this.c.rows);
  }

  summary(row: number): CaptureSummary {
    const c = this.c;
    const seq = c.seq[row];
    const url = c.flags[row] & URL_CASED ? (this.casedUrls.get(seq) ?? '') : c.url.text(row, c.rows);
    return summaryFrom(this.shapes.values[c.shape[row]], this.id(row), seq, c.at[row], url, c.bodySize[row], this.contentTypes.values[c.contentType[row]]);
  }

  /** 1 for each row whose lower-cased URL (or only its path, before "?") holds `lowerNeedle` */
  urlHolding(lowerNeedle: string, pathOnly: boolean): Uint8Array {
    return rowsWhoseUrlHolds(this.c, this.headRow, lowerNeedle, pathOnly);
  }

  /** whether row's lower-cased URL (or only its path) holds `lowerNeedle` (see urlHolding) */
  urlHoldsAt(row: number, lowerNeedle: string, pathOnly: boolean): boolean {
    return rowUrlHolds(this.c, row, lowerNeedle, pathOnly);
  }

  /** whether the row's header lines, joined, hold `lowerNeedle` (see headerHolding) */
  headerHoldsAt(row: number, lowerNeedle: string): boolean {
    return rowHeadersHold(this.c, this.headerLines, row, lowerNeedle);
  }

  /** 1 for each row one of whose header lines (joined, as headerLine gives them) holds `lowerNeedle` */
  headerHolding(lowerNeedle: string): Uint8Array {
    return rowsWhoseHeadersHold(this.c, this.headerLines, this.headRow, lowerNeedle);
  }

  remove(id: string): boolean {
    const row = this.rowOf(id);
    if (row === -1) return false;
    this.kill(row);
    this.maybeCompact();
    return true;
  }

  clear(): void {
    this.c = new CaptureColumns();
    this.casedUrls = new Map();
    this.headerLines = new HeaderLines();
    this.ids = new CaptureIdTable();
    this.tokens.clear();
    this.headRow = 0;
    this.liveCount = 0;
    this.bytes = 0;
    this.epoch++;
  }

  /** the oldest live row, or -1 */
  oldestRow(): number {
    const flags = this.c.flags;
    while (this.headRow < this.c.rows && !(flags[this.headRow] & LIVE)) this.headRow++;
    return this.headRow < this.c.rows ? this.headRow : -1;
  }

  /** drops the oldest captures until both limits hold; the newest capture always stays */
  evict(maxCaptures: number, maxBytes: number): number {
    let evicted = 0;
    while (this.liveCount > 1 && (this.liveCount > maxCaptures || this.bytes > maxBytes)) {
      const oldest = this.oldestRow();
      if (oldest === -1) break;
      this.evictedThroughSegment = Math.max(this.evictedThroughSegment, this.c.segment[oldest]);
      this.kill(oldest);
      evicted++;
    }
    if (evicted) this.maybeCompact();
    return evicted;
  }

  /** the body's words go into the token index */
  indexBody(row: number, body: Uint8Array): void {
    if (this.live(row) && this.indexed(row) === Indexed.Not) {
      const state = this.tokens.add(this.c.seq[row], body) ? Indexed.Complete : Indexed.Partly;
      this.c.flags[row] = (this.c.flags[row] & ~INDEXED_BITS) | (state << INDEXED_SHIFT);
    }
  }

  /** seqs of the live rows among `seqs` (ascending), in the same order */
  liveSeqs(seqs: ArrayLike<number>): number[] {
    const out: number[] = [];
    const s = this.c.seq;
    let r = this.headRow;
    for (let i = 0; i < seqs.length; i++) {
      while (r < this.c.rows && s[r] < seqs[i]) r++;
      if (r === this.c.rows) break;
      if (s[r] === seqs[i] && this.c.flags[r] & LIVE) out.push(seqs[i]);
    }
    return out;
  }

  /** the parts the snapshot writes (their arrays are not changed in place, except the flags: copy them) */
  parts(): IndexParts {
    return {
      columns: this.c,
      shapes: this.shapes,
      contentTypes: this.contentTypes,
      casedUrls: this.casedUrls,
      headerLines: this.headerLines,
      evictedThroughSegment: this.evictedThroughSegment,
      idTable: this.ids.slots,
    };
  }

  /** an index of the parts a snapshot held; rows whose segment is below `droppedBelow` are gone */
  static restore(parts: IndexParts, droppedBelow: number): CaptureIndex {
    const index = new CaptureIndex();
    index.c = parts.columns;
    index.shapes = parts.shapes;
    index.contentTypes = parts.contentTypes;
    index.casedUrls = parts.casedUrls;
    index.headerLines = parts.headerLines;
    index.evictedThroughSegment = parts.evictedThroughSegment;
    const c = index.c;
    for (let r = 0; r < c.rows; r++) {
      if (r > 0 && !(c.seq[r] > c.seq[r - 1])) throw new Error('snapshot rows out of order');
      if (c.shape[r] >= index.shapes.size || c.contentType[r] >= index.contentTypes.size || (c.flags[r] & INDEXED_BITS) >>> INDEXED_SHIFT > Indexed.Partly)
        throw new Error('bad snapshot row');
      if (c.flags[r] & URL_CASED && !index.casedUrls.has(c.seq[r])) throw new Error('bad snapshot row');
      if (c.segment[r] < droppedBelow) c.flags[r] &= ~LIVE;
      if (!(c.flags[r] & LIVE)) continue;
      index.liveCount++;
      index.bytes += c.length[r];
    }
    for (let i = 0; i < c.lines.used; i++) if (c.lines.refs[i] >= index.headerLines.size) throw new Error('bad snapshot header line');
    // the table as written fits only while every row it names is still there
    if (!(parts.idTable && !droppedBelow && index.ids.adopt(parts.idTable, c.rows))) index.rebuildIds();
    index.oldestRow();
    return index;
  }

  private kill(row: number): void {
    this.c.flags[row] &= ~LIVE;
    this.ids.drop(this.c, row);
    if (this.indexed(row) !== Indexed.Not) this.tokens.forget(this.isLive);
    this.liveCount--;
    this.bytes -= this.c.length[row];
  }

  private maybeCompact(): void {
    const dead = this.c.rows - this.liveCount;
    if (dead > this.compactMinDead && dead > this.c.rows / 4) this.compact();
  }

  /** live rows only, in new arrays; header lines and cased URLs of gone captures go too */
  private compact(): void {
    const c = this.c;
    const keep = new Uint32Array(this.liveCount);
    let k = 0;
    for (let r = 0; r < c.rows; r++) if (c.flags[r] & LIVE) keep[k++] = r;
    let remap: Uint32Array | undefined;
    if (this.headerLines.size > this.compactMinDead) {
      const used = new Uint8Array(this.headerLines.size);
      for (let j = 0; j < keep.length; j++) for (let i = c.lines.starts[keep[j]], e = c.lines.end(keep[j], c.rows); i < e; i++) used[c.lines.refs[i]] = 1;
      remap = this.headerLines.compact(used);
    }
    for (const seq of this.casedUrls.keys()) if (!this.isLive(seq)) this.casedUrls.delete(seq);
    this.c = c.pick(keep, remap);
    this.dropUnusedValues();
    this.headRow = 0;
    this.epoch++;
    this.rebuildIds();
  }

  /**
   * Shapes and content types no live row holds any more go, once the tables have grown past a few
   * thousand: a sender that varies them (a multipart boundary per request) would otherwise keep one
   * string per capture after its capture is gone.
   */
  private dropUnusedValues(): void {
    this.shapes = keepUsed(this.shapes, this.c.shape, this.c.rows, null);
    this.contentTypes = keepUsed(this.contentTypes, this.c.contentType, this.c.rows, 0);
  }

  /** rows back in seq order after one arrived out of order */
  private reorder(): void {
    const c = this.c;
    const order = Uint32Array.from({ length: c.rows }, (_, i) => i).sort((a, b) => c.seq[a] - c.seq[b]);
    this.c = c.pick(order);
    this.headRow = 0;
    this.epoch++;
    this.rebuildIds();
  }

  private rebuildIds(): void {
    this.ids.rebuild(this.c, this.headRow, this.liveCount);
  }
}

/** `table` without the values no row holds, once it has grown past DISTINCT_VALUES_KEPT; the column's ids are remapped in place */
function keepUsed<T>(table: StringTable<T>, column: Uint32Array, rows: number, alwaysKeep: number | null): StringTable<T> {
  if (table.size <= DISTINCT_VALUES_KEPT) return table;
  const used = new Uint8Array(table.size);
  if (alwaysKeep !== null) used[alwaysKeep] = 1;
  for (let r = 0; r < rows; r++) used[column[r]] = 1;
  const { table: kept, remap } = table.compacted(used);
  for (let r = 0; r < rows; r++) column[r] = remap[column[r]];
  return kept;
}
