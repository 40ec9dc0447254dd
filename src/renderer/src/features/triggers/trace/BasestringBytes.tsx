import { useMemo } from 'react';
import type { BasestringSegment } from '@shared/trigger-log';
import { VirtualLines } from '../../../components/VirtualLines';
import { hexDumpRows, hexRowCount } from '../../../lib/hexDump';
import { foldLines, segmentLines } from '../lib/basestringLines';

const FOLD_AT = 64;

/** The whole basestring as text (whitespace visible, coloured by segment) and as a hex dump with offsets, both virtualised. */
export function BasestringBytes({ bytes, segments }: { bytes: Uint8Array; segments: readonly BasestringSegment[] }) {
  const lines = useMemo(() => foldLines(segmentLines(bytes, segments), FOLD_AT), [bytes, segments]);
  return (
    <>
      <h5>
        Rendered basestring{' '}
        <span className="muted small">all {bytes.length.toLocaleString()} bytes, coloured by segment, long lines folded; · space, → tab, ← CR, ↵ LF</span>
      </h5>
      <VirtualLines
        count={lines.length}
        testId="basestring-coloured"
        label="Rendered basestring"
        render={(i) => (
          <>
            <span className="line-offset">{lines[i].offset < 0 ? '' : lines[i].offset.toString(16).padStart(8, '0')}</span>
            {lines[i].pieces.map((p, j) => (
              <span key={j} className={`vis-run vis-run-${p.kind}`}>
                {p.text}
              </span>
            ))}
          </>
        )}
      />
      <h5>
        Hex <span className="muted small">all {bytes.length.toLocaleString()} bytes, offset in hex</span>
      </h5>
      <VirtualLines
        count={hexRowCount(bytes.length)}
        testId="basestring-hex"
        label="Basestring hex dump"
        render={(i) => {
          const row = hexDumpRows(bytes, i, 1)[0];
          return (
            <>
              <span className="line-offset">{row.offset}</span>
              {row.hex} <span className="muted">{row.ascii}</span>
            </>
          );
        }}
      />
    </>
  );
}
