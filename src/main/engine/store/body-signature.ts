// Body signatures: a 1024-bit set of the body's (ASCII-lower-cased) byte trigrams, one hash
// each — a Bloom filter with k = 1. A needle can only be in a body whose signature holds every
// trigram of the needle, so a search reads from disk only the bodies that pass (plus ~0.4^n
// false positives for a needle of n trigrams: 1 in 10,000 for a 12-character needle). 128
// bytes per capture (12.5 MB for 100,000) instead of keeping the bodies or a full inverted
// index in memory; they live in one pool of fixed-size slots, not one object per capture.

export const SIGNATURE_WORDS = 32; // 32 × 32 bits
const SLOTS_PER_CHUNK = 4096;

/** lower-cases ASCII letters only; every other byte stays as it is */
const LOWER = new Uint8Array(256).map((_, b) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b));

function trigramBit(a: number, b: number, c: number): number {
  return Math.imul((a << 16) | (b << 8) | c, 0x9e3779b1) >>> 22; // 0..1023
}

/** the signature of `body` into `out` (32 words at `at`) */
export function signBody(body: Uint8Array, out: Int32Array, at: number): void {
  out.fill(0, at, at + SIGNATURE_WORDS);
  if (body.length < 3) return;
  let a = LOWER[body[0]];
  let b = LOWER[body[1]];
  for (let i = 2; i < body.length; i++) {
    const c = LOWER[body[i]];
    const bit = trigramBit(a, b, c);
    out[at + (bit >>> 5)] |= 1 << (bit & 31);
    a = b;
    b = c;
  }
}

/**
 * The bits a body must have to contain `lowerNeedle` (already lower-cased), or null when the
 * needle is too short to rule anything out. Only trigrams of ASCII bytes are used: the search
 * folds the case of ASCII letters only, so those are the same whatever the body's case.
 */
export function needleMask(lowerNeedle: string): Int32Array | null {
  const bytes = Buffer.from(lowerNeedle, 'utf8');
  const mask = new Int32Array(SIGNATURE_WORDS);
  let any = false;
  for (let i = 2; i < bytes.length; i++) {
    const [a, b, c] = [bytes[i - 2], bytes[i - 1], bytes[i]];
    if (a > 0x7f || b > 0x7f || c > 0x7f) continue;
    const bit = trigramBit(LOWER[a], LOWER[b], LOWER[c]);
    mask[bit >>> 5] |= 1 << (bit & 31);
    any = true;
  }
  return any ? mask : null;
}

/** Fixed-size signature slots in a few large arrays; freed slots are reused. */
export class SignaturePool {
  private chunks: Int32Array[] = [];
  private free: number[] = [];
  private next = 0;

  get slotCount(): number {
    return this.next - this.free.length;
  }

  /** signs the body into a new slot and returns the slot number */
  add(body: Uint8Array): number {
    const slot = this.free.length ? this.free.pop()! : this.next++;
    const chunk = slot / SLOTS_PER_CHUNK | 0;
    if (chunk === this.chunks.length) this.chunks.push(new Int32Array(SLOTS_PER_CHUNK * SIGNATURE_WORDS));
    signBody(body, this.chunks[chunk], (slot % SLOTS_PER_CHUNK) * SIGNATURE_WORDS);
    return slot;
  }

  release(slot: number): void {
    if (slot >= 0) this.free.push(slot);
  }

  /** may the body in `slot` contain the needle whose mask this is? */
  mayContain(slot: number, mask: Int32Array): boolean {
    const words = this.chunks[slot / SLOTS_PER_CHUNK | 0];
    const at = (slot % SLOTS_PER_CHUNK) * SIGNATURE_WORDS;
    for (let w = 0; w < SIGNATURE_WORDS; w++) {
      const m = mask[w];
      if (m !== 0 && (words[at + w] & m) !== m) return false;
    }
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.free = [];
    this.next = 0;
  }
}
