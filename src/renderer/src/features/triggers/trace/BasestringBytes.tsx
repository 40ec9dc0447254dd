import { useMemo } from 'react';
import type { BasestringSegment } from '../../../../../shared/trigger-log';
import { VirtualLines } from '../../../components/VirtualLines';
import { hexDumpRows, hexRowCount } from '../../captures';
import { visibleLines } from '../lib/byteCompare';

interface Piece {
  kind: BasestringSegment['kind'];
  text: string;
}
interface Line {
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

const FOLD_AT = 64;

/** The whole basestring as text (whitespace visible, coloured by segment) and as a hex dump with offsets, both virtualised. */
export function BasestringBytes({ bytes, segments }: { bytes: Uint8Array; segments: readonly BasestringSegment[] }) {
  const lines = useMemo(() => foldLines(segmentLines(bytes, segments), FOLD_AT), [bytes, segments]);
  return (
    <>
      <h5>Rendered basestring <span className="muted small">all {bytes.length.toLocaleString()} bytes, coloured by segment, long lines folded; · space, → tab, ← CR, ↵ LF</span></h5>
      <VirtualLines
        count={lines.length}
        testId="basestring-coloured"
        label="Rendered basestring"
        render={(i) => (
          <>
            <span className="line-offset">{lines[i].offset < 0 ? '' : lines[i].offset.toString(16).padStart(8, '0')}</span>
            {lines[i].pieces.map((p, j) => <span key={j} className={`vis-run vis-run-${p.kind}`}>{p.text}</span>)}
          </>
        )}
      />
      <h5>Hex <span className="muted small">all {bytes.length.toLocaleString()} bytes, offset in hex</span></h5>
      <VirtualLines
        count={hexRowCount(bytes.length)}
        testId="basestring-hex"
        label="Basestring hex dump"
        render={(i) => {
          const row = hexDumpRows(bytes, i, 1)[0];
          return <><span className="line-offset">{row.offset}</span>{row.hex}  <span className="muted">{row.ascii}</span></>;
        }}
      />
    </>
  );
}
