// Needle searches over what the capture index keeps of each capture's request line and headers:
// the lower-cased URL (a row arena in the columns) and the header lines (header-lines.ts). Either
// one row at a time, or every row from `from` at once, as one byte search over the arena.
import type { CaptureColumns } from './capture-columns';
import type { HeaderLines } from './header-lines';
import { anyPlace, eachEntryHolding } from './row-arenas';

/** 1 for each row from `from` whose lower-cased URL (or only its path, before "?") holds `lowerNeedle` */
export function rowsWhoseUrlHolds(c: CaptureColumns, from: number, lowerNeedle: string, pathOnly: boolean): Uint8Array {
  const out = new Uint8Array(c.rows);
  const needle = Buffer.from(lowerNeedle, 'utf8');
  const bytes = c.url.bytes.subarray(0, c.url.used);
  const end = (row: number) => c.url.end(row, c.rows);
  // only the path: the hit ends before the row's "?"
  const inPath = (row: number, at: number) => {
    const q = bytes.indexOf(0x3f, c.url.starts[row]);
    return q === -1 || q >= end(row) || at + needle.length <= q;
  };
  eachEntryHolding(bytes, c.url.starts, c.rows, end, needle, from, pathOnly ? inPath : anyPlace, (row) => {
    out[row] = 1;
  });
  return out;
}

/** whether row's lower-cased URL (or only its path) holds `lowerNeedle` (see rowsWhoseUrlHolds) */
export function rowUrlHolds(c: CaptureColumns, row: number, lowerNeedle: string, pathOnly: boolean): boolean {
  const col = c.url;
  let url = col.bytes.subarray(col.start(row), col.end(row, c.rows));
  if (pathOnly) {
    const q = url.indexOf(0x3f);
    if (q !== -1) url = url.subarray(0, q);
  }
  return url.indexOf(lowerNeedle, 0, 'utf8') !== -1;
}

/** whether the row's header lines, joined, hold `lowerNeedle` (see rowsWhoseHeadersHold) */
export function rowHeadersHold(c: CaptureColumns, headerLines: HeaderLines, row: number, lowerNeedle: string): boolean {
  const lines = c.lines;
  let text = '';
  for (let i = lines.starts[row], e = lines.end(row, c.rows); i < e; i++) text += headerLines.line(lines.refs[i]);
  return text.includes(lowerNeedle);
}

/** 1 for each row from `from` one of whose header lines (joined, as capture-index.ts headerLine gives them) holds `lowerNeedle` */
export function rowsWhoseHeadersHold(c: CaptureColumns, headerLines: HeaderLines, from: number, lowerNeedle: string): Uint8Array {
  const out = new Uint8Array(c.rows);
  const refs = c.lines.refs;
  const starts = c.lines.starts;
  const lineBreak = lowerNeedle.indexOf('\n');
  if (lineBreak !== -1 && lineBreak < lowerNeedle.length - 1) {
    // the needle spans lines: join each capture's lines (rare: a needle with a line break inside)
    for (let r = from; r < c.rows; r++) {
      let text = '';
      for (let i = starts[r], e = c.lines.end(r, c.rows); i < e; i++) text += headerLines.line(refs[i]);
      if (text.includes(lowerNeedle)) out[r] = 1;
    }
    return out;
  }
  const hits = headerLines.holding(Buffer.from(lowerNeedle, 'utf8'));
  if (!hits.includes(1)) return out;
  for (let r = from; r < c.rows; r++) {
    for (let i = starts[r], e = c.lines.end(r, c.rows); i < e; i++) {
      if (hits[refs[i]]) {
        out[r] = 1;
        break;
      }
    }
  }
  return out;
}
