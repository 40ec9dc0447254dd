// The body word index's storage (see body-tokens.ts), with no object per word: distinct words
// end to end in one byte arena (each followed by a space, which no word holds, so a byte search
// never runs across two), where each starts, the first seq holding it inline, and further seqs
// per word in growable arrays only for words seen in more than one capture. An open-addressing
// table over the word bytes finds a word again. What is written for a word never changes in
// place (further seqs are appended past a length), so a snapshot can keep the arrays of a moment.
import { hashBytes, sameBytes, slotsInUse, tableSizeFor } from './byte-hash';
import { eachEntryHolding, grownTo, spareRoom } from './row-arenas';

const SEPARATOR = 0x20;

/** the seqs of one word after its first, growable */
export class MoreSeqs {
  seqs: Uint32Array;
  length = 1;
  constructor(seq: number, capacity = 4) {
    this.seqs = new Uint32Array(capacity);
    this.seqs[0] = seq;
  }
  push(seq: number): void {
    if (this.length === this.seqs.length) {
      const grown = new Uint32Array(this.seqs.length * 2);
      grown.set(this.seqs);
      this.seqs = grown;
    }
    this.seqs[this.length++] = seq;
  }
  get last(): number {
    return this.seqs[this.length - 1];
  }
}

/** the arena as the snapshot stores it: typed arrays only */
export interface RawTokens {
  bytes: Buffer;
  starts: Uint32Array;
  first: Uint32Array;
  /** word ids with further seqs, how many each, and the seqs end to end */
  moreIds: Uint32Array;
  moreCounts: Uint32Array;
  moreSeqs: Uint32Array[];
  /** the hash table (a copy: it changes in place) */
  table: Int32Array;
}

/** `a` (n elements) with room behind it: its whole buffer when it was read with room, else a grown copy */
function withRoom(a: Uint32Array, n: number): Uint32Array<ArrayBuffer> {
  if (a.byteOffset === 0 && a.buffer instanceof ArrayBuffer && a.buffer.byteLength > a.byteLength)
    return new Uint32Array(a.buffer, 0, a.buffer.byteLength >>> 2);
  return grownTo(a.slice(0, n), n + 1);
}

export class TokenArena {
  private bytes: Buffer = Buffer.allocUnsafeSlow(64 * 1024);
  private used = 0;
  private starts = new Uint32Array(1024);
  private first = new Uint32Array(1024);
  private more = new Map<number, MoreSeqs>();
  private table: Int32Array = new Int32Array(1024); // id + 1; 0: empty
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** the bytes of all words (separators left out) */
  get wordBytes(): number {
    return this.used - this.count;
  }

  /** seqs held beyond each word's first */
  get furtherPostings(): number {
    let n = 0;
    for (const more of this.more.values()) n += more.length;
    return n;
  }

  /** the id of the word `bytes[from, to)`, or -1 */
  find(bytes: Uint8Array, from: number, to: number): number {
    const mask = this.table.length - 1;
    for (let slot = hashBytes(bytes, from, to) & mask; ; slot = (slot + 1) & mask) {
      const held = this.table[slot];
      if (held === 0) return -1;
      if (sameBytes(this.bytes, this.starts[held - 1], this.end(held - 1), bytes, from, to)) return held - 1;
    }
  }

  /** a new word (not held yet) first seen in `seq` */
  addWord(bytes: Uint8Array, from: number, to: number, seq: number): number {
    const id = this.count++;
    const n = to - from;
    if (this.used + n + 1 > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.used + n + 1, Math.ceil(this.bytes.length * 1.5)));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.starts = grownTo(this.starts, id + 1);
    this.first = grownTo(this.first, id + 1);
    this.starts[id] = this.used;
    this.first[id] = seq;
    this.bytes.set(bytes.subarray(from, to), this.used);
    this.used += n;
    this.bytes[this.used++] = SEPARATOR;
    if (this.count * 2 > this.table.length) this.rehash();
    else this.place(id);
    return id;
  }

  /** `seq` holds word `id` too (seqs come in ascending order per word; a repeat is ignored) */
  post(id: number, seq: number): boolean {
    const more = this.more.get(id);
    if (more === undefined) {
      if (this.first[id] === seq) return false;
      this.more.set(id, new MoreSeqs(seq));
      return true;
    }
    if (more.last === seq) return false;
    more.push(seq);
    return true;
  }

  word(id: number): string {
    return this.bytes.toString('latin1', this.starts[id], this.end(id));
  }

  /** calls `visit(seq)` for every seq holding word `id` */
  seqsOf(id: number, visit: (seq: number) => void): void {
    visit(this.first[id]);
    const more = this.more.get(id);
    if (more) for (let k = 0; k < more.length; k++) visit(more.seqs[k]);
  }

  /** calls `visit(id)` for each word holding `needle` where `at` allows (its position in the word and the word's length) */
  scan(needle: Buffer, fits: (at: number, length: number) => boolean, visit: (id: number) => void): void {
    const end = (id: number) => this.end(id);
    const placed = (id: number, at: number) => fits(at - this.starts[id], end(id) - this.starts[id]);
    eachEntryHolding(this.bytes.subarray(0, this.used), this.starts, this.count, end, needle, 0, placed, visit);
  }

  /** a new arena with the seqs `keep` accepts (words left with none go) */
  filtered(keep: (seq: number) => boolean): { arena: TokenArena; words: number } {
    const out = new TokenArena();
    const kept: number[] = [];
    for (let id = 0; id < this.count; id++) {
      kept.length = 0;
      this.seqsOf(id, (seq) => {
        if (keep(seq)) kept.push(seq);
      });
      if (!kept.length) continue;
      const nid = out.addWord(this.bytes, this.starts[id], this.end(id), kept[0]);
      if (kept.length > 1) {
        const more = new MoreSeqs(kept[1], kept.length - 1);
        for (let k = 2; k < kept.length; k++) more.push(kept[k]);
        out.more.set(nid, more);
      }
    }
    return { arena: out, words: out.count };
  }

  /** for the snapshot: views of the arrays as they are now (later additions do not change them) */
  raw(): RawTokens {
    const moreIds = new Uint32Array(this.more.size);
    const moreCounts = new Uint32Array(this.more.size);
    const moreSeqs: Uint32Array[] = [];
    let k = 0;
    for (const [id, more] of this.more) {
      moreIds[k] = id;
      moreCounts[k++] = more.length;
      moreSeqs.push(more.seqs.subarray(0, more.length));
    }
    return {
      bytes: this.bytes.subarray(0, this.used),
      starts: this.starts.subarray(0, this.count),
      first: this.first.subarray(0, this.count),
      moreIds,
      moreCounts,
      moreSeqs,
      table: this.table.slice(),
    };
  }

  /** the arena a snapshot held; throws when it does not add up */
  static restore(
    bytes: Buffer,
    starts: Uint32Array,
    first: Uint32Array,
    moreIds: Uint32Array,
    moreCounts: Uint32Array,
    moreSeqs: Uint32Array,
    table: Int32Array | null,
  ): TokenArena {
    const out = new TokenArena();
    const n = starts.length;
    if (first.length !== n || moreIds.length !== moreCounts.length) throw new Error('token index snapshot does not add up');
    const room = spareRoom(bytes);
    out.bytes = room ?? Buffer.allocUnsafeSlow(bytes.length + Math.max(64 * 1024, bytes.length >>> 3));
    if (!room) bytes.copy(out.bytes);
    out.used = bytes.length;
    // arrays read with room to spare are taken over (see capture-snapshot.ts)
    out.starts = withRoom(starts, n);
    out.first = withRoom(first, n);
    out.count = n;
    for (let id = 0; id < n; id++) {
      const end = out.end(id);
      if (end <= out.starts[id] || end > out.used || out.bytes[end] !== SEPARATOR) throw new Error('token index snapshot does not add up');
    }
    let at = 0;
    for (let k = 0; k < moreIds.length; k++) {
      const c = moreCounts[k];
      if (moreIds[k] >= n || c === 0 || at + c > moreSeqs.length || out.more.has(moreIds[k])) throw new Error('token index snapshot does not add up');
      const more = new MoreSeqs(moreSeqs[at], c);
      more.seqs.set(moreSeqs.subarray(at, at + c));
      more.length = c;
      out.more.set(moreIds[k], more);
      at += c;
    }
    if (at !== moreSeqs.length) throw new Error('token index snapshot does not add up');
    if (table && slotsInUse(table, n, false) === n) out.table = table;
    else out.rehash();
    return out;
  }

  private end(id: number): number {
    return (id + 1 < this.count ? this.starts[id + 1] : this.used) - 1;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = hashBytes(this.bytes, this.starts[id], this.end(id)) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(tableSizeFor(this.count));
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}
