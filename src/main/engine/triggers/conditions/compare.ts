// Constant-time comparison of values of any length: compare fixed-size digests, so neither
// the content nor the length of the expected value leaks through timing.
import { hash, timingSafeEqual } from 'node:crypto';

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // one-shot digests: no Hash object per call (the trigger path compares on every request)
  const da = hash('sha256', a, 'buffer');
  const db = hash('sha256', b, 'buffer');
  return timingSafeEqual(da, db);
}

/**
 * For a computed digest against received bytes, where only the content is secret: a digest's
 * length follows from its algorithm. Equal lengths are compared directly (constant time);
 * unequal ones can never match.
 */
export function digestEqual(digest: Uint8Array, received: Uint8Array): boolean {
  return digest.length === received.length ? timingSafeEqual(digest, received) : constantTimeEqual(digest, received);
}

/** Index of the first differing character; -1 when equal. */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** "9f2c…" — enough of a digest to tell two apart in a sentence. */
export const shortDigest = (s: string): string => (s.length > 4 ? `${s.slice(0, 4)}…` : s || '(empty)');
