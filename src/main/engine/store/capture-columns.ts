// The capture index's rows as columns: typed arrays (seq, time, journal pointer, body size, shape
// and content-type refs, flags) and row arenas (id, lower-cased URL, header line ids), with no
// object per capture. Rows are in seq order. Nothing written for a row changes in place except
// its flags, so the snapshot writer can keep the arrays of a moment (and a copy of the flags)
// while new rows are appended; growth and compaction allocate new arrays.
import { grownTo, RefListColumn, TextColumn } from './row-arenas';

export const LIVE = 1;
/** bits 1-2: Indexed (see capture-index.ts) */
export const INDEXED_SHIFT = 1;
/** the URL is not its own lower case: the original is kept beside (casedUrls) */
export const URL_CASED = 8;

export interface RowValues {
  seq: number;
  receivedAt: number;
  segment: number;
  offset: number;
  length: number;
  bodySize: number;
  shape: number;
  contentType: number;
  flags: number;
  id: string;
  lowerUrl: string;
  lines: ArrayLike<number>;
}

export class CaptureColumns {
  rows = 0;
  seq: Float64Array;
  at: Float64Array;
  segment: Uint32Array;
  offset: Float64Array;
  length: Uint32Array;
  bodySize: Uint32Array;
  shape: Uint32Array;
  contentType: Uint32Array;
  flags: Uint8Array;
  id: TextColumn;
  url: TextColumn;
  lines: RefListColumn;

  constructor(capacity = 1024) {
    this.seq = new Float64Array(capacity);
    this.at = new Float64Array(capacity);
    this.segment = new Uint32Array(capacity);
    this.offset = new Float64Array(capacity);
    this.length = new Uint32Array(capacity);
    this.bodySize = new Uint32Array(capacity);
    this.shape = new Uint32Array(capacity);
    this.contentType = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.id = new TextColumn(capacity, capacity * 26);
    this.url = new TextColumn(capacity, capacity * 32);
    this.lines = new RefListColumn(capacity, capacity * 4);
  }

  push(v: RowValues): number {
    const r = this.rows;
    if (r === this.seq.length) this.grow(r + 1);
    this.seq[r] = v.seq;
    this.at[r] = v.receivedAt;
    this.segment[r] = v.segment;
    this.offset[r] = v.offset;
    this.length[r] = v.length;
    this.bodySize[r] = v.bodySize;
    this.shape[r] = v.shape;
    this.contentType[r] = v.contentType;
    this.flags[r] = v.flags;
    this.id.push(r, v.id);
    this.url.push(r, v.lowerUrl);
    this.lines.push(r, v.lines);
    return this.rows++;
  }

  private grow(need: number): void {
    this.seq = grownTo(this.seq, need);
    this.at = grownTo(this.at, need);
    this.segment = grownTo(this.segment, need);
    this.offset = grownTo(this.offset, need);
    this.length = grownTo(this.length, need);
    this.bodySize = grownTo(this.bodySize, need);
    this.shape = grownTo(this.shape, need);
    this.contentType = grownTo(this.contentType, need);
    this.flags = grownTo(this.flags, need);
  }

  /** new columns holding the rows `keep` lists, in that order (header line ids through `lineRemap`) */
  pick(keep: Uint32Array, lineRemap?: Uint32Array): CaptureColumns {
    const spare = Math.max(1024, keep.length >>> 3);
    const out = new CaptureColumns(0);
    const n = keep.length;
    const take = <T extends Float64Array | Uint32Array | Uint8Array>(from: T): T => {
      const to = new (from.constructor as new (n: number) => T)(n + spare);
      for (let k = 0; k < n; k++) to[k] = from[keep[k]];
      return to;
    };
    out.seq = take(this.seq);
    out.at = take(this.at);
    out.segment = take(this.segment);
    out.offset = take(this.offset);
    out.length = take(this.length);
    out.bodySize = take(this.bodySize);
    out.shape = take(this.shape);
    out.contentType = take(this.contentType);
    out.flags = take(this.flags);
    out.id = this.id.pick(keep, this.rows, spare);
    out.url = this.url.pick(keep, this.rows, spare);
    out.lines = this.lines.pick(keep, this.rows, spare, lineRemap);
    out.rows = n;
    return out;
  }
}
