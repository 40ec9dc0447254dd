// An append-only, segmented record journal. Appends only ever add bytes at the end of the
// newest segment, so their cost does not grow with history; old data goes away only as
// whole segment files, by retention, never because of damage. Damaged ranges are skipped
// (the scan resynchronises on the next intact frame) and reported; the only bytes ever cut
// are a torn tail at the very end of the newest segment that no intact frame follows
// (journal-torn-tail.ts).
import { promises as fs, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { readBodies, type ReadFailure, type SegmentReader } from './batch-read';
import { HEADER_BYTES, MAX_HEADER_BYTES, decodeHeader, encodeFrameHeadInto, frameCrc, frameLength } from './frame';
import { scanFrames, type DamagedRange } from './frame-scanner';
import { readExactly, syncDir, writeFully, writesSynchronously } from './file-io';
import { forgetSegmentDamage, recordSegmentDamage } from './journal-damage';
import { cutTornTail, sizesBeforeTornTail } from './journal-torn-tail';
import { makePrivateDir } from './private-files';
import { listSegments, removeIfExists, segmentPath } from './segment-files';
import { SerialLock } from './serial-lock';

export interface JournalPointer {
  segment: number;
  offset: number;
  length: number;
}
export interface JournalOptions {
  dir: string;
  segmentBytes?: number /* default 64 MiB */;
  /**
   * fdatasync each group commit before its appends resolve (and the directory when a segment
   * is created): an answered record then survives a power loss, not only a process kill
   */
  sync?: boolean;
  /** for CLI readers beside (or without) a running serve: nothing is created, cut or written; appends fail */
  readOnly?: boolean;
}
export interface Journal<M> {
  /** resolves once written to the OS; concurrent appends are group-committed into one write */
  append(meta: M, body?: Buffer): Promise<JournalPointer>;
  /** every intact record, oldest first; with `from`, only those from that segment and offset on */
  replay(visit: (meta: M, pointer: JournalPointer, bodyLength: number) => void, from?: { segment: number; offset: number }): Promise<void>;
  readBody(pointer: JournalPointer): Promise<Buffer>;
  /**
   * deletes whole segment files entirely older than pointer.segment; a segment in which
   * replay found damage goes only when it is also older than `damagedBefore` (retention has
   * evicted records newer than it), never because replay read nothing live from it
   */
  dropBefore(pointer: JournalPointer, options?: { damagedBefore?: number }): Promise<void>;
  clear(): Promise<void>;
  sizeBytes(): number;
  close(): Promise<void>;
}

/** A record read back whole (or with its body cut at `maxBodyBytes`). */
export interface JournalRecord<M> {
  meta: M;
  body: Buffer;
  bodyLength: number;
  truncated: boolean;
}

/** Extra reads the capture store needs; the agreed `Journal` shape stays as above. */
export interface RecordJournal<M> extends Journal<M> {
  readRecord(pointer: JournalPointer, maxBodyBytes?: number): Promise<JournalRecord<M>>;
  /** many bodies (each cut at maxBodyBytes) in few large reads; resolves with the records that could not be read (not visited) */
  readBodies(pointers: JournalPointer[], maxBodyBytes: number, visit: (index: number, body: Buffer) => void): Promise<ReadFailure[]>;
  /** many records' metas in few large synchronous reads (each frame checked as readBodies does); resolves with the records that could not be read (not visited) */
  readMetas(pointers: JournalPointer[], visit: (index: number, meta: M) => void): Promise<ReadFailure[]>;
  /** each segment and the bytes of it the journal holds (for the capture index snapshot) */
  segmentSizes(): Array<[segment: number, size: number]>;
  readonly directory: string;
}

const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
const JOURNAL_CUT_SHORT = 'journal record is cut short';

interface PendingAppend {
  /** the meta as JSON, encoded into the group commit's shared buffer when it is written */
  json: string;
  metaLength: number;
  body: Buffer;
  resolve: (pointer: JournalPointer) => void;
  reject: (error: Error) => void;
}

export async function openJournal<M>(options: JournalOptions): Promise<RecordJournal<M>> {
  if (options.readOnly) return openReadOnly<M>(options);
  await makePrivateDir(options.dir);
  const segments = await listSegments(options.dir);
  const sizes = new Map<number, number>();
  for (const segment of segments.slice(0, -1)) sizes.set(segment, (await fs.stat(segmentPath(options.dir, segment))).size);
  const newest = segments.length ? segments[segments.length - 1] : 1;
  const opened = await cutTornTail(segmentPath(options.dir, newest));
  sizes.set(newest, opened.size);
  const writer = await fs.open(segmentPath(options.dir, newest), 'a', 0o600);
  if (options.sync) await syncDir(options.dir);
  return new SegmentedJournal<M>(options.dir, options.segmentBytes ?? DEFAULT_SEGMENT_BYTES, sizes, newest, writer, opened.cut, options.sync ?? false);
}

/** The journal as it is on disk now: a torn or half-written tail is skipped, never cut. */
async function openReadOnly<M>(options: JournalOptions): Promise<RecordJournal<M>> {
  const segments = await listSegments(options.dir).catch(() => [] as number[]);
  const sizes = await sizesBeforeTornTail(options.dir, segments);
  const newest = segments.length ? segments[segments.length - 1] : 0;
  // a handle opened for reading: any write through it fails
  const writer = newest ? await fs.open(segmentPath(options.dir, newest), 'r') : await fs.open(process.platform === 'win32' ? 'NUL' : '/dev/null', 'r');
  return new SegmentedJournal<M>(options.dir, options.segmentBytes ?? DEFAULT_SEGMENT_BYTES, sizes, newest, writer, null, false);
}

class SegmentedJournal<M> implements RecordJournal<M> {
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  private readonly lock = new SerialLock();
  private readonly readers = new Map<number, Promise<FileHandle>>();
  /** the readers that have opened, for synchronous reads (a segment leaves this map before its handle is closed) */
  private readonly openReaders = new Map<number, FileHandle>();
  private readonly segmentReader: SegmentReader = {
    open: async (segment) => {
      const opening = this.reader(segment);
      const handle = await opening;
      if (this.readers.get(segment) !== opening) throw new Error(`journal segment ${segment} is gone`);
      this.openReaders.set(segment, handle);
    },
    readSync: (segment, offset, into, length) => {
      const handle = this.openReaders.get(segment);
      if (!handle) throw new Error(`journal segment ${segment} is gone`);
      return readSync(handle.fd, into, 0, length, offset);
    },
    read: async (segment, offset, into, length) => (await (await this.reader(segment)).read(into, 0, length, offset)).bytesRead,
  };
  private totalBytes = 0;
  private scratchBuffer: Buffer = EMPTY;
  private closed = false;
  /** segments in which the last replay skipped damaged ranges */
  private readonly damaged = new Set<number>();

  constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private readonly sizes: Map<number, number>,
    private current: number,
    private writer: FileHandle,
    /** the torn tail cut from the newest segment at open, reported by the first replay */
    private tailCut: DamagedRange | null = null,
    private readonly sync = false,
  ) {
    for (const size of sizes.values()) this.totalBytes += size;
  }

  append(meta: M, body: Buffer = EMPTY): Promise<JournalPointer> {
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    const json = JSON.stringify(meta);
    const metaLength = Buffer.byteLength(json, 'utf8');
    return new Promise((resolve, reject) => {
      this.pending.push({ json, metaLength, body, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    // wait for the rest of this event-loop turn, so every request parsed in it joins the write
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length) {
      // taken inside the lock, so every append made while the previous write ran joins this one
      await this.lock.run(async () => {
        const batch = this.pending.splice(0);
        try {
          await this.writeBatch(batch);
        } catch (error) {
          // e.g. a new segment could not be created: fail these appends, keep the journal usable
          for (const item of batch) item.reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    }
    this.flushing = null;
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    let i = 0;
    while (i < batch.length) {
      const start = this.sizes.get(this.current) ?? 0;
      const first = i;
      let end = start;
      let headBytes = 0;
      for (; i < batch.length; i++) {
        const item = batch[i];
        const length = HEADER_BYTES + item.metaLength + item.body.length;
        if (end > 0 && end + length > this.segmentBytes) break;
        end += length;
        headBytes += HEADER_BYTES + item.metaLength;
      }
      if (i === first) {
        await this.rotate();
        continue;
      }
      // every header and meta of this write in one buffer: per group commit, not per record (and
      // the journal's own, reused, when the write is synchronous: nothing holds it after)
      const heads = writesSynchronously(end - start) ? this.scratch(headBytes) : Buffer.allocUnsafe(headBytes);
      const parts: Buffer[] = [];
      let at = 0;
      let run = 0; // where the heads not yet in `parts` start: frames without a body are adjacent in `heads`
      for (let k = first; k < i; k++) {
        const item = batch[k];
        encodeFrameHeadInto(heads, at, item.json, item.metaLength, item.body);
        at += HEADER_BYTES + item.metaLength;
        if (item.body.length) {
          parts.push(heads.subarray(run, at), item.body);
          run = at;
        }
      }
      if (run < at) parts.push(heads.subarray(run, at));
      try {
        await writeFully(this.writer, parts, end - start);
        if (this.sync) await this.writer.datasync();
      } catch (error) {
        // cut back the partial write so later frames never follow garbage
        await this.writer.truncate(start).catch(() => undefined);
        const err = error instanceof Error ? error : new Error(String(error));
        for (const item of batch.slice(first)) item.reject(err);
        return;
      }
      this.sizes.set(this.current, end);
      this.totalBytes += end - start;
      let offset = start;
      for (let k = first; k < i; k++) {
        const item = batch[k];
        const length = HEADER_BYTES + item.metaLength + item.body.length;
        item.resolve({ segment: this.current, offset, length });
        offset += length;
      }
    }
  }

  /** the journal's scratch buffer for heads written synchronously, grown to a power of two as needed */
  private scratch(bytes: number): Buffer {
    if (this.scratchBuffer.length < bytes) this.scratchBuffer = Buffer.allocUnsafe(Math.max(64 * 1024, 2 ** Math.ceil(Math.log2(bytes))));
    return this.scratchBuffer;
  }

  private async rotate(): Promise<void> {
    await this.writer.close();
    this.current += 1;
    this.writer = await fs.open(segmentPath(this.dir, this.current), 'a', 0o600);
    this.sizes.set(this.current, 0);
    if (this.sync) await syncDir(this.dir);
  }

  async replay(visit: (meta: M, pointer: JournalPointer, bodyLength: number) => void, from?: { segment: number; offset: number }): Promise<void> {
    const snapshot = await this.lock.run(async () => [...this.sizes.entries()].sort((a, b) => a[0] - b[0]));
    for (const [segment, size] of snapshot) {
      if (from && segment < from.segment) continue;
      let handle: FileHandle;
      try {
        handle = await fs.open(segmentPath(this.dir, segment), 'r');
      } catch {
        continue; // dropped meanwhile
      }
      try {
        const { damaged, frames } = await scanFrames(
          handle,
          size,
          false,
          ({ offset, header, meta }) => {
            let parsed: M;
            try {
              parsed = JSON.parse(meta.toString('utf8')) as M;
            } catch {
              return;
            }
            visit(parsed, { segment, offset, length: frameLength(header) }, header.bodyLength);
          },
          from && segment === from.segment ? from.offset : 0,
        );
        if (damaged.length) this.damaged.add(segment);
        else this.damaged.delete(segment);
        const cut = segment === this.current ? this.tailCut : null;
        if (cut) this.tailCut = null;
        recordSegmentDamage(segmentPath(this.dir, segment), cut ? [...damaged, cut] : damaged, frames, cut !== null);
      } finally {
        await handle.close();
      }
    }
  }

  async readBody(pointer: JournalPointer): Promise<Buffer> {
    return (await this.readRecord(pointer)).body;
  }

  async readRecord(pointer: JournalPointer, maxBodyBytes = Infinity): Promise<JournalRecord<M>> {
    const handle = await this.reader(pointer.segment);
    // one read when the whole frame is wanted anyway, two when a big body is cut
    const whole = pointer.length - MAX_HEADER_BYTES <= maxBodyBytes;
    const head = await readExactly(handle, pointer.offset, whole ? pointer.length : Math.min(MAX_HEADER_BYTES, pointer.length), JOURNAL_CUT_SHORT);
    const header = decodeHeader(head, 0);
    if (!header || frameLength(header) !== pointer.length) {
      throw new Error(`no journal record at segment ${pointer.segment} offset ${pointer.offset}`);
    }
    const truncated = header.bodyLength > maxBodyBytes;
    const bodyBytes = truncated ? maxBodyBytes : header.bodyLength;
    const rest = whole
      ? head.subarray(header.headerLength)
      : await readExactly(handle, pointer.offset + header.headerLength, header.metaLength + bodyBytes, JOURNAL_CUT_SHORT);
    const meta = rest.subarray(0, header.metaLength);
    const body = rest.subarray(header.metaLength, header.metaLength + bodyBytes);
    if (!truncated && frameCrc(meta, body) !== header.crc) {
      throw new Error(`journal record at segment ${pointer.segment} offset ${pointer.offset} is corrupt`);
    }
    return { meta: JSON.parse(meta.toString('utf8')) as M, body, bodyLength: header.bodyLength, truncated };
  }

  readBodies(pointers: JournalPointer[], maxBodyBytes: number, visit: (index: number, body: Buffer) => void): Promise<ReadFailure[]> {
    return readBodies(pointers, maxBodyBytes, this.segmentReader, visit);
  }

  async readMetas(pointers: JournalPointer[], visit: (index: number, meta: M) => void): Promise<ReadFailure[]> {
    // no body bytes wanted: a record without a body (the trigger log's) is read and CRC-checked whole
    const unparsed: ReadFailure[] = [];
    const failures = await readBodies(pointers, 0, this.segmentReader, (index, _body, meta) => {
      let parsed: M;
      try {
        parsed = JSON.parse(meta.toString('utf8')) as M;
      } catch {
        const { segment, offset } = pointers[index];
        return void unparsed.push({ index, reason: `journal record at segment ${segment} offset ${offset} is not JSON` });
      }
      visit(index, parsed);
    });
    return unparsed.length ? [...failures, ...unparsed] : failures;
  }

  private reader(segment: number): Promise<FileHandle> {
    let handle = this.readers.get(segment);
    if (!handle) {
      if (!this.sizes.has(segment)) return Promise.reject(new Error(`journal segment ${segment} is gone`));
      handle = fs.open(segmentPath(this.dir, segment), 'r');
      handle.catch(() => this.readers.delete(segment));
      this.readers.set(segment, handle);
    }
    return handle;
  }

  private async closeReader(segment: number): Promise<void> {
    const handle = this.readers.get(segment);
    this.readers.delete(segment);
    this.openReaders.delete(segment);
    if (handle) await handle.then((h) => h.close()).catch(() => undefined);
  }

  dropBefore(pointer: JournalPointer, options: { damagedBefore?: number } = {}): Promise<void> {
    const damagedBefore = options.damagedBefore ?? Number.NEGATIVE_INFINITY;
    return this.lock.run(async () => {
      const old = [...this.sizes.keys()]
        .filter((s) => s < pointer.segment && s !== this.current && (!this.damaged.has(s) || s < damagedBefore))
        .sort((a, b) => a - b);
      for (const segment of old) await this.removeSegment(segment);
    });
  }

  private async removeSegment(segment: number): Promise<void> {
    await this.closeReader(segment);
    await removeIfExists(segmentPath(this.dir, segment));
    forgetSegmentDamage(segmentPath(this.dir, segment));
    this.damaged.delete(segment);
    this.totalBytes -= this.sizes.get(segment) ?? 0;
    this.sizes.delete(segment);
  }

  clear(): Promise<void> {
    return this.lock.run(async () => {
      await this.writer.close();
      // oldest first, so a crash part-way leaves a newer suffix, never a hole
      for (const segment of [...this.sizes.keys()].sort((a, b) => a - b)) await this.removeSegment(segment);
      this.current += 1;
      this.writer = await fs.open(segmentPath(this.dir, this.current), 'a', 0o600);
      this.sizes.set(this.current, 0);
    });
  }

  sizeBytes(): number {
    return this.totalBytes;
  }

  segmentSizes(): Array<[segment: number, size: number]> {
    return [...this.sizes.entries()].sort((a, b) => a[0] - b[0]);
  }

  get directory(): string {
    return this.dir;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    await this.lock.run(async () => {
      for (const segment of [...this.readers.keys()]) await this.closeReader(segment);
      await this.writer.close();
    });
  }
}
