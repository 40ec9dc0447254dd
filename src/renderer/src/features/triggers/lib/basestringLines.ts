// The whole basestring as display lines: split at segment boundaries and after each LF, whitespace
// made visible, long lines folded (pure, for the visualiser).
import type { BasestringSegment } from '@shared/trigger-log';
import { visibleLines } from './byteCompare';

export interface Piece {
  kind: BasestringSegment['kind'];
  text: string;
}
export interface Line {
  offset: number;
  pieces: Piece[];
}

/** Lines of the whole basestring, each split into its segments' pieces (for colour), whitespace visible. */
export function segmentLines(bytes: Uint8Array, segments: readonly Pick<BasestringSegment, 'kind' | 'byteLength' | 'missing'>[]): Line[] {
  const lines: Line[] = [{ offset: 0, pieces: [] }];
  let at = 0;
  for (const s of segments) {
    if (s.missing) continue;
    const part = visibleLines(bytes.subarray(at, at + s.byteLength));
    part.forEach((line, i) => {
      if (i > 0) lines.push({ offset: at + line.offset, pieces: [] });
      if (line.text) lines[lines.length - 1].pieces.push({ kind: s.kind, text: line.text });
    });
    at += s.byteLength;
  }
  return lines;
}

/** Long lines folded into rows of at most `width` characters; a folded row has no offset of its own (-1). */
export function foldLines(lines: Line[], width: number): Line[] {
  const rows: Line[] = [];
  for (const line of lines) {
    let row: Line = { offset: line.offset, pieces: [] };
    let used = 0;
    for (const piece of line.pieces) {
      let chars = Array.from(piece.text);
      while (chars.length) {
        if (used === width) {
          rows.push(row);
          row = { offset: -1, pieces: [] };
          used = 0;
        }
        const take = chars.slice(0, width - used);
        row.pieces.push({ kind: piece.kind, text: take.join('') });
        used += take.length;
        chars = chars.slice(take.length);
      }
    }
    rows.push(row);
  }
  return rows;
}

/** "76303a31" → "76 30 3a 31", 16 bytes a line. */
export function groupHex(hex: string): string {
  const bytes = hex.match(/../g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(bytes.slice(i, i + 16).join(' '));
  return lines.join('\n');
}
