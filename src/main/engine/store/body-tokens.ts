// An inverted index of the words in capture bodies, so a body-text search reads few or no
// bodies. A word ("token") is a maximal run of word bytes — ASCII letters, digits, '_' and every
// byte >= 0x80, so a UTF-8 character is never split — with ASCII letters lower-cased, as the
// search folds them. Each token maps to the seqs of the captures whose body holds it.
//
// Why words and not n-grams: a needle made only of word bytes lies inside one token of any body
// that holds it, so the bodies holding "push" are exactly the union of the postings of the
// tokens that contain "push" — found by scanning the (small) dictionary, no body is read. A
// trigram index can only say "may contain" and would still read the 99,000 bodies of a word in
// 99 % of them. A needle with separators ("invoice.paid", "d-4242") narrows to the captures
// whose tokens fit each of its runs, which are then read and checked; a needle of separators
// only, a non-ASCII needle and a body that could not be fully indexed are always read and
// checked, so results stay exactly those of a plain scan.
//
// Memory: the distinct tokens end to end in one byte arena with their first seq inline (see
// token-arena.ts: no object per token), plus 4 bytes per further (token, capture) pair. The
// dictionary of distinct tokens has a byte budget: a body whose new tokens would exceed it is
// marked incomplete and searched by reading it.
//
// The index is saved in the capture index snapshot (capture-snapshot.ts): changing what a token
// is (WORD, the lower-casing, MAX_TOKEN_BYTES, BODY_SCAN_LIMIT) must bump the snapshot VERSION.

import { TokenArena, type RawTokens } from './token-arena';

/** tokens longer than this are not kept: a body holding one is searched by reading it */
export const MAX_TOKEN_BYTES = 1024;
const DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024;
/** what a distinct token counts against the budget beside its bytes (kept from the Map-based index, so the budget means what it did) */
const ENTRY_OVERHEAD = 48;

const WORD = new Uint8Array(256).map((_, b) =>
  b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f ? 1 : 0,
);
const LOWER = new Uint8Array(256).map((_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));

/** one run of word bytes of a needle; `start`/`end`: the needle has a separator before/after it */
export interface NeedleRun {
  token: string;
  start: boolean;
  end: boolean;
}

/** what the token index can tell about a needle (ASCII-lower-cased as the search folds it) */
export interface TokenQuery {
  /** the runs a holding body's tokens must fit; empty: the index cannot narrow this needle */
  runs: NeedleRun[];
  /** the needle is one run of ASCII word bytes: a fully indexed body holds it iff a token contains it */
  exact: boolean;
}

export function tokenQuery(lowerNeedle: string): TokenQuery {
  // a needle with U+FFFD matches undecodable body bytes, which no token shows: read everything
  if (lowerNeedle.includes('\ufffd')) return { runs: [], exact: false };
  const bytes = Buffer.from(lowerNeedle, 'utf8');
  const runs: NeedleRun[] = [];
  let i = 0;
  while (i < bytes.length) {
    if (!WORD[bytes[i]]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < bytes.length && WORD[bytes[j]]) j++;
    runs.push({ token: bytes.toString('latin1', i, j), start: i > 0, end: j < bytes.length });
    i = j;
  }
  const ascii = /^[\x00-\x7f]*$/.test(lowerNeedle);
  return { runs, exact: ascii && runs.length === 1 && !runs[0].start && !runs[0].end };
}

/** whether a hit at `at` in a token of `length` bytes fits the run's anchoring */
function fitTest(run: NeedleRun): (at: number, length: number) => boolean {
  const n = Buffer.byteLength(run.token, 'latin1');
  if (run.start && run.end) return (at, length) => at === 0 && length === n;
  if (run.start) return (at) => at === 0;
  if (run.end) return (at, length) => at + n === length;
  return () => true;
}

/** A set of seqs as bits. */
export class SeqBits {
  readonly words: Uint32Array;
  constructor(maxSeq: number) {
    this.words = new Uint32Array((maxSeq >>> 5) + 1);
  }
  add(seq: number): void {
    const w = seq >>> 5;
    if (w < this.words.length) this.words[w] |= 1 << (seq & 31);
  }
  has(seq: number): boolean {
    const w = seq >>> 5;
    return w < this.words.length && (this.words[w] & (1 << (seq & 31))) !== 0;
  }
  and(other: SeqBits): void {
    for (let i = 0; i < this.words.length; i++) this.words[i] &= other.words[i] ?? 0;
  }
}

export class BodyTokenIndex {
  private words = new TokenArena();
  private bytes = 0;
  /** what distinct tokens cost: the budget applies to this, postings grow with captures as the rest of the index does */
  private keyBytes = 0;
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** postings of captures since removed: the index is compacted once they dominate */
  private removed = 0;
  private indexed = 0;

  constructor(private readonly budgetBytes = DEFAULT_BUDGET_BYTES) {}

  /** distinct tokens held */
  get size(): number {
    return this.words.size;
  }

  /** approximate bytes held by the dictionary */
  get dictionaryBytes(): number {
    return this.bytes;
  }

  /**
   * Indexes the words of `body` (cut where the search cuts it) under `seq`. False when some
   * word could not be kept (too long, over budget, seq out of range): that capture must then be
   * read to be searched.
   */
  add(seq: number, body: Uint8Array): boolean {
    if (seq > 0xffffffff || seq < 0) return false;
    if (this.scratch.length < body.length) this.scratch = Buffer.allocUnsafe(body.length);
    const lower = this.scratch;
    for (let k = 0; k < body.length; k++) lower[k] = LOWER[body[k]];
    let complete = true;
    let i = 0;
    while (i < body.length) {
      if (!WORD[body[i]]) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < body.length && WORD[body[j]]) j++;
      if (j - i > MAX_TOKEN_BYTES || !this.post(lower, i, j, seq)) complete = false;
      i = j;
    }
    this.indexed++;
    return complete;
  }

  private post(lower: Buffer, from: number, to: number, seq: number): boolean {
    const id = this.words.find(lower, from, to);
    if (id === -1) {
      const cost = to - from + ENTRY_OVERHEAD;
      if (this.keyBytes + cost > this.budgetBytes) return false;
      this.words.addWord(lower, from, to, seq);
      this.bytes += cost;
      this.keyBytes += cost;
    } else if (this.words.post(id, seq)) this.bytes += 4;
    return true;
  }

  /** a capture that was indexed is gone; its postings are dropped at the next compaction */
  forget(isLive: (seq: number) => boolean): void {
    this.removed++;
    if (this.removed > 4096 && this.removed > this.indexed - this.removed) this.compact(isLive);
  }

  /** compacts when any indexed capture has gone since the last compaction */
  compactIfNeeded(isLive: (seq: number) => boolean): void {
    if (this.removed > 0) this.compact(isLive);
  }

  /** drops postings of captures that are gone, and tokens left with none */
  compact(isLive: (seq: number) => boolean): void {
    this.words = this.words.filtered(isLive).arena;
    this.recount();
    this.indexed -= this.removed;
    this.removed = 0;
  }

  /** the storage as typed arrays, for the snapshot (views: later additions do not change them) */
  raw(): RawTokens & { indexed: number } {
    return { ...this.words.raw(), indexed: this.indexed - this.removed };
  }

  /** puts back what `raw` gave (the seqs of further postings end to end); throws when it does not add up */
  restore(raw: Omit<RawTokens, 'moreSeqs' | 'table'> & { moreSeqs: Uint32Array; table: Int32Array | null }, indexedCaptures: number): void {
    this.words = TokenArena.restore(raw.bytes, raw.starts, raw.first, raw.moreIds, raw.moreCounts, raw.moreSeqs, raw.table);
    this.recount();
    this.indexed = indexedCaptures;
    this.removed = 0;
  }

  private recount(): void {
    this.keyBytes = this.words.wordBytes + this.words.size * ENTRY_OVERHEAD;
    this.bytes = this.keyBytes + 4 * this.words.furtherPostings;
  }

  clear(): void {
    this.words = new TokenArena();
    this.bytes = 0;
    this.keyBytes = 0;
    this.removed = 0;
    this.indexed = 0;
  }

  /**
   * The seqs (up to maxSeq) of indexed captures whose tokens fit every run of the query: for an
   * exact query, those holding the needle; otherwise those that may. null when the query has no runs.
   * A run with a separator on both sides is one token, looked up (an unknown word rules everything
   * out at once); the others are found with a byte search of the word arena, each distinct run once.
   */
  candidates(query: TokenQuery, maxSeq: number): SeqBits | null {
    if (!query.runs.length) return null;
    const runs = distinctRuns(query.runs);
    const sets = runs.map(() => new SeqBits(maxSeq));
    const words = this.words;
    const scanned: number[] = [];
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      if (!(run.start && run.end)) {
        scanned.push(r);
        continue;
      }
      const needle = Buffer.from(run.token, 'latin1');
      const id = words.find(needle, 0, needle.length);
      if (id === -1) return new SeqBits(maxSeq);
      const bits = sets[r];
      words.seqsOf(id, (seq) => bits.add(seq));
    }
    for (const r of scanned) {
      const bits = sets[r];
      const add = (seq: number) => bits.add(seq);
      words.scan(Buffer.from(runs[r].token, 'latin1'), fitTest(runs[r]), (id) => words.seqsOf(id, add));
    }
    const result = sets[0];
    for (let r = 1; r < sets.length; r++) result.and(sets[r]);
    return result;
  }
}

/** the runs of a query, each (token, anchoring) once */
function distinctRuns(runs: NeedleRun[]): NeedleRun[] {
  const seen = new Set<string>();
  return runs.filter((run) => {
    const key = `${run.start ? 1 : 0}${run.end ? 1 : 0}${run.token}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
