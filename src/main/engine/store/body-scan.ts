// Filters that look into bodies (free text not found in method/URL/headers, the body filter).
// Each capture's body signature (body-signature.ts) rules most bodies out without reading
// them; only the rest are read from the journal, in few large reads, and searched. Signatures
// are computed when a search first reads a body, and in the background after the store opens
// or takes new captures, so the next search already has them. The last result is kept: paging
// or repeating it reads only captures that arrived since, and a query that narrows it (the
// same filters with a longer needle, as when typing on) searches only its matches.
import type { CaptureIndex, IndexEntry } from './capture-index';
import type { BodyNeedle, CompiledFilter } from './capture-filter';
import type { CaptureJournalMeta } from './capture-records';
import type { RecordJournal } from './journal';

/** only the start of very large bodies is searched (and signed), to bound one query's cost */
export const BODY_SCAN_LIMIT = 1024 * 1024;
/** bodies signed per background step, between which appends and queries get their turn */
const SIGN_BATCH = 2000;
/** a background signing pass starts once no capture arrived for this long */
const SIGN_DELAY_MS = 500;

interface Scan { filter: CompiledFilter; throughSeq: number; matches: IndexEntry[] }

export class BodyScanCache {
  private last: Scan | null = null;
  private unsigned: IndexEntry[] = [];
  private signing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private appends = 0;

  constructor(
    private readonly journal: RecordJournal<CaptureJournalMeta>,
    private readonly index: CaptureIndex,
  ) {}

  reset(): void {
    this.last = null;
    this.unsigned = [];
  }

  /** a new entry whose body has no signature yet: signed in the background once appends pause */
  added(entry: IndexEntry): void {
    this.unsigned.push(entry);
    this.appends++;
    if (!this.timer && !this.signing) this.armSigner();
  }

  /**
   * Signs in quiet moments only: while captures keep arriving the receiver gets the CPU (a
   * search signs whatever it reads anyway), and a pass stops as soon as appends resume.
   */
  private armSigner(): void {
    if (this.closed) return;
    const seen = this.appends;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.appends !== seen) this.armSigner();
      else void this.signPending(true);
    }, SIGN_DELAY_MS);
    this.timer.unref();
  }

  /** signs every body that has no signature yet, in steps; resolves when done (or, if `yieldToAppends`, when appends resume) */
  signPending(yieldToAppends = false): Promise<void> {
    this.signing ??= (async () => {
      let interrupted = false;
      try {
        while (this.unsigned.length && !this.closed) {
          const seen = this.appends;
          const batch = this.unsigned.splice(Math.max(0, this.unsigned.length - SIGN_BATCH)).filter((e) => e.live && e.sig < 0);
          await this.journal.readBodies(batch.map((e) => e.pointer), BODY_SCAN_LIMIT, (i, body) => this.sign(batch[i], body)).catch(() => undefined);
          await new Promise((r) => setImmediate(r));
          if (yieldToAppends && this.appends !== seen) {
            interrupted = true;
            break;
          }
        }
      } finally {
        this.signing = null;
        if (interrupted) this.armSigner();
      }
    })();
    return this.signing;
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    return this.signing ?? Promise.resolve();
  }

  private sign(entry: IndexEntry, body: Buffer): void {
    if (entry.live && entry.sig < 0) entry.sig = this.index.signatures.add(body);
  }

  /** entries matching the whole filter, oldest first (may include entries since removed) */
  async matching(filter: CompiledFilter): Promise<IndexEntry[]> {
    const previous = this.last;
    const same = previous?.filter.key === filter.key;
    const narrows = !same && previous !== null && narrowing(previous.filter, filter);
    const since = same || narrows ? previous!.throughSeq : 0;
    let throughSeq = since;
    // newest first: entries newer than the previous result, then (when narrowing) its matches
    const pool: IndexEntry[] = [];
    for (const entry of this.index.newestFirst()) {
      if (entry.summary.seq <= since) break;
      throughSeq = Math.max(throughSeq, entry.summary.seq);
      pool.push(entry);
    }
    if (narrows) for (let i = previous!.matches.length - 1; i >= 0; i--) pool.push(previous!.matches[i]);
    const found = await this.search(pool, filter);
    found.reverse();
    const matches = same ? previous!.matches.filter((e) => e.live).concat(found) : found;
    this.last = { filter, throughSeq, matches };
    return matches;
  }

  /** the entries of `pool` (any order) that match, in the same order */
  private async search(pool: IndexEntry[], filter: CompiledFilter): Promise<IndexEntry[]> {
    const pass = new Uint8Array(pool.length); // 1 match, 2 to be read
    const toRead: number[] = [];
    const needs: Array<BodyNeedle[]> = [];
    const signatures = this.index.signatures;
    for (let i = 0; i < pool.length; i++) {
      const entry = pool[i];
      if (!entry.live || !filter.base(entry)) continue;
      const needles: BodyNeedle[] = [];
      if (filter.text && !filter.textInMeta(entry)) needles.push(filter.text);
      if (filter.body) needles.push(filter.body);
      if (!needles.length) {
        pass[i] = 1;
        continue;
      }
      const size = entry.summary.bodySize;
      if (needles.some((n) => n.bytes > size)) continue;
      if (entry.sig >= 0 && needles.some((n) => n.mask !== null && !signatures.mayContain(entry.sig, n.mask))) continue;
      pass[i] = 2;
      toRead.push(i);
      needs.push(needles);
    }
    await this.journal.readBodies(toRead.map((i) => pool[i].pointer), BODY_SCAN_LIMIT, (k, body) => {
      const entry = pool[toRead[k]];
      this.sign(entry, body);
      if (needs[k].every((n) => n.test(body))) pass[toRead[k]] = 1;
    });
    const out: IndexEntry[] = [];
    for (let i = 0; i < pool.length; i++) if (pass[i] === 1) out.push(pool[i]);
    return out;
  }
}

/** every capture matching `next` also matches `prev`: same base filters, each needle extends the old one */
function narrowing(prev: CompiledFilter, next: CompiledFilter): boolean {
  if (prev.baseKey !== next.baseKey) return false;
  const extends_ = (a: BodyNeedle | null, b: BodyNeedle | null) => a === null || (b !== null && b.text.includes(a.text));
  return extends_(prev.text, next.text) && extends_(prev.body, next.body);
}
