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
// Memory: one Map entry per distinct token (a token seen once keeps its seq inline, no array)
// plus 4 bytes per (token, capture) pair. The dictionary of distinct tokens has a byte budget: a
// body whose new tokens would exceed it is marked incomplete and searched by reading it.
//
// The index is saved in the capture index snapshot (capture-snapshot.ts): changing what a token
// is (WORD, the lower-casing, MAX_TOKEN_BYTES, BODY_SCAN_LIMIT) must bump the snapshot VERSION.

/** tokens longer than this are not kept: a body holding one is searched by reading it */
export const MAX_TOKEN_BYTES = 1024;
const DEFAULT_BUDGET_BYTES = 96 * 1024 * 1024;
/** approximate cost of a Map entry and string header beside the token's bytes */
const ENTRY_OVERHEAD = 48;

const WORD = new Uint8Array(256).map((_, b) =>
  b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f ? 1 : 0,
);
const LOWER = new Uint8Array(256).map((_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));

class Postings {
  seqs: Uint32Array;
  length = 2;
  constructor(a: number, b: number) {
    this.seqs = new Uint32Array(4);
    this.seqs[0] = a;
    this.seqs[1] = b;
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
  private tokens = new Map<string, number | Postings>();
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
    return this.tokens.size;
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
      if (j - i > MAX_TOKEN_BYTES || !this.post(lower.toString('latin1', i, j), seq)) complete = false;
      i = j;
    }
    this.indexed++;
    return complete;
  }

  private post(token: string, seq: number): boolean {
    const held = this.tokens.get(token);
    if (held === undefined) {
      const cost = token.length + ENTRY_OVERHEAD;
      if (this.keyBytes + cost > this.budgetBytes) return false;
      this.tokens.set(token, seq);
      this.bytes += cost;
      this.keyBytes += cost;
    } else if (typeof held === 'number') {
      if (held !== seq) {
        this.tokens.set(token, new Postings(held, seq));
        this.bytes += 16;
      }
    } else if (held.last !== seq) {
      if (held.length === held.seqs.length) this.bytes += held.seqs.length * 4;
      held.push(seq);
    }
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
    const next = new Map<string, number | Postings>();
    let bytes = 0;
    let keyBytes = 0;
    for (const [token, held] of this.tokens) {
      if (typeof held === 'number') {
        if (!isLive(held)) continue;
        next.set(token, held);
        bytes += token.length + ENTRY_OVERHEAD;
        keyBytes += token.length + ENTRY_OVERHEAD;
        continue;
      }
      const kept: number[] = [];
      for (let k = 0; k < held.length; k++) if (isLive(held.seqs[k])) kept.push(held.seqs[k]);
      if (!kept.length) continue;
      bytes += token.length + ENTRY_OVERHEAD;
      keyBytes += token.length + ENTRY_OVERHEAD;
      if (kept.length === 1) {
        next.set(token, kept[0]);
        continue;
      }
      const postings = new Postings(kept[0], kept[1]);
      for (let k = 2; k < kept.length; k++) postings.push(kept[k]);
      next.set(token, postings);
      bytes += 16 + postings.seqs.length * 4;
    }
    this.tokens = next;
    this.bytes = bytes;
    this.keyBytes = keyBytes;
    this.indexed -= this.removed;
    this.removed = 0;
  }

  /** the dictionary in chunks, for the snapshot: tokens and, per token in order, [count, ...seqs] */
  *chunks(size: number): Generator<{ tokens: string[]; postings: Uint32Array }> {
    let tokens: string[] = [];
    let lengths = 0;
    let held: Array<number | Postings> = [];
    const flush = () => {
      const postings = new Uint32Array(tokens.length + lengths);
      let at = 0;
      for (const h of held) {
        if (typeof h === 'number') {
          postings[at++] = 1;
          postings[at++] = h;
        } else {
          postings[at++] = h.length;
          postings.set(h.seqs.subarray(0, h.length), at);
          at += h.length;
        }
      }
      const chunk = { tokens, postings };
      tokens = [];
      held = [];
      lengths = 0;
      return chunk;
    };
    for (const [token, h] of this.tokens) {
      tokens.push(token);
      held.push(h);
      lengths += typeof h === 'number' ? 1 : h.length;
      if (tokens.length >= size) yield flush();
    }
    if (tokens.length) yield flush();
  }

  /** puts back a chunk from `chunks`; throws when it does not add up */
  restoreChunk(tokens: string[], postings: Uint32Array, indexedCaptures: number): void {
    let at = 0;
    for (const token of tokens) {
      const n = postings[at++];
      if (typeof token !== 'string' || !n || at + n > postings.length) throw new Error('token index snapshot does not add up');
      if (n === 1) this.tokens.set(token, postings[at]);
      else {
        const p = new Postings(postings[at], postings[at + 1]);
        p.seqs = postings.slice(at, at + n);
        p.length = n;
        this.tokens.set(token, p);
        this.bytes += 16 + p.seqs.length * 4;
      }
      this.bytes += token.length + ENTRY_OVERHEAD;
      this.keyBytes += token.length + ENTRY_OVERHEAD;
      at += n;
    }
    if (at !== postings.length) throw new Error('token index snapshot does not add up');
    this.indexed = indexedCaptures;
  }

  clear(): void {
    this.tokens = new Map();
    this.bytes = 0;
    this.keyBytes = 0;
    this.removed = 0;
    this.indexed = 0;
  }

  /**
   * The seqs (up to maxSeq) of indexed captures whose tokens fit every run of the query: for an
   * exact query, those holding the needle; otherwise those that may. null when the query has no runs.
   * A run with a separator on both sides is one token, looked up; the others are matched in one
   * pass over the dictionary, and not at all when a looked-up run already rules everything out.
   */
  candidates(query: TokenQuery, maxSeq: number): SeqBits | null {
    if (!query.runs.length) return null;
    const runs = distinctRuns(query.runs);
    const sets = runs.map(() => new SeqBits(maxSeq));
    const scanned: number[] = [];
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r];
      if (!(run.start && run.end)) {
        scanned.push(r);
        continue;
      }
      const held = this.tokens.get(run.token);
      if (held === undefined) return new SeqBits(maxSeq);
      addHeld(sets[r], held);
    }
    if (scanned.length === 1) {
      const run = runs[scanned[0]];
      const bits = sets[scanned[0]];
      const test = fitTest(run);
      this.tokens.forEach((held, token) => {
        if (test(token)) addHeld(bits, held);
      });
    } else if (scanned.length) {
      const tests = scanned.map((r) => fitTest(runs[r]));
      const bits = scanned.map((r) => sets[r]);
      this.tokens.forEach((held, token) => {
        for (let k = 0; k < tests.length; k++) if (tests[k](token)) addHeld(bits[k], held);
      });
    }
    const result = sets[0];
    for (let r = 1; r < sets.length; r++) result.and(sets[r]);
    return result;
  }
}

function addHeld(bits: SeqBits, held: number | Postings): void {
  if (typeof held === 'number') bits.add(held);
  else for (let k = 0; k < held.length; k++) bits.add(held.seqs[k]);
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

/** whether a token fits a run (a separator before it: the token starts with it; after it: ends with it), length checked first */
function fitTest(run: NeedleRun): (token: string) => boolean {
  const { token: part, start, end } = run;
  const n = part.length;
  if (start && end) return (token) => token === part;
  if (start) return (token) => token.length >= n && token.startsWith(part);
  if (end) return (token) => token.length >= n && token.endsWith(part);
  return (token) => token.length >= n && token.includes(part);
}
