// Filters that look into bodies (free text not found in method/URL/headers, the body filter).
// The body token index (body-tokens.ts) answers a one-word needle outright and narrows any other
// to the captures whose words fit it; only those, and bodies not (fully) indexed, are read from
// the journal, in few large reads, and searched. Bodies are indexed when a search first reads
// them, and in the background after the store opens or takes new captures, so the next search
// already has them. The last result is kept: paging or repeating it reads only captures that
// arrived since, and a query that narrows it (the same filters with a longer needle, as when
// typing on) searches only its matches. Captures are held by seq across awaits (the index's rows
// move when it compacts), by row only within one synchronous stretch.
import { ApiError } from '@shared/api-error';
import { Indexed, type CaptureIndex } from './capture-index';
import type { SeqBits } from './body-tokens';
import type { BodyNeedle, CompiledFilter } from './capture-filter';
import type { CaptureJournalMeta } from './capture-records';
import type { JournalPointer, RecordJournal } from './journal';
import { NeedleTails, type TailSession } from './needle-tails';
import { STORAGE_ERROR_CODE } from './storage-error';

/** only the start of very large bodies is searched (and indexed), to bound one query's cost */
export const BODY_SCAN_LIMIT = 1024 * 1024;
/** bodies indexed per background step, between which appends and queries get their turn */
const INDEX_BATCH = 2000;
/** a background indexing pass starts once no capture arrived for this long */
const INDEX_DELAY_MS = 500;

interface Scan {
  filter: CompiledFilter;
  throughSeq: number;
  /** seqs, ascending */
  matches: number[];
}

export class BodyScanCache {
  private last: Scan | null = null;
  /** what followed the last free-text and body needles in the bodies read that held them (typing on) */
  private readonly textTails = new NeedleTails();
  private readonly bodyTails = new NeedleTails();
  /** seqs of captures whose bodies are not indexed yet */
  private unindexed: number[] = [];
  private indexing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private appends = 0;

  constructor(
    private readonly journal: RecordJournal<CaptureJournalMeta>,
    private readonly index: CaptureIndex,
  ) {}

  reset(): void {
    this.last = null;
    this.unindexed = [];
    this.textTails.clear();
    this.bodyTails.clear();
  }

  /** a new entry whose body is not indexed yet: indexed in the background once appends pause */
  added(seq: number): void {
    this.unindexed.push(seq);
    this.appends++;
    if (!this.timer && !this.indexing) this.armIndexer();
  }

  /**
   * Indexes in quiet moments only: while captures keep arriving the receiver gets the CPU (a
   * search indexes whatever it reads anyway), and a pass stops as soon as appends resume.
   */
  private armIndexer(): void {
    if (this.closed) return;
    const seen = this.appends;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.appends !== seen) this.armIndexer();
      else void this.indexPending(true);
    }, INDEX_DELAY_MS);
    this.timer.unref();
  }

  /** indexes every body not indexed yet, in steps; resolves when done (or, if `yieldToAppends`, when appends resume) */
  indexPending(yieldToAppends = false): Promise<void> {
    this.indexing ??= (async () => {
      let interrupted = false;
      try {
        while (this.unindexed.length && !this.closed) {
          const seen = this.appends;
          const index = this.index;
          const batch = this.unindexed.splice(Math.max(0, this.unindexed.length - INDEX_BATCH)).filter((seq) => {
            const row = index.rowOfSeq(seq);
            return row !== -1 && index.indexed(row) === Indexed.Not;
          });
          await this.journal
            .readBodies(
              batch.map((seq) => index.pointer(index.rowOfSeq(seq))),
              BODY_SCAN_LIMIT,
              (i, body) => {
                const row = index.rowOfSeq(batch[i]);
                if (row !== -1) index.indexBody(row, body);
              },
            )
            .catch(() => undefined);
          await new Promise((r) => setImmediate(r));
          if (yieldToAppends && this.appends !== seen) {
            interrupted = true;
            break;
          }
        }
      } finally {
        this.indexing = null;
        if (interrupted) this.armIndexer();
      }
    })();
    return this.indexing;
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    return this.indexing ?? Promise.resolve();
  }

  /** seqs of the captures matching the whole filter, ascending (may include captures since removed) */
  async matching(filter: CompiledFilter): Promise<number[]> {
    const previous = this.last;
    const same = previous?.filter.key === filter.key;
    const narrows = !same && previous !== null && narrowing(previous.filter, filter);
    const since = same || narrows ? previous!.throughSeq : 0;
    const throughSeq = Math.max(since, this.index.newestSeq);
    const found = await this.search(filter, since, narrows ? previous!.matches : null);
    const matches = same ? this.index.liveSeqs(previous!.matches).concat(found) : found;
    this.last = { filter, throughSeq, matches };
    return matches;
  }

  /**
   * Seqs (ascending) of the captures that match: those newer than `since`, and (when narrowing)
   * those of `earlier` (seqs, ascending, all <= since).
   */
  private async search(filter: CompiledFilter, since: number, earlier: number[] | null): Promise<number[]> {
    const index = this.index;
    // rows, ascending: those of `earlier` still there, then every row after `since`
    const fresh = index.firstRowFrom(since + 1);
    const pool = new Int32Array((earlier ? earlier.length : 0) + index.end - fresh);
    let n = 0;
    if (earlier) {
      let r = index.head;
      for (const seq of earlier) {
        while (r < index.end && index.seq(r) < seq) r++;
        if (r < index.end && index.seq(r) === seq) pool[n++] = r;
      }
    }
    for (let r = fresh; r < index.end; r++) pool[n++] = r;
    const bound = filter.bind(index, n);
    const everyRow = bound.all;
    // the columns themselves: no call per row in the loop below (it runs over every capture)
    const { seq: seqOf, flags, bodySize, live, indexedBits, complete } = index.scanView();
    const textRows = bound.textRows;
    const seqs = new Float64Array(n);
    const pass = new Uint8Array(n); // 1 match, 2 to be read
    const toRead: number[] = [];
    const pointers: JournalPointer[] = [];
    const needs: Array<BodyNeedle[]> = [];
    // what the token index says about each needle: the seqs of fully indexed bodies that hold it
    // (or may), worked out when first asked (bodies the tails decide never ask)
    const maxSeq = index.newestSeq;
    const { text, body } = filter;
    const bitsFor = (needle: BodyNeedle): (() => SeqBits | null) => {
      let bits: SeqBits | null | undefined;
      return () => (bits === undefined ? (bits = index.tokens.candidates(needle.tokens, maxSeq)) : bits);
    };
    const textBits = text && bitsFor(text);
    const bodyBits = body && bitsFor(body);
    const textTails = text && this.textTails.begin(text.text, n);
    const bodyTails = body && this.bodyTails.begin(body.text, n);
    /** 0 ruled out, 1 holds it, 2 to be read */
    const verdict = (row: number, needle: BodyNeedle, bitsOf: () => SeqBits | null, tails: TailSession): number => {
      if (needle.bytes > bodySize[row]) return 0;
      // what followed the shorter needle this body was last found to hold
      const known = tails.verdict(seqOf[row]);
      if (known !== 2) return known;
      // only a body whose every word is indexed can be ruled out (or in) by the index
      if ((flags[row] & indexedBits) !== complete) return 2;
      const bits = bitsOf();
      if (!bits) return 2;
      if (!bits.has(seqOf[row])) return 0;
      // a fully indexed body that has a word containing a one-word needle holds it
      return needle.tokens.exact ? 1 : 2;
    };
    for (let i = 0; i < n; i++) {
      const row = pool[i];
      if (!(flags[row] & live) || (!everyRow && !bound.base(row))) continue;
      seqs[i] = seqOf[row];
      const t = text && !(textRows !== null ? textRows[row] === 1 : bound.textInMeta(row)) ? verdict(row, text, textBits!, textTails!) : 1;
      if (t === 0) continue;
      const b = body ? verdict(row, body, bodyBits!, bodyTails!) : 1;
      if (b === 0) continue;
      if (t === 1 && b === 1) {
        pass[i] = 1;
        continue;
      }
      pass[i] = 2;
      toRead.push(i);
      pointers.push(index.pointer(row));
      needs.push(t === 2 && b === 2 ? [text!, body!] : t === 2 ? [text!] : [body!]);
    }
    // rows may move while bodies are read: from here on, seqs
    const failures = await this.journal.readBodies(pointers, BODY_SCAN_LIMIT, (k, read) => {
      const i = toRead[k];
      const row = index.rowOfSeq(seqs[i]);
      if (row !== -1) index.indexBody(row, read);
      let holds = true;
      for (const needle of needs[k]) {
        if (!needle.test(read)) {
          holds = false;
          break;
        }
        (needle === text ? textTails! : bodyTails!).found(seqs[i], read);
      }
      if (holds) pass[i] = 1;
    });
    // a capture removed meanwhile may have taken its segment along; any other failure is damage,
    // and the search says so rather than answer without that capture
    const lost = failures.filter((f) => index.rowOfSeq(seqs[toRead[f.index]]) !== -1);
    if (lost.length) throw unreadable(lost.length, index.id(index.rowOfSeq(seqs[toRead[lost[0].index]])), lost[0].reason);
    textTails?.done();
    bodyTails?.done();
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (pass[i] === 1) out.push(seqs[i]);
    return out;
  }
}

function unreadable(count: number, id: string, reason: string): ApiError {
  const which = count === 1 ? `capture ${id}` : `${count} captures (${id} and others)`;
  return new ApiError(STORAGE_ERROR_CODE, `search could not read the body of ${which}: ${reason}`);
}

/** every capture matching `next` also matches `prev`: same base filters, each needle extends the old one */
function narrowing(prev: CompiledFilter, next: CompiledFilter): boolean {
  if (prev.baseKey !== next.baseKey) return false;
  const extends_ = (a: BodyNeedle | null, b: BodyNeedle | null) => a === null || (b !== null && b.text.includes(a.text));
  return extends_(prev.text, next.text) && extends_(prev.body, next.body);
}
