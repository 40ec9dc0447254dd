// Reads many records' bodies for search and indexing. The bytes are almost always in the page
// cache, where a synchronous pread of a few KB costs a few microseconds and a thread-pool read
// (one promise, two thread hops) costs tens: so the reads are synchronous, sorted by position,
// neighbouring frames fetched as one range, in slices of at most SLICE_MS between which the
// event loop gets its turn (appends, other requests). Each frame is checked (header, lengths,
// CRC) before its body is handed on; a record that cannot be read or does not check out is
// reported back, never passed off as a body.
import { decodeHeader, frameCrc, frameLength, headIntact, MAX_HEADER_BYTES } from './frame';
import type { JournalPointer } from './journal';

/** frames at most this far apart are read as one range (a page-cache copy of the gap costs less than a syscall) */
const MAX_GAP = 8 * 1024;
/** the largest range read at once */
const MAX_SPAN = 1024 * 1024;
/** the longest a read slice keeps the event loop */
export const SLICE_MS = 8;

/** The synchronous reads of one journal's segments. */
export interface SegmentReader {
  /** makes `segment` readable with readSync; rejects when it is gone */
  open(segment: number): Promise<void>;
  /** reads up to `length` bytes at `offset` into `into`; the bytes read (0 at the end); throws when the segment is not open (any more) */
  readSync(segment: number, offset: number, into: Buffer, length: number): number;
}

/** A record whose body could not be read: `index` into the pointers given, and why. */
export interface ReadFailure {
  index: number;
  reason: string;
}

export interface ReadOptions {
  /** ms a slice may run before yielding (tests make it tiny to cut bodies across slices) */
  sliceMs?: number;
}

/**
 * Visits (index into pointers, body cut at maxBodyBytes) in position order, and resolves with the
 * records that could not be read (segment gone, cut short, not a frame, CRC mismatch).
 */
export async function readBodies(
  pointers: JournalPointer[],
  maxBodyBytes: number,
  reader: SegmentReader,
  visit: (index: number, body: Buffer) => void,
  options: ReadOptions = {},
): Promise<ReadFailure[]> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const failures: ReadFailure[] = [];
  const order = pointers.map((_, i) => i).sort((a, b) => pointers[a].segment - pointers[b].segment || pointers[a].offset - pointers[b].offset);
  let opened = -1;
  let k = 0;
  while (k < order.length) {
    const segment = pointers[order[k]].segment;
    if (segment !== opened) {
      try {
        await reader.open(segment);
        opened = segment;
      } catch (error) {
        for (; k < order.length && pointers[order[k]].segment === segment; k++) failures.push({ index: order[k], reason: reasonOf(error) });
        continue;
      }
    }
    const sliceStart = performance.now();
    // one slice: ranges of this segment until the time is up
    while (k < order.length && pointers[order[k]].segment === segment) {
      k = readRange(pointers, order, k, maxBodyBytes, reader, visit, failures);
      if (performance.now() - sliceStart >= sliceMs) break;
    }
    if (k < order.length) {
      await new Promise((r) => setImmediate(r));
      // the segment may have been closed (retention) while others ran: open it again (or learn it is gone)
      opened = -1;
    }
  }
  return failures;
}

/** reads the range that starts with order[from] (it and the neighbours read with it) and visits them; returns where the next range starts */
function readRange(
  pointers: JournalPointer[],
  order: number[],
  from: number,
  maxBodyBytes: number,
  reader: SegmentReader,
  visit: (index: number, body: Buffer) => void,
  failures: ReadFailure[],
): number {
  const first = pointers[order[from]];
  const whole = maxBodyBytes + MAX_GAP;
  if (first.length > whole) {
    const body = readCut(reader, first, maxBodyBytes);
    if (typeof body === 'string') failures.push({ index: order[from], reason: body });
    else visit(order[from], body);
    return from + 1;
  }
  let end = first.offset + first.length;
  let to = from + 1;
  for (; to < order.length; to++) {
    const p = pointers[order[to]];
    if (p.segment !== first.segment || p.length > whole || p.offset - end > MAX_GAP || p.offset + p.length - first.offset > MAX_SPAN) break;
    end = Math.max(end, p.offset + p.length);
  }
  let range: Buffer;
  try {
    range = readExactlySync(reader, first.segment, first.offset, end - first.offset);
  } catch (error) {
    for (let m = from; m < to; m++) failures.push({ index: order[m], reason: reasonOf(error) });
    return to;
  }
  for (let m = from; m < to; m++) {
    const p = pointers[order[m]];
    const body = bodyOf(range, p.offset - first.offset, p, maxBodyBytes);
    if (typeof body === 'string') failures.push({ index: order[m], reason: `journal record at segment ${p.segment} offset ${p.offset} ${body}` });
    else visit(order[m], body);
  }
  return to;
}

/** the body (cut at maxBodyBytes) of the frame at `at` in `range`, or what is wrong with it */
function bodyOf(range: Buffer, at: number, p: JournalPointer, maxBodyBytes: number): Buffer | string {
  const header = decodeHeader(range, at);
  if (!header || frameLength(header) !== p.length) return 'is not the frame the index points to';
  const metaStart = at + header.headerLength;
  const bodyStart = metaStart + header.metaLength;
  const cut = header.bodyLength > maxBodyBytes;
  const bodyEnd = bodyStart + (cut ? maxBodyBytes : header.bodyLength);
  if (bodyEnd > range.length) return 'is cut short';
  const meta = range.subarray(metaStart, bodyStart);
  const body = range.subarray(bodyStart, bodyEnd);
  // the header CRC guards lengths and meta; the frame CRC a whole body (a cut one cannot be checked without reading it all)
  if (!headIntact(header, range, at, meta) || (!cut && frameCrc(meta, body) !== header.crc)) return 'is corrupt';
  return body;
}

/** a frame whose body is cut: its header, then its meta and the start of its body */
function readCut(reader: SegmentReader, p: JournalPointer, maxBodyBytes: number): Buffer | string {
  const where = `journal record at segment ${p.segment} offset ${p.offset}`;
  try {
    const head = readExactlySync(reader, p.segment, p.offset, Math.min(MAX_HEADER_BYTES, p.length));
    const header = decodeHeader(head, 0);
    if (!header || frameLength(header) !== p.length) return `${where} is not the frame the index points to`;
    const bodyBytes = Math.min(header.bodyLength, maxBodyBytes);
    const rest = readExactlySync(reader, p.segment, p.offset + header.headerLength, header.metaLength + bodyBytes);
    const meta = rest.subarray(0, header.metaLength);
    const body = rest.subarray(header.metaLength);
    if (!headIntact(header, head, 0, meta) || (bodyBytes === header.bodyLength && frameCrc(meta, body) !== header.crc)) return `${where} is corrupt`;
    return body;
  } catch (error) {
    return reasonOf(error);
  }
}

function readExactlySync(reader: SegmentReader, segment: number, offset: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const n = reader.readSync(segment, offset + filled, filled ? buf.subarray(filled) : buf, length - filled);
    if (n === 0) throw new Error(`journal record at segment ${segment} offset ${offset} is cut short`);
    filled += n;
  }
  return buf;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
