import { useMemo, useState } from 'react';
import { ShowMore } from '../ShowMore';
import { BYTES_PER_ROW, hexDumpRows, hexRowCount } from '../../lib/hexDump';

/** 256 rows = 4 KB at first; each "show more" adds 64 KB. */
const FIRST_ROWS = 256;
const MORE_ROWS = 4096;

export function HexView({ bytes }: { bytes: Uint8Array }) {
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  const total = hexRowCount(bytes.length);
  const rows = useMemo(() => hexDumpRows(bytes, 0, rowLimit), [bytes, rowLimit]);
  return (
    <div>
      <div className="code-block hex" data-testid="body-view-hex" role="table" aria-label="Hex dump">
        {rows.map((row) => (
          <div className="hex-row" role="row" key={row.offset}>
            <span className="hex-offset" role="cell">
              {row.offset}
            </span>
            <span className="hex-bytes" role="cell">
              {row.hex}
            </span>
            <span className="hex-ascii" role="cell">
              {row.ascii}
            </span>
          </div>
        ))}
      </div>
      <ShowMore
        shown={Math.min(rowLimit * BYTES_PER_ROW, bytes.length)}
        total={bytes.length}
        unit="bytes"
        onMore={() => setRowLimit(rowLimit + MORE_ROWS)}
        onAll={() => setRowLimit(total)}
      />
    </div>
  );
}
