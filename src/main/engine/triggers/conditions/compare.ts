// Constant-time comparison of values of any length: compare fixed-size digests, so neither
// the content nor the length of the expected value leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** Index of the first differing character; -1 when equal. */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** "9f2c…" — enough of a digest to tell two apart in a sentence. */
export const shortDigest = (s: string): string => (s.length > 4 ? `${s.slice(0, 4)}…` : s || '(empty)');
