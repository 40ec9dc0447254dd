import { describe, expect, it } from 'vitest';
import { hexDumpRows, hexRowCount } from '../../../src/renderer/src/lib/hexDump';

describe('hexDumpRows', () => {
  const bytes = new Uint8Array([...Buffer.from('Hello, hex dump!'), 0x00, 0xff, 0x7f, 0x0a]);

  it('renders offset, two groups of eight bytes and printable ascii', () => {
    const [first, second] = hexDumpRows(bytes, 0, 10);
    expect(first.offset).toBe('00000000');
    expect(first.hex).toBe('48 65 6c 6c 6f 2c 20 68  65 78 20 64 75 6d 70 21');
    expect(first.ascii).toBe('Hello, hex dump!');
    expect(second.offset).toBe('00000010');
    expect(second.hex.trimEnd()).toBe('00 ff 7f 0a');
    expect(second.hex).toHaveLength(48);
    expect(second.ascii).toBe('....');
  });

  it('renders only the requested range', () => {
    const big = new Uint8Array(16 * 1000).fill(0x41);
    expect(hexRowCount(big.length)).toBe(1000);
    const rows = hexDumpRows(big, 998, 50);
    expect(rows).toHaveLength(2);
    expect(rows[0].offset).toBe((998 * 16).toString(16).padStart(8, '0'));
  });

  it('handles an empty body', () => {
    expect(hexRowCount(0)).toBe(0);
    expect(hexDumpRows(new Uint8Array(), 0, 10)).toEqual([]);
  });
});
