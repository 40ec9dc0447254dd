// ULID-like ids: 10 Crockford base32 chars of epoch ms, then 16 random ones, so ids sort by time.
import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Buffer.from(ALPHABET, 'latin1');
// one call into the CSPRNG per 4096 ids: a call per id showed up as 10% of receiver CPU
const pool = Buffer.alloc(16 * 4096);
let poolOffset = pool.length;
/** the id's characters are written here and read out as one flat string */
const chars = Buffer.alloc(26);

export function newCaptureId(now: number = Date.now()): string {
  let t = Math.max(0, Math.floor(now));
  for (let i = 9; i >= 0; i--) {
    chars[i] = CODES[t % 32];
    t = Math.floor(t / 32);
  }
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  for (let i = 0; i < 16; i++) chars[10 + i] = CODES[pool[poolOffset + i] & 31];
  poolOffset += 16;
  return chars.toString('latin1', 0, 26);
}
