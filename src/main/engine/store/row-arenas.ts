// Variable-length values kept per row without an object per row: the bytes (or 32-bit refs) of
// every row sit end to end in one growable array, and `starts[row]` says where a row's begin
// (a row ends where the next one begins). Rows are appended in order; what is written for a row
// never changes in place, so a reader holding the arrays (the snapshot writer) sees a stable
// prefix. Compaction builds new arrays.

export function grownTo<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

function grownBuffer(buf: Buffer, need: number): Buffer {
  if (need <= buf.length) return buf;
  const next = Buffer.allocUnsafeSlow(Math.max(need, Math.ceil(buf.length * 1.5), 64 * 1024));
  buf.copy(next);
  return next;
}

/** the whole room behind `bytes` when it starts an ArrayBuffer with more room after it (a snapshot section read with spare room), else null */
export function spareRoom(bytes: Buffer): Buffer | null {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength > bytes.length ? Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength) : null;
}

/**
 * Visits, once each and in order from entry `from`, the entries of an arena that hold `needle`:
 * `count` entries end to end in `bytes`, entry i from `starts[i]` to `end(i)`. A hit counts when it
 * lies within its entry and `fits(i, at)` accepts its byte position; the scan then goes on after
 * that entry. One byte search over the arena, not one per entry.
 */
export function eachEntryHolding(
  bytes: Buffer,
  starts: Uint32Array,
  count: number,
  end: (i: number) => number,
  needle: Buffer,
  from: number,
  fits: (i: number, at: number) => boolean,
  visit: (i: number) => void,
): void {
  if (from >= count) return;
  let i = from;
  for (let at = bytes.indexOf(needle, starts[i]); at !== -1;) {
    // the entry the hit starts in (hits come in order, so search from the last one)
    let hi = count - 1;
    while (i < hi) {
      const mid = (i + hi + 1) >>> 1;
      if (starts[mid] <= at) i = mid;
      else hi = mid - 1;
    }
    const e = end(i);
    if (at + needle.length <= e && fits(i, at)) {
      visit(i);
      at = e >= bytes.length ? -1 : bytes.indexOf(needle, e);
    } else at = bytes.indexOf(needle, at + 1);
  }
}

/** a `fits` for eachEntryHolding that takes every hit within its entry */
export const anyPlace = (): boolean => true;

/** UTF-8 text per row */
export class TextColumn {
  bytes: Buffer;
  used = 0;
  starts: Uint32Array;

  constructor(rows = 1024, bytes = 64 * 1024) {
    this.bytes = Buffer.allocUnsafeSlow(bytes);
    this.starts = new Uint32Array(rows);
  }

  /** `row` must be the next row (the owner keeps the count) */
  push(row: number, text: string): void {
    this.starts = grownTo(this.starts, row + 1);
    this.starts[row] = this.used;
    this.bytes = grownBuffer(this.bytes, this.used + text.length * 3);
    this.used += this.bytes.write(text, this.used, 'utf8');
  }

  start(row: number): number {
    return this.starts[row];
  }

  end(row: number, rows: number): number {
    return row + 1 < rows ? this.starts[row + 1] : this.used;
  }

  text(row: number, rows: number): string {
    return this.bytes.toString('utf8', this.starts[row], this.end(row, rows));
  }

  /** the rows `keep` lists (ascending), copied into new arrays */
  pick(keep: Uint32Array, rows: number, spare: number): TextColumn {
    let total = 0;
    for (let k = 0; k < keep.length; k++) total += this.end(keep[k], rows) - this.starts[keep[k]];
    const out = new TextColumn(keep.length + spare, total + Math.max(64 * 1024, Math.ceil(total / 8)));
    for (let k = 0; k < keep.length; k++) {
      const r = keep[k];
      out.starts[k] = out.used;
      out.used += this.bytes.copy(out.bytes, out.used, this.starts[r], this.end(r, rows));
    }
    return out;
  }

  /**
   * Restores from a snapshot: `starts` for `rows` rows, `bytes` all of them. Arrays with room
   * to spare behind them (see spareRoom) are taken over, not copied.
   */
  static from(starts: Uint32Array, bytes: Buffer, rows: number, spare: number): TextColumn {
    const out = new TextColumn(0, 0);
    out.starts = starts.length >= rows + spare ? starts : grownTo(starts.slice(0, rows), rows + spare);
    const room = spareRoom(bytes);
    out.bytes = room ?? Buffer.allocUnsafeSlow(bytes.length + Math.max(64 * 1024, Math.ceil(bytes.length / 8)));
    if (!room) bytes.copy(out.bytes);
    out.used = bytes.length;
    for (let r = 0; r < rows; r++) if (out.starts[r] > out.used || (r > 0 && out.starts[r] < out.starts[r - 1])) throw new Error('text column does not add up');
    return out;
  }
}

/** a list of 32-bit refs per row */
export class RefListColumn {
  refs: Uint32Array;
  used = 0;
  starts: Uint32Array;

  constructor(rows = 1024, refs = 4096) {
    this.refs = new Uint32Array(refs);
    this.starts = new Uint32Array(rows);
  }

  push(row: number, list: ArrayLike<number>): void {
    this.starts = grownTo(this.starts, row + 1);
    this.starts[row] = this.used;
    this.refs = grownTo(this.refs, this.used + list.length);
    for (let i = 0; i < list.length; i++) this.refs[this.used++] = list[i];
  }

  end(row: number, rows: number): number {
    return row + 1 < rows ? this.starts[row + 1] : this.used;
  }

  pick(keep: Uint32Array, rows: number, spare: number, remap?: Uint32Array): RefListColumn {
    let total = 0;
    for (let k = 0; k < keep.length; k++) total += this.end(keep[k], rows) - this.starts[keep[k]];
    const out = new RefListColumn(keep.length + spare, total + Math.max(4096, Math.ceil(total / 8)));
    for (let k = 0; k < keep.length; k++) {
      const r = keep[k];
      out.starts[k] = out.used;
      for (let i = this.starts[r], e = this.end(r, rows); i < e; i++) out.refs[out.used++] = remap ? remap[this.refs[i]] : this.refs[i];
    }
    return out;
  }

  static from(starts: Uint32Array, refs: Uint32Array, used: number, rows: number, spare: number): RefListColumn {
    const out = new RefListColumn(0, 0);
    out.starts = starts.length >= rows + spare ? starts : grownTo(starts.slice(0, rows), rows + spare);
    out.refs = refs.length > used ? refs : grownTo(refs, used + Math.max(4096, Math.ceil(used / 8)));
    out.used = used;
    for (let r = 0; r < rows; r++) if (out.starts[r] > out.used || (r > 0 && out.starts[r] < out.starts[r - 1])) throw new Error('ref column does not add up');
    return out;
  }
}
