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
/** a range read slower than this (and not large) waited on the disk, not the page cache */
const DISK_READ_MS = 0.5;
/** after this many such reads, the rest is read through the thread pool, CONCURRENT_READS at once */
const DISK_READS_TO_SWITCH = 4;
const CONCURRENT_READS = 8;

/** The synchronous reads of one journal's segments. */
export interface SegmentReader {
  /** makes `segment` readable with readSync; rejects when it is gone */
  open(segment: number): Promise<void>;
  /** reads up to `length` bytes at `offset` into `into`; the bytes read (0 at the end); throws when the segment is not open (any more) */
  readSync(segment: number, offset: number, into: Buffer, length: number): number;
  /** the same through the thread pool, used when reads turn out to wait on the disk (not the page cache) */
  read?(segment: number, offset: number, into: Buffer, length: number): Promise<number>;
}

/** A record whose body could not be read: `index` into the pointers given, and why. */
export interface ReadFailure {
  index: number;
  reason: string;
}

/** what a visit gets: a record's body (cut at maxBodyBytes) and its meta bytes (views into the bytes read, valid during the call) */
export type VisitRecord = (index: number, body: Buffer, meta: Buffer) => void;

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
  visit: VisitRecord,
  options: ReadOptions = {},
): Promise<ReadFailure[]> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const failures: ReadFailure[] = [];
  const order = pointers.map((_, i) => i).sort((a, b) => pointers[a].segment - pointers[b].segment || pointers[a].offset - pointers[b].offset);
  let opened = -1;
  let diskReads = 0;
  let ranges = 0;
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
      const before = performance.now();
      const range = planRange(pointers, order, k, maxBodyBytes);
      k = readRange(pointers, order, range, maxBodyBytes, reader, visit, failures);
      const now = performance.now();
      ranges++;
      if (now - before > DISK_READ_MS && range.end - range.start < MAX_SPAN / 4) diskReads++;
      if (now - sliceStart >= sliceMs) break;
    }
    // (a few slow reads among many quick ones are the scheduler, not the disk)
    if (diskReads >= DISK_READS_TO_SWITCH && diskReads * 4 >= ranges && reader.read && k < order.length) {
      await readConcurrently(pointers, order, k, maxBodyBytes, reader, visit, failures);
      break;
    }
    if (k < order.length) {
      await new Promise((r) => setImmediate(r));
      // the segment may have been closed (retention) while others ran: open it again (or learn it is gone)
      opened = -1;
    }
  }
  return failures;
}

interface Range {
  /** order[from, to) are read together: bytes [start, end) of one segment; `cut`: one frame whose body is cut */
  from: number;
  to: number;
  segment: number;
  start: number;
  end: number;
  cut: boolean;
}

/** the range that starts with order[from]: it and the neighbours read with it */
function planRange(pointers: JournalPointer[], order: number[], from: number, maxBodyBytes: number): Range {
  const first = pointers[order[from]];
  const whole = maxBodyBytes + MAX_GAP;
  if (first.length > whole) return { from, to: from + 1, segment: first.segment, start: first.offset, end: first.offset + MAX_HEADER_BYTES, cut: true };
  let end = first.offset + first.length;
  let to = from + 1;
  for (; to < order.length; to++) {
    const p = pointers[order[to]];
    if (p.segment !== first.segment || p.length > whole || p.offset - end > MAX_GAP || p.offset + p.length - first.offset > MAX_SPAN) break;
    end = Math.max(end, p.offset + p.length);
  }
  return { from, to, segment: first.segment, start: first.offset, end, cut: false };
}

/** reads a range synchronously and visits its records; returns where the next range starts */
function readRange(
  pointers: JournalPointer[],
  order: number[],
  range: Range,
  maxBodyBytes: number,
  reader: SegmentReader,
  visit: VisitRecord,
  failures: ReadFailure[],
): number {
  if (range.cut) {
    const body = readCut(reader, pointers[order[range.from]], maxBodyBytes);
    if (typeof body === 'string') failures.push({ index: order[range.from], reason: body });
    else visit(order[range.from], body, checkedMeta);
    return range.to;
  }
  let bytes: Buffer;
  try {
    bytes = readExactlySync(reader, range.segment, range.start, range.end - range.start);
  } catch (error) {
    for (let m = range.from; m < range.to; m++) failures.push({ index: order[m], reason: reasonOf(error) });
    return range.to;
  }
  deliver(pointers, order, range, bytes, maxBodyBytes, visit, failures);
  return range.to;
}

function deliver(
  pointers: JournalPointer[],
  order: number[],
  range: Range,
  bytes: Buffer,
  maxBodyBytes: number,
  visit: VisitRecord,
  failures: ReadFailure[],
): void {
  for (let m = range.from; m < range.to; m++) {
    const p = pointers[order[m]];
    const body = bodyOf(bytes, p.offset - range.start, p, maxBodyBytes);
    if (typeof body === 'string') failures.push({ index: order[m], reason: `journal record at segment ${p.segment} offset ${p.offset} ${body}` });
    else visit(order[m], body, checkedMeta);
  }
}

/**
 * The rest of the reads (order[from..]) through the thread pool, several at once: when the bytes
 * are not in the page cache a synchronous read waits on the disk, one at a time, and the disk
 * serves several requests faster than one after another. (Cut bodies, rare, stay synchronous.)
 */
async function readConcurrently(
  pointers: JournalPointer[],
  order: number[],
  from: number,
  maxBodyBytes: number,
  reader: SegmentReader,
  visit: VisitRecord,
  failures: ReadFailure[],
): Promise<void> {
  const read = reader.read!.bind(reader);
  const ranges: Range[] = [];
  for (let k = from; k < order.length;) {
    const range = planRange(pointers, order, k, maxBodyBytes);
    ranges.push(range);
    k = range.to;
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ranges.length) {
      const range = ranges[next++];
      const length = range.end - range.start;
      const bytes = Buffer.allocUnsafe(length);
      try {
        await reader.open(range.segment);
        if (!range.cut) {
          for (let filled = 0; filled < length;) {
            const n = await read(range.segment, range.start + filled, filled ? bytes.subarray(filled) : bytes, length - filled);
            if (n === 0) throw new Error(`journal record at segment ${range.segment} offset ${range.start} is cut short`);
            filled += n;
          }
        }
      } catch (error) {
        for (let m = range.from; m < range.to; m++) failures.push({ index: order[m], reason: reasonOf(error) });
        continue;
      }
      if (range.cut) readRange(pointers, order, range, maxBodyBytes, reader, visit, failures);
      else deliver(pointers, order, range, bytes, maxBodyBytes, visit, failures);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, ranges.length) }, worker));
}

/** the meta of the frame bodyOf or readCut last returned a body of (a view, handed to the visit with it; no object per record) */
let checkedMeta: Buffer = Buffer.alloc(0);

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
  checkedMeta = meta;
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
    checkedMeta = meta;
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
