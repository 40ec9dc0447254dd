// The snapshot's check on each section (and on the covered prefix of the newest journal
// segment): a 32-bit hash over 32-bit words, h = (h ^ word) * odd, rotated. Each step is a
// bijection of h, so a change to any one word (a flipped bit, a torn write) always changes the
// result; lengths are checked apart. It runs as a plain loop over a Uint32Array, several times
// faster than zlib's crc32 here, which at a million captures (270 MB) was half of the open time.
const K = 0x9e3779b1;
export const HASH_SEED = 0x811c9dc5;

/** hash of `bytes` continuing from `h`; streaming is exact while every earlier piece was a multiple of 4 bytes long */
export function sectionHash(bytes: Uint8Array, h = HASH_SEED): number {
  const words = bytes.length >>> 2;
  if (words) {
    const aligned = bytes.byteOffset % 4 === 0;
    const view = aligned ? new Uint32Array(bytes.buffer, bytes.byteOffset, words) : new Uint32Array(bytes.slice(0, words * 4).buffer);
    for (let i = 0; i < words; i++) {
      h = Math.imul(h ^ view[i], K);
      h = (h << 13) | (h >>> 19);
    }
  }
  for (let i = words * 4; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i], K);
    h = (h << 13) | (h >>> 19);
  }
  return h >>> 0;
}
