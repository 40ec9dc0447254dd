// The basestring comparator's byte logic, against independent oracles (Buffer.compare-style
// scans and Buffer hex) on fixed-seed random inputs.
import { describe, expect, it } from 'vitest';
import { alignedWindow, byteGlyph, describeByte, firstByteDifference, visibleLines } from '../../../src/renderer/src/features/triggers/lib/byteCompare';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function oracleDiff(a: Buffer, b: Buffer): number {
  if (a.equals(b)) return -1;
  for (let i = 0; ; i++) if (i >= a.length || i >= b.length || a[i] !== b[i]) return i;
}

describe('firstByteDifference', () => {
  it('finds the first differing byte on 2,000 random pairs (seed 1414)', () => {
    const random = rng(1414);
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(random() * 64);
      const a = Buffer.from(Array.from({ length: len }, () => Math.floor(random() * 4) + 0x0a));
      const b = Buffer.from(a);
      const mutation = random();
      let c: Buffer = b;
      if (mutation < 0.3 && len) c[Math.floor(random() * len)] ^= 1 + Math.floor(random() * 3);
      else if (mutation < 0.5) c = Buffer.concat([b, Buffer.from([0x0d])]);
      else if (mutation < 0.7 && len) c = b.subarray(0, Math.floor(random() * len));
      expect(firstByteDifference(a, c)).toBe(oracleDiff(a, c));
    }
  });

  it('treats CRLF against LF as a difference at the CR', () => {
    expect(firstByteDifference(Buffer.from('a\r\nb'), Buffer.from('a\nb'))).toBe(1);
  });
});

describe('describing bytes', () => {
  it('names whitespace and control bytes and shows the hex of each', () => {
    expect(describeByte(0x0d)).toBe('0x0d CR (carriage return)');
    expect(describeByte(0x0a)).toBe('0x0a LF (newline)');
    expect(describeByte(0x20)).toBe('0x20 space');
    expect(describeByte(0x41)).toBe("0x41 'A'");
    expect(describeByte(undefined)).toMatch(/ends here/);
    for (let b = 0; b < 256; b++) expect(describeByte(b).slice(2, 4)).toBe(Buffer.from([b]).toString('hex'));
    expect([0x20, 0x0a, 0x0d, 0x09].map(byteGlyph).join('')).toBe('·↵←→');
  });

  it('aligns both sides at the same offsets, marking the missing tail', () => {
    const cells = alignedWindow(Buffer.from('abcd'), Buffer.from('abX'), 1, 10);
    expect(cells.map((c) => [c.offset, c.same])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(cells[2].theirs).toBeUndefined();
  });
});

describe('visibleLines', () => {
  it('keeps every byte (as a glyph) and the offset each line starts at', () => {
    const random = rng(77);
    const alphabet = ['a', 'é', ' ', '\n', '\r\n', '\t', '{"k":1}'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const bytes = Buffer.from(text);
      const lines = visibleLines(bytes);
      const glyphs = text.replace(/ /g, '·').replace(/\r/g, '←').replace(/\t/g, '→').replace(/\n/g, '↵');
      expect(lines.map((l) => l.text).join('')).toBe(glyphs);
      for (const line of lines) {
        if (line.offset > 0) expect(bytes[line.offset - 1]).toBe(0x0a);
      }
    }
  });
});
