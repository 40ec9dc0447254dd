// Classic hex dump rows (offset | 16 hex bytes | ascii), computed lazily per range so a
// multi-megabyte body never builds more rows than are shown.

export const BYTES_PER_ROW = 16;

export interface HexRow {
  offset: string;
  hex: string;
  ascii: string;
}

export function hexRowCount(byteLength: number): number {
  return Math.ceil(byteLength / BYTES_PER_ROW);
}

export function hexDumpRows(bytes: Uint8Array, firstRow: number, rowCount: number): HexRow[] {
  const rows: HexRow[] = [];
  const lastRow = Math.min(hexRowCount(bytes.length), firstRow + rowCount);
  for (let row = firstRow; row < lastRow; row++) {
    const start = row * BYTES_PER_ROW;
    const end = Math.min(start + BYTES_PER_ROW, bytes.length);
    const hex: string[] = [];
    let ascii = '';
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      hex.push(byte.toString(16).padStart(2, '0'));
      ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    // a gap after eight bytes, as in xxd/hexdump -C, keeps columns countable
    const left = hex.slice(0, 8).join(' ');
    const right = hex.slice(8).join(' ');
    rows.push({
      offset: start.toString(16).padStart(8, '0'),
      hex: (right ? `${left}  ${right}` : left).padEnd(BYTES_PER_ROW * 3, ' '),
      ascii,
    });
  }
  return rows;
}
