// CRC-32 of two pieces joined, from the CRC of each and the second one's length (zlib's
// crc32_combine, by multiplication modulo the CRC polynomial): a frame's two checksums both
// cover its meta, which is then read once instead of twice (the meta is most of a frame's head).

const POLY = 0xedb88320;

/** a(x) · b(x) modulo the CRC polynomial (bit-reflected, as CRC-32 keeps them) */
function multModP(a: number, b: number): number {
  if (a === 0) return 0;
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial */
const X2N = new Uint32Array(32);
X2N[0] = 1 << 30; // x^1
for (let k = 1; k < 32; k++) X2N[k] = multModP(X2N[k - 1], X2N[k - 1]);

/** x^(8 · bytes) modulo the polynomial: what appending `bytes` bytes does to a CRC */
function shiftFor(bytes: number): number {
  let p = 0x80000000; // x^0
  for (let n = bytes, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multModP(X2N[k & 31], p);
  return p;
}

// Metas of one kind tend to have a few lengths: the shift for a length is kept (a bounded cache).
const shifts = new Map<number, number>();
const MAX_SHIFTS = 4096;

/** crc32(A ‖ B) given crc32(A), crc32(B) and B's length in bytes */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  let shift = shifts.get(lengthB);
  if (shift === undefined) {
    if (shifts.size >= MAX_SHIFTS) shifts.clear();
    shifts.set(lengthB, (shift = shiftFor(lengthB)));
  }
  return (multModP(shift, crcA) ^ crcB) >>> 0;
}
