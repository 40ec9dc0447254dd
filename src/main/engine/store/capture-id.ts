// ULID-like ids: 10 Crockford base32 chars of epoch ms, then 16 random ones, so ids sort by time.
import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// one call into the CSPRNG per 256 ids: a call per id showed up as 10% of receiver CPU
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomSlice(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return pool.subarray(poolOffset - 16, poolOffset);
}

export function newCaptureId(now: number = Date.now()): string {
  let time = '';
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomSlice();
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[random[i] & 31];
  return time + tail;
}
