// crc32Combine against zlib's crc32 of the joined bytes, and frames encoded with it against the
// format's definition of both checksums (seeded random pieces, empty ones included).
import zlib from 'node:zlib';
import { expect, it } from 'vitest';
import { crc32Combine } from '../../../src/main/engine/store/crc32-combine';
import { HEADER_BYTES, HEADER_BYTES_V1, decodeHeader, encodeFrameHead, headIntact } from '../../../src/main/engine/store/frame';
import { seededRandom } from '../../support/seeded-random';

const random = seededRandom(0xc3c32);
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => random.below(256)));
const length = () => (random.below(4) === 0 ? random.below(3) : random.below(5000));

it('crc32Combine(crc(A), crc(B), |B|) is crc(A ‖ B) (seeded)', () => {
  for (let run = 0; run < 2000; run++) {
    const a = bytes(length());
    const b = bytes(length());
    expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length), `run ${run}`).toBe(zlib.crc32(Buffer.concat([a, b])));
  }
});

it('a frame head carries crc(meta ‖ body) and crc(head bytes 0..16 ‖ meta), as the format defines (seeded)', () => {
  for (let run = 0; run < 500; run++) {
    const meta = JSON.stringify({ run, text: 'é…'.repeat(random.below(50)), pad: 'x'.repeat(length()) });
    const body = bytes(random.below(3) === 0 ? 0 : length());
    const head = encodeFrameHead(meta, body);
    const header = decodeHeader(head, 0)!;
    const metaBytes = head.subarray(HEADER_BYTES);
    expect(header.crc).toBe(zlib.crc32(Buffer.concat([metaBytes, body])));
    expect(header.headCrc).toBe(zlib.crc32(Buffer.concat([head.subarray(0, HEADER_BYTES_V1), metaBytes])));
    expect(headIntact(header, head, 0, metaBytes)).toBe(true);
  }
});
