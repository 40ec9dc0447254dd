// A snapshot of the capture index (summaries, journal pointers, searchable header text, the body
// word index) written when the store closes, so the next open reads one file instead of parsing
// every journal frame, and searches need not index every body again.
//
// The journal stays the truth. The snapshot records which journal bytes it covers: every
// segment's size and modification time, and a CRC of the covered part of the newest one (which
// later appends extend). At open it is used only when all of that still holds; then only the
// journal from where it ends is replayed (captures, deletes, clears written since, e.g. before
// a crash). A covered segment that retention has since deleted takes its captures with it, as a
// replay would. Anything else — a missing, truncated, damaged or foreign file, a segment that
// changed, a snapshot from another format version — means a full replay. Journals in which
// replay found damage are never snapshotted, so damage is always reported by a replay.
//
// File: "HBIX" u32, version u32, then sections [u32 length][u32 crc32][bytes]: a JSON head that
// says how many sections follow, chunks of entries column by column (three sections each, see
// encodeChunk), then pairs of (JSON token list, binary postings) chunks. Written to a temporary
// file and renamed over the old one.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CaptureSummary } from '@shared/capture';
import { crc32 } from './frame';
import { CaptureIndex, Indexed, type IndexEntry } from './capture-index';
import { segmentPath } from './segment-files';
import { makePrivateDir } from './private-files';
import { readExactly } from './file-io';

const MAGIC = 0x58494248; // "HBIX"
/** bump whenever what a row holds or how summaries are derived from records changes */
const VERSION = 1;
const ENTRY_CHUNK = 20_000;
const TOKEN_CHUNK = 50_000;

export const SNAPSHOT_FILE = 'index.snapshot';

export interface CoveredSegment {
  segment: number;
  size: number;
  mtimeMs: number;
}

export interface SnapshotHead {
  segments: CoveredSegment[];
  /** crc32 of the first `size` bytes of the last covered segment */
  lastCrc: number;
  maxSeq: number;
  evictedThroughSegment: number;
  undelivered: Array<[string, string]>;
  entryChunks: number;
  tokenChunks: number;
  indexedCaptures: number;
}

/** what the store needs to go on from a snapshot */
export interface LoadedSnapshot {
  index: CaptureIndex;
  maxSeq: number;
  undelivered: Map<string, string>;
  /** replay the journal from here on */
  from: { segment: number; offset: number };
}

/**
 * One chunk of entries, column by column: a small JSON part (repeated strings, optional summary
 * fields), the variable strings (id, URL, search text) as one UTF-8 run with their lengths, and
 * the numbers as typed arrays — no JSON per capture, so loading costs little beyond building
 * the entries themselves.
 */
interface ChunkHead {
  n: number;
  dict: string[];
  extras: Array<[number, Partial<CaptureSummary>]>;
  /** the strings are all ASCII: decoded as latin1, a plain copy */ ascii: boolean;
}

const F64_COLUMNS = 3; // seq, receivedAt, offset
const U32_COLUMNS = 10; // status, bodySize, segment, length, urlAt, headerAt, id/url/metaText lengths
const U16_COLUMNS = 4; // method, contentType, remoteAddress, kind (0xffff: null)
const NO_STRING = 0xffff;

const wellFormed = (value: string): boolean => (value as unknown as { isWellFormed(): boolean }).isWellFormed();

function encodeChunk(entries: IndexEntry[]): Buffer[] {
  const n = entries.length;
  const dict: string[] = [];
  const ids = new Map<string, number>();
  const ref = (value: string | null): number => {
    if (value === null) return NO_STRING;
    let id = ids.get(value);
    if (id === undefined) {
      id = dict.length;
      if (id >= NO_STRING) throw new Error('too many distinct values for one snapshot chunk');
      dict.push(value);
      ids.set(value, id);
    }
    return id;
  };
  const f64 = new Float64Array(n * F64_COLUMNS);
  const u32 = new Uint32Array(n * U32_COLUMNS);
  const u16 = new Uint16Array(n * U16_COLUMNS);
  const u8 = new Uint8Array(n);
  const extras: ChunkHead['extras'] = [];
  const strings: string[] = [];
  entries.forEach((e, i) => {
    const { id, seq, receivedAt, method, url, path: _path, status, bodySize, contentType, remoteAddress, kind, ...extra } = e.summary;
    f64.set([seq, receivedAt, e.pointer.offset], i * F64_COLUMNS);
    u32.set([status, bodySize, e.pointer.segment, e.pointer.length, e.urlAt, e.headerAt, id.length, url.length, e.metaText.length, 0], i * U32_COLUMNS);
    u16.set([ref(method), ref(contentType), ref(remoteAddress), ref(kind)], i * U16_COLUMNS);
    u8[i] = e.indexed;
    if (Object.keys(extra).length) extras.push([i, extra]);
    // lengths are in UTF-16 units of the decoded text: a lone surrogate would not come back as itself
    if (!wellFormed(id) || !wellFormed(url) || !wellFormed(e.metaText)) throw new Error('a string the snapshot cannot hold exactly');
    strings.push(id, url, e.metaText);
  });
  const joined = Buffer.from(strings.join(''), 'utf8');
  const head: ChunkHead = { n, dict, extras, ascii: joined.length === strings.reduce((sum, x) => sum + x.length, 0) };
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return [Buffer.from(JSON.stringify(head)), joined, Buffer.concat([bytes(f64), bytes(u32), bytes(u16), bytes(u8)])];
}

function decodeChunk(headBytes: Buffer, stringBytes: Buffer, numbers: Buffer): IndexEntry[] {
  const head = JSON.parse(headBytes.toString('utf8')) as ChunkHead;
  const { n, dict } = head;
  if (!Number.isInteger(n) || n < 0 || numbers.length !== n * (F64_COLUMNS * 8 + U32_COLUMNS * 4 + U16_COLUMNS * 2 + 1))
    throw new Error('snapshot chunk does not add up');
  // copied out, so every column is aligned
  let at = 0;
  const take = <T>(make: (buf: ArrayBuffer) => T, bytes: number): T => {
    const copy = new ArrayBuffer(bytes);
    numbers.copy(Buffer.from(copy), 0, at, at + bytes);
    at += bytes;
    return make(copy);
  };
  const f64 = take((b) => new Float64Array(b), n * F64_COLUMNS * 8);
  const u32 = take((b) => new Uint32Array(b), n * U32_COLUMNS * 4);
  const u16 = take((b) => new Uint16Array(b), n * U16_COLUMNS * 2);
  const u8 = take((b) => new Uint8Array(b), n);
  const text = stringBytes.toString(head.ascii === true ? 'latin1' : 'utf8');
  const extras = new Map(head.extras);
  const str = (ref: number): string | null => {
    if (ref === NO_STRING) return null;
    const value = dict[ref];
    if (typeof value !== 'string') throw new Error('bad snapshot string reference');
    return value;
  };
  const out: IndexEntry[] = new Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const F = i * F64_COLUMNS;
    const U = i * U32_COLUMNS;
    const S = i * U16_COLUMNS;
    const id = text.slice(pos, (pos += u32[U + 6]));
    const url = text.slice(pos, (pos += u32[U + 7]));
    const metaText = text.slice(pos, (pos += u32[U + 8]));
    const q = url.indexOf('?');
    const method = str(u16[S]);
    const remoteAddress = str(u16[S + 2]);
    const kind = str(u16[S + 3]);
    if (method === null || remoteAddress === null || kind === null || u8[i] > Indexed.Partly) throw new Error('bad snapshot entry');
    const summary: CaptureSummary = {
      id,
      seq: f64[F],
      receivedAt: f64[F + 1],
      method,
      url,
      path: q === -1 ? url : url.slice(0, q),
      status: u32[U],
      bodySize: u32[U + 1],
      contentType: str(u16[S + 1]),
      remoteAddress,
      kind: kind as CaptureSummary['kind'],
    };
    const extra = extras.get(i);
    if (extra) Object.assign(summary, extra);
    out[i] = {
      summary,
      pointer: { segment: u32[U + 2], offset: f64[F + 2], length: u32[U + 3] },
      metaText,
      urlAt: u32[U + 4],
      headerAt: u32[U + 5],
      live: true,
      indexed: u8[i] as Indexed,
    };
  }
  if (pos !== text.length) throw new Error('snapshot strings do not add up');
  return out;
}

async function coveredSegments(dir: string, sizes: Array<[number, number]>): Promise<CoveredSegment[]> {
  const out: CoveredSegment[] = [];
  for (const [segment, size] of sizes) out.push({ segment, size, mtimeMs: (await fs.stat(segmentPath(dir, segment))).mtimeMs });
  return out;
}

async function prefixCrc(file: string, length: number): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    let crc = 0;
    for (let at = 0; at < length;) {
      const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, length - at), at);
      if (bytesRead === 0) throw new Error('segment shorter than the snapshot says');
      crc = crc32(buf.subarray(0, bytesRead), crc);
      at += bytesRead;
    }
    return crc >>> 0;
  } finally {
    await handle.close();
  }
}

/**
 * Writes the snapshot of `index` for a journal (in `dir`) that holds `sizes` and is closed, so
 * nothing changes while this runs.
 */
export async function writeSnapshot(
  dir: string,
  sizes: Array<[number, number]>,
  index: CaptureIndex,
  maxSeq: number,
  undelivered: Map<string, string>,
): Promise<void> {
  if (!sizes.length) return;
  await makePrivateDir(dir);
  const segments = await coveredSegments(dir, sizes);
  const last = segments[segments.length - 1];
  const entries = [...index.oldestFirst()];
  index.tokens.compactIfNeeded(index.isLive);
  const tokenChunks = [...index.tokens.chunks(TOKEN_CHUNK)];
  const head: SnapshotHead = {
    segments,
    lastCrc: await prefixCrc(segmentPath(dir, last.segment), last.size),
    maxSeq,
    evictedThroughSegment: index.evictedThroughSegment,
    undelivered: [...undelivered.entries()],
    entryChunks: Math.ceil(entries.length / ENTRY_CHUNK),
    tokenChunks: tokenChunks.length,
    indexedCaptures: entries.filter((e) => e.indexed !== Indexed.Not).length,
  };
  const file = path.join(dir, SNAPSHOT_FILE);
  const temp = `${file}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  let written = false;
  try {
    const start = Buffer.alloc(8);
    start.writeUInt32LE(MAGIC, 0);
    start.writeUInt32LE(VERSION, 4);
    await handle.write(start);
    await writeSection(handle, Buffer.from(JSON.stringify(head)));
    for (let i = 0; i < entries.length; i += ENTRY_CHUNK) {
      for (const part of encodeChunk(entries.slice(i, i + ENTRY_CHUNK))) await writeSection(handle, part);
    }
    for (const chunk of tokenChunks) {
      // tokens are latin1 views of bytes: JSON keeps them exactly
      await writeSection(handle, Buffer.from(JSON.stringify(chunk.tokens)));
      await writeSection(handle, Buffer.from(chunk.postings.buffer, chunk.postings.byteOffset, chunk.postings.byteLength));
    }
    written = true;
  } finally {
    await handle.close();
    // a snapshot cut short by an error is no use to anyone: the old one (if any) stays
    if (!written) await fs.rm(temp, { force: true });
  }
  await fs.rename(temp, file);
}

async function writeSection(handle: FileHandle, bytes: Buffer): Promise<void> {
  const frame = Buffer.alloc(8);
  frame.writeUInt32LE(bytes.length, 0);
  frame.writeUInt32LE(crc32(bytes) >>> 0, 4);
  await handle.writev([frame, bytes]);
}

/** the snapshot in `dir` if it holds and fits the journal's segments now (`sizes`), else null */
export async function loadSnapshot(dir: string, sizes: Array<[number, number]>): Promise<LoadedSnapshot | null> {
  let handle: FileHandle;
  try {
    handle = await fs.open(path.join(dir, SNAPSHOT_FILE), 'r');
  } catch {
    return null;
  }
  try {
    return await readSnapshot(handle, dir, sizes);
  } catch {
    return null; // damaged, cut short, or does not fit: a full replay
  } finally {
    await handle.close();
  }
}

async function readSnapshot(handle: FileHandle, dir: string, sizes: Array<[number, number]>): Promise<LoadedSnapshot | null> {
  const { size: fileSize } = await handle.stat();
  let at = 0;
  const read = async (length: number): Promise<Buffer> => {
    if (at + length > fileSize) throw new Error('snapshot cut short');
    const buf = await readExactly(handle, at, length, 'snapshot cut short');
    at += length;
    return buf;
  };
  const section = async (): Promise<Buffer> => {
    const frame = await read(8);
    const bytes = await read(frame.readUInt32LE(0));
    if (crc32(bytes) >>> 0 !== frame.readUInt32LE(4)) throw new Error('snapshot section damaged');
    return bytes;
  };
  const start = await read(8);
  if (start.readUInt32LE(0) !== MAGIC || start.readUInt32LE(4) !== VERSION) return null;
  const head = JSON.parse((await section()).toString('utf8')) as SnapshotHead;
  const dropped = await checkCovered(dir, head, sizes);
  if (dropped === null) return null;

  const index = new CaptureIndex();
  index.evictedThroughSegment = head.evictedThroughSegment;
  const undelivered = new Map(head.undelivered);
  for (let c = 0; c < head.entryChunks; c++) {
    for (const entry of decodeChunk(await section(), await section(), await section())) {
      // its segment is gone (retention dropped it since): so is the capture, as in a replay
      if (entry.pointer.segment < dropped) {
        undelivered.delete(entry.summary.id);
        continue;
      }
      index.add(entry);
    }
  }
  for (let c = 0; c < head.tokenChunks; c++) {
    const tokens = JSON.parse((await section()).toString('utf8')) as string[];
    const raw = await section();
    if (raw.length % 4) throw new Error('snapshot postings damaged');
    const postings = new Uint32Array(raw.length / 4);
    Buffer.from(postings.buffer).set(raw);
    index.tokens.restoreChunk(tokens, postings, head.indexedCaptures);
  }
  if (at !== fileSize) throw new Error('snapshot has trailing bytes');
  for (const id of undelivered.keys()) if (!index.get(id)) undelivered.delete(id);
  const last = head.segments[head.segments.length - 1];
  return { index, maxSeq: head.maxSeq, undelivered, from: { segment: last.segment, offset: last.size } };
}

/**
 * Whether the journal still holds what the snapshot covers: the segment below which covered
 * segments are gone (0: none), or null when the snapshot does not fit.
 */
async function checkCovered(dir: string, head: SnapshotHead, sizes: Array<[number, number]>): Promise<number | null> {
  if (!Array.isArray(head.segments) || !head.segments.length) return null;
  const now = new Map(sizes);
  const last = head.segments[head.segments.length - 1];
  const lastSize = now.get(last.segment);
  if (lastSize === undefined || lastSize < last.size) return null;
  if ((await prefixCrc(segmentPath(dir, last.segment), last.size)) !== head.lastCrc) return null;
  let dropped = 0;
  let present = false;
  for (const covered of head.segments.slice(0, -1)) {
    const size = now.get(covered.segment);
    if (size === undefined) {
      // only the oldest segments can have gone (retention), never one after a segment still there
      if (present) return null;
      dropped = covered.segment + 1;
      continue;
    }
    present = true;
    const stat = await fs.stat(segmentPath(dir, covered.segment)).catch(() => null);
    if (!stat || size !== covered.size || stat.size !== covered.size || stat.mtimeMs !== covered.mtimeMs) return null;
  }
  // a segment the journal has now that the snapshot does not know, older than its last: it does not fit
  for (const [segment] of sizes) if (segment < last.segment && !head.segments.some((c) => c.segment === segment)) return null;
  return dropped;
}
