// A snapshot of the capture index (summaries, journal pointers, searchable header text, the body
// word index) written when the store closes, so the next open reads one file instead of parsing
// every journal frame, and searches need not index every body again.
//
// The journal stays the truth. The snapshot records which journal bytes it covers: every
// segment's size and modification time, and a CRC of the covered part of the newest one (which
// later appends extend; snapshot-coverage.ts). At open it is used only when all of that still
// holds; then only the journal from where it ends is replayed (captures, deletes, clears written
// since, e.g. before a crash). A covered segment that retention has since deleted takes its captures with it, as a
// replay would. Anything else — a missing, truncated, damaged or foreign file, a segment that
// changed, a snapshot from another format version — means a full replay. Journals in which
// replay found damage are never snapshotted, so damage is always reported by a replay.
//
// It is written at close and, while the store runs, in the background now and then (see
// capture-store.ts): `cutSnapshot` takes what is needed synchronously — the index's column arrays,
// which are never changed in place below their row count, a copy of the row flags, the tables —
// and `writeSnapshot` writes it out while appends go on.
//
// File: "HBIX" u32, version u32, then sections [u32 length][u32 hash][bytes] (the framing is
// snapshot-sections.ts): a JSON head (the covered segments, tables, counts), the index columns one
// section each (COLUMNS, in that order, then the header line dictionary), then the body word index
// (TOKEN_SECTIONS, see token-arena.ts). Loading reads the columns straight into typed arrays: no
// object per capture. Written to a temporary file and renamed over the old one.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CaptureIndex, type IndexParts } from './capture-index';
import { CaptureColumns, INDEXED_SHIFT } from './capture-columns';
import { shapeOf } from './capture-shapes';
import { StringTable } from './string-intern';
import { HeaderLines } from './header-lines';
import { RefListColumn, TextColumn } from './row-arenas';
import type { RawTokens } from './token-arena';
import { segmentPath } from './segment-files';
import { makePrivateDir } from './private-files';
import { checkCovered, coveredSegments, prefixCrc, type Coverage } from './snapshot-coverage';
import { SectionReader, writeSections } from './snapshot-sections';

/** bump whenever what a row holds or how summaries are derived from records changes */
const VERSION = 3;

export const SNAPSHOT_FILE = 'index.snapshot';

export interface SnapshotHead extends Coverage {
  maxSeq: number;
  evictedThroughSegment: number;
  undelivered: Array<[string, string]>;
  rows: number;
  shapes: string[];
  contentTypes: string[];
  casedUrls: Array<[number, string]>;
  headerLines: number;
  indexedCaptures: number;
  /** the byte length of every section after the head, so they can all be read at once */
  lengths: number[];
}

/** what the store needs to go on from a snapshot */
export interface LoadedSnapshot {
  index: CaptureIndex;
  maxSeq: number;
  undelivered: Map<string, string>;
  /** replay the journal from here on */
  from: { segment: number; offset: number };
}

/** what a snapshot holds, taken at one moment (see cutSnapshot) */
export interface SnapshotCut {
  sizes: Array<[number, number]>;
  maxSeq: number;
  undelivered: Array<[string, string]>;
  rows: number;
  evictedThroughSegment: number;
  /** the column sections' bytes (views of arrays that do not change below the row count) */
  columns: Buffer[];
  shapes: string[];
  contentTypes: string[];
  casedUrls: Array<[number, string]>;
  headerLines: number;
  indexedCaptures: number;
  /** the body word index as it was (views: it only appends behind them, or builds new arrays) */
  tokens: RawTokens & { indexed: number };
}

/** the column sections, in file order: bytes per row (0: a variable length section) */
const COLUMNS = [
  'seq',
  'at',
  'segment',
  'offset',
  'length',
  'bodySize',
  'shape',
  'contentType',
  'flags',
  'idStarts',
  'idBytes',
  'urlStarts',
  'urlBytes',
  'lineStarts',
  'lineRefs',
  'dictStarts',
  'dictBytes',
  'idTable',
  'dictTable',
] as const;
/** then the body word index's sections (see token-arena.ts) */
const TOKEN_SECTIONS = 7;

const view = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** what the snapshot needs of `index` now, taken synchronously (cheap: arrays are shared, flags copied) */
export function cutSnapshot(index: CaptureIndex, sizes: Array<[number, number]>, maxSeq: number, undelivered: Map<string, string>): SnapshotCut {
  const parts = index.parts();
  const c = parts.columns;
  const rows = c.rows;
  const flags = c.flags.slice(0, rows);
  let indexedCaptures = 0;
  for (let r = 0; r < rows; r++) if (flags[r] & 1 && (flags[r] >>> INDEXED_SHIFT) & 3) indexedCaptures++;
  const lines = parts.headerLines.raw();
  return {
    sizes,
    maxSeq,
    undelivered: [...undelivered.entries()],
    rows,
    evictedThroughSegment: parts.evictedThroughSegment,
    // the hash tables change in place: copies (the rest are views)
    columns: columnBytes(c, flags, lines, parts.idTable ? parts.idTable.slice() : new Int32Array(0)),
    shapes: parts.shapes.keys(),
    contentTypes: parts.contentTypes.keys(),
    casedUrls: [...parts.casedUrls.entries()],
    headerLines: lines.count,
    indexedCaptures,
    tokens: index.tokens.raw(),
  };
}

function columnBytes(c: CaptureColumns, flags: Uint8Array, lines: { starts: Uint32Array; bytes: Buffer; table: Int32Array }, idTable: Int32Array): Buffer[] {
  const n = c.rows;
  return [
    view(c.seq.subarray(0, n)),
    view(c.at.subarray(0, n)),
    view(c.segment.subarray(0, n)),
    view(c.offset.subarray(0, n)),
    view(c.length.subarray(0, n)),
    view(c.bodySize.subarray(0, n)),
    view(c.shape.subarray(0, n)),
    view(c.contentType.subarray(0, n)),
    view(flags),
    view(c.id.starts.subarray(0, n)),
    c.id.bytes.subarray(0, n ? c.id.end(n - 1, n) : 0),
    view(c.url.starts.subarray(0, n)),
    c.url.bytes.subarray(0, n ? c.url.end(n - 1, n) : 0),
    view(c.lines.starts.subarray(0, n)),
    view(c.lines.refs.subarray(0, n ? c.lines.end(n - 1, n) : 0)),
    view(lines.starts),
    lines.bytes,
    view(idTable),
    view(lines.table),
  ];
}

type Typed = Float64Array | Uint32Array | Int32Array | Uint8Array;
type TypedMaker<T extends Typed> = { new (n: number): T; new (buffer: ArrayBuffer, offset: number, n: number): T; BYTES_PER_ELEMENT: number };

/** `bytes` as an aligned typed array of `n` elements with room for `spare` more: taken over when read with that room (see section), else copied */
function typed<T extends Typed>(Make: TypedMaker<T>, bytes: Buffer, n: number, spare: number): T {
  const per = Make.BYTES_PER_ELEMENT;
  if (bytes.length !== n * per) throw new Error('snapshot column does not add up');
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength >= (n + spare) * per) return new Make(bytes.buffer as ArrayBuffer, 0, n + spare);
  const out = new Make(n + spare);
  view(out).set(bytes);
  return out;
}

const spareFor = (n: number) => Math.max(1024, n >>> 3);
/** what room to read a section with, by the section's number, so the arrays made of it can grow in place */
function roomFor(head: SnapshotHead, k: number, length: number): number {
  const n = head.rows;
  const rows = (per: number) => (n + spareFor(n)) * per;
  switch (COLUMNS[k]) {
    case 'seq':
    case 'at':
    case 'offset':
      return rows(8);
    case 'segment':
    case 'length':
    case 'bodySize':
    case 'shape':
    case 'contentType':
    case 'idStarts':
    case 'urlStarts':
    case 'lineStarts':
      return rows(4);
    case 'flags':
      return rows(1);
    case 'idTable':
    case 'dictTable':
      return length;
    case 'dictStarts':
      return (head.headerLines + spareFor(head.headerLines)) * 4;
    default:
      return length + Math.max(64 * 1024, length >>> 3);
  }
}

function restoreParts(head: SnapshotHead, sections: Buffer[]): IndexParts {
  const n = head.rows;
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(head.headerLines) || head.headerLines < 0) throw new Error('bad snapshot head');
  const spare = spareFor(n);
  const [
    seq,
    at,
    segment,
    offset,
    length,
    bodySize,
    shape,
    contentType,
    flags,
    idStarts,
    idBytes,
    urlStarts,
    urlBytes,
    lineStarts,
    lineRefs,
    dictStarts,
    dictBytes,
    idTable,
    dictTable,
  ] = sections;
  const c = new CaptureColumns(0);
  c.seq = typed(Float64Array, seq, n, spare);
  c.at = typed(Float64Array, at, n, spare);
  c.segment = typed(Uint32Array, segment, n, spare);
  c.offset = typed(Float64Array, offset, n, spare);
  c.length = typed(Uint32Array, length, n, spare);
  c.bodySize = typed(Uint32Array, bodySize, n, spare);
  c.shape = typed(Uint32Array, shape, n, spare);
  c.contentType = typed(Uint32Array, contentType, n, spare);
  c.flags = typed(Uint8Array, flags, n, spare);
  c.id = TextColumn.from(typed(Uint32Array, idStarts, n, spare), idBytes, n, spare);
  c.url = TextColumn.from(typed(Uint32Array, urlStarts, n, spare), urlBytes, n, spare);
  if (lineRefs.length % 4) throw new Error('snapshot column does not add up');
  const refs = lineRefs.length / 4;
  const refSpare = Math.floor((lineRefs.buffer.byteLength - lineRefs.length) / 4);
  c.lines = RefListColumn.from(
    typed(Uint32Array, lineStarts, n, spare),
    typed(Uint32Array, lineRefs, refs, lineRefs.byteOffset === 0 ? refSpare : 0),
    refs,
    n,
    spare,
  );
  c.rows = n;
  const casedUrls = new Map<number, string>();
  for (const [s, url] of head.casedUrls) {
    if (typeof s !== 'number' || typeof url !== 'string') throw new Error('bad snapshot URL');
    casedUrls.set(s, url);
  }
  return {
    columns: c,
    shapes: StringTable.restore(head.shapes, shapeOf),
    contentTypes: StringTable.restore(head.contentTypes, (key) => (key === '' ? null : key.slice(1))),
    casedUrls,
    headerLines: HeaderLines.restore(
      typed(Uint32Array, dictStarts, head.headerLines, spareFor(head.headerLines)),
      dictBytes,
      head.headerLines,
      int32(dictTable),
    ),
    evictedThroughSegment: head.evictedThroughSegment,
    idTable: int32(idTable),
  };
}

/** a hash table section (null when its length is off: the table is then rebuilt) */
function int32(bytes: Buffer): Int32Array | null {
  return bytes.length % 4 ? null : typed(Int32Array, bytes, bytes.length / 4, 0);
}

/** Writes the snapshot `cut` took of the index, for the journal (in `dir`) as it was then. */
export async function writeSnapshot(dir: string, cut: SnapshotCut): Promise<void> {
  const { sizes } = cut;
  if (!sizes.length) return;
  await makePrivateDir(dir);
  const segments = await coveredSegments(dir, sizes);
  const last = segments[segments.length - 1];
  const head: SnapshotHead = {
    segments,
    lastCrc: await prefixCrc(segmentPath(dir, last.segment), last.size),
    maxSeq: cut.maxSeq,
    evictedThroughSegment: cut.evictedThroughSegment,
    undelivered: cut.undelivered,
    rows: cut.rows,
    shapes: cut.shapes,
    contentTypes: cut.contentTypes,
    casedUrls: cut.casedUrls,
    headerLines: cut.headerLines,
    indexedCaptures: cut.tokens.indexed,
    lengths: [],
  };
  const t = cut.tokens;
  const moreSeqs = Buffer.allocUnsafe(t.moreSeqs.reduce((sum, seqs) => sum + seqs.byteLength, 0));
  let at = 0;
  for (const seqs of t.moreSeqs) at += view(seqs).copy(moreSeqs, at);
  const parts = [...cut.columns, t.bytes, view(t.starts), view(t.first), view(t.moreIds), view(t.moreCounts), moreSeqs, view(t.table)];
  head.lengths = parts.map((part) => part.length);
  await writeSections(path.join(dir, SNAPSHOT_FILE), VERSION, [Buffer.from(JSON.stringify(head)), ...parts]);
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
  const reader = await SectionReader.open(handle, VERSION);
  if (!reader) return null;
  const head = JSON.parse((await reader.next()).toString('utf8')) as SnapshotHead;
  const dropped = await checkCovered(dir, head, sizes);
  if (dropped === null) return null;

  if (!Number.isInteger(head.rows) || head.rows < 0 || !Number.isInteger(head.headerLines) || head.headerLines < 0) return null;
  const sections = COLUMNS.length + TOKEN_SECTIONS;
  if (!Array.isArray(head.lengths) || head.lengths.length !== sections || !head.lengths.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const wordRoom = (length: number) => length + Math.max(64 * 1024, length >>> 3);
  // the columns and the first three word index sections get room to grow in place
  const all = await reader.nextAll(head.lengths, (k, length) =>
    k < COLUMNS.length ? roomFor(head, k, length) : k < COLUMNS.length + 3 ? wordRoom(length) : length,
  );
  const columns = all.slice(0, COLUMNS.length);
  const index = CaptureIndex.restore(restoreParts(head, columns), dropped);
  const undelivered = new Map(head.undelivered);
  const tokenParts = all.slice(COLUMNS.length);
  const [words, starts, first, moreIds, moreCounts, moreSeqs, table] = tokenParts;
  const u32 = (bytes: Buffer, room: boolean) => {
    if (bytes.length % 4) throw new Error('snapshot word index damaged');
    // the exact elements, a view of the whole room (token-arena.ts takes the room over)
    return typed(Uint32Array, bytes, bytes.length / 4, room && bytes.byteOffset === 0 ? Math.floor((bytes.buffer.byteLength - bytes.length) / 4) : 0).subarray(
      0,
      bytes.length / 4,
    );
  };
  index.tokens.restore(
    {
      bytes: words,
      starts: u32(starts, true),
      first: u32(first, true),
      moreIds: u32(moreIds, false),
      moreCounts: u32(moreCounts, false),
      moreSeqs: u32(moreSeqs, false),
      table: int32(table),
    },
    head.indexedCaptures,
  );
  reader.checkEnd();
  for (const id of undelivered.keys()) if (index.rowOf(id) === -1) undelivered.delete(id);
  const last = head.segments[head.segments.length - 1];
  return { index, maxSeq: head.maxSeq, undelivered, from: { segment: last.segment, offset: last.size } };
}
