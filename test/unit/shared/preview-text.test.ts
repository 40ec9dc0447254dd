// The basestring preview decodes only the bytes it can show when they are ASCII: for any bytes
// it must equal the plain definition (decode enough bytes for the cut whatever the encoding,
// then cut), which the UI and the trace have always shown.
import { describe, expect, it } from 'vitest';
import { PREVIEW_CHARS, previewText } from '@shared/triggers/basestring';
import { cut, decodeUtf8Lenient } from '@shared/triggers/bytes';
import { seededRandom } from '../../support/seeded-random';

const plain = (bytes: Uint8Array): string => cut(decodeUtf8Lenient(bytes.subarray(0, PREVIEW_CHARS * 4)), PREVIEW_CHARS);

// pieces that land on both sides of the cut: ASCII, 2-, 3- and 4-byte characters, stray bytes
const PIECES: number[][] = [[0x61], [0x7b, 0x22], [0xc3, 0xa9], [0xe2, 0x80, 0xa6], [0xf0, 0x9f, 0x98, 0x80], [0x80], [0xff], [0xe2, 0x80], [0x0a]];

describe('previewText', () => {
  it('equals decoding enough bytes for the cut, then cutting (seeded)', () => {
    const random = seededRandom(0x5eed_0120);
    for (let run = 0; run < 3000; run++) {
      const bytes: number[] = [];
      const length = random.below(PREVIEW_CHARS * 3);
      const asciiUpTo = random.below(PREVIEW_CHARS + 4); // mostly ASCII up to around the cut, as bodies are
      while (bytes.length < length) bytes.push(...(bytes.length < asciiUpTo ? [0x20 + random.below(0x5f)] : PIECES[random.below(PIECES.length)]));
      const input = Uint8Array.from(bytes);
      expect(previewText(input), `run ${run}: ${Buffer.from(input).toString('hex')}`).toBe(plain(input));
    }
  });

  it('cuts an ASCII body at the preview length, and leaves a short one whole', () => {
    const long = new TextEncoder().encode('x'.repeat(PREVIEW_CHARS + 1));
    expect(previewText(long)).toBe(`${'x'.repeat(PREVIEW_CHARS)}…`);
    expect(previewText(long.subarray(0, PREVIEW_CHARS))).toBe('x'.repeat(PREVIEW_CHARS));
    expect(previewText(new Uint8Array())).toBe('');
  });
});
