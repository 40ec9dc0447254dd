// What followed each place a needle was found in a body the search read, kept for the bodies
// found to hold it. Typing on ("invoice.p" -> "invoice.pa") searches for a longer needle with
// the same start: a body that held the old one holds the new one exactly when one of those
// places is followed by the added characters, so such bodies are decided without reading them
// again. Only ASCII needles (the search folds ASCII letters; any other byte compares as is);
// a body with many places, or a needle grown past what was kept, is read as before.

/** bytes kept after each place */
export const TAIL_BYTES = 32;
/** places kept per body; a body with more is read */
export const MAX_PLACES = 4;
/** bodies kept per needle: a search matching more keeps tails for the first this many */
export const MAX_BODIES = 20_000;

const ASCII = /^[\x00-\x7f]*$/;

interface Tails {
  /** the bytes after each place (latin1, ASCII letters lower-cased); shorter than `known` where the body ends */
  after: string[];
  /** how many bytes after each place are known */
  known: number;
}

/** one search's use of the tails: decides bodies from them and collects the tails of the next needle */
export interface TailSession {
  /** 1 the body of capture `seq` holds the needle, 0 it does not, 2 unknown (read it) */
  verdict(seq: number): 0 | 1 | 2;
  /** the body (as the search reads it) was found to hold the needle */
  found(seq: number, body: Buffer): void;
}

const UNKNOWN: TailSession = { verdict: () => 2, found: () => undefined };

export class NeedleTails {
  private needle = '';
  private bySeq = new Map<number, Tails>();

  clear(): void {
    this.needle = '';
    this.bySeq = new Map();
  }

  /**
   * A search for `lowerNeedle` (ASCII letters lower-cased) over `poolSize` captures begins;
   * `done` keeps what it collected. The tails are asked only when they cover a good part of the
   * pool (as when typing on narrows the last result): otherwise a lookup per capture costs more
   * than it saves.
   */
  begin(lowerNeedle: string, poolSize: number): TailSession & { done(): void } {
    if (!lowerNeedle || !ASCII.test(lowerNeedle)) return { ...UNKNOWN, done: () => undefined };
    const old = this.bySeq;
    const useful = this.needle !== '' && lowerNeedle.startsWith(this.needle) && old.size * 8 >= poolSize;
    const suffix = useful ? lowerNeedle.slice(this.needle.length) : null;
    const next = suffix === '' ? old : new Map<number, Tails>();
    const needleBytes = Buffer.from(lowerNeedle, 'latin1');
    return {
      verdict: (seq) => {
        if (suffix === null) return 2;
        const tails = old.get(seq);
        if (!tails || suffix.length > tails.known) return 2;
        const after: string[] = [];
        for (const a of tails.after) if (a.startsWith(suffix)) after.push(a.slice(suffix.length));
        if (!after.length) return 0;
        if (next !== old && next.size < MAX_BODIES) next.set(seq, { after, known: tails.known - suffix.length });
        return 1;
      },
      found: (seq, body) => {
        if (next.size >= MAX_BODIES) return;
        const tails = tailsOf(body, needleBytes);
        if (tails) next.set(seq, tails);
      },
      done: () => {
        this.needle = lowerNeedle;
        this.bySeq = next;
      },
    };
  }
}

/** bodies longer than this get no tails (lower-casing them would cost more than reading them again) */
const MAX_BODY_BYTES = 64 * 1024;
const LOWER = new Uint8Array(256).map((_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));
let scratch = Buffer.allocUnsafe(4096);

/** the tails after every place (overlapping ones too) `needle` (lower-cased bytes) is in `body`, ASCII letters folded; null past MAX_PLACES */
function tailsOf(body: Buffer, needle: Buffer): Tails | null {
  if (body.length > MAX_BODY_BYTES) return null;
  if (scratch.length < body.length) scratch = Buffer.allocUnsafe(Math.max(body.length, scratch.length * 2));
  const lower = scratch.subarray(0, body.length);
  for (let k = 0; k < body.length; k++) lower[k] = LOWER[body[k]];
  const after: string[] = [];
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    if (after.length === MAX_PLACES) return null;
    const from = at + needle.length;
    after.push(lower.toString('latin1', from, Math.min(from + TAIL_BYTES, lower.length)));
  }
  return after.length ? { after, known: TAIL_BYTES } : null;
}
