// Byte-by-byte comparison of two basestrings (ours and the one the sender says it signed):
// where they first part, what each byte is, and aligned windows of cells for the view.

/** Offset of the first byte where a and b differ; -1 when identical. A strict prefix differs at its end. */
export function firstByteDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

const NAMED: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LF (newline)',
  0x0d: 'CR (carriage return)',
  0x20: 'space',
  0x7f: 'DEL',
};

/** One byte as a short glyph that makes whitespace and control bytes visible. */
export function byteGlyph(byte: number | undefined): string {
  if (byte === undefined) return '∅';
  switch (byte) {
    case 0x20:
      return '·';
    case 0x0a:
      return '↵';
    case 0x0d:
      return '←';
    case 0x09:
      return '→';
  }
  if (byte < 0x20 || byte === 0x7f) return '␀';
  if (byte >= 0x80) return '•';
  return String.fromCharCode(byte);
}

export const byteHex = (byte: number | undefined): string => (byte === undefined ? '--' : byte.toString(16).padStart(2, '0'));

/** "0x0d CR (carriage return)", "0x41 'A'", "no byte (the basestring ends here)". */
export function describeByte(byte: number | undefined): string {
  if (byte === undefined) return 'no byte (it ends here)';
  const hex = `0x${byteHex(byte)}`;
  if (NAMED[byte]) return `${hex} ${NAMED[byte]}`;
  if (byte < 0x20) return `${hex} control character`;
  if (byte >= 0x80) return `${hex} (part of a non-ASCII character)`;
  return `${hex} '${String.fromCharCode(byte)}'`;
}

export interface AlignedCell {
  offset: number;
  ours: number | undefined;
  theirs: number | undefined;
  same: boolean;
}

/** Cells from `start` for `width` bytes, both sides at the same offset (the basestrings are aligned byte for byte). */
export function alignedWindow(ours: Uint8Array, theirs: Uint8Array, start: number, width: number): AlignedCell[] {
  const end = Math.min(Math.max(ours.length, theirs.length), start + width);
  const cells: AlignedCell[] = [];
  for (let offset = Math.max(0, start); offset < end; offset++) {
    const a = offset < ours.length ? ours[offset] : undefined;
    const b = offset < theirs.length ? theirs[offset] : undefined;
    cells.push({ offset, ours: a, theirs: b, same: a === b });
  }
  return cells;
}

/** Where the window around a difference starts: a few bytes of shared context before it. */
export const windowStart = (diffAt: number, context = 16): number => Math.max(0, diffAt - context);

/** Lines of text with whitespace made visible, split after each LF so offsets stay countable. */
export function visibleLines(bytes: Uint8Array): { offset: number; text: string }[] {
  const lines: { offset: number; text: string }[] = [];
  let start = 0;
  let text = '';
  const decoder = new TextDecoder('utf-8');
  let chunkStart = 0;
  const flush = (end: number) => {
    text += decoder.decode(bytes.subarray(chunkStart, end), { stream: true });
    chunkStart = end;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b < 0x20 || b === 0x7f) {
      flush(i);
      text += byteGlyph(b);
      chunkStart = i + 1;
      if (b === 0x0a) {
        lines.push({ offset: start, text });
        start = i + 1;
        text = '';
      }
    }
  }
  flush(bytes.length);
  text += decoder.decode();
  if (text || start < bytes.length || lines.length === 0) lines.push({ offset: start, text });
  return lines;
}
