// The on-disk frame. Current format ("HBJ2", 20-byte header):
//   [magic u32][meta length u32][body length u32][crc32(meta+body) u32][crc32(header bytes 0..16 + meta) u32] meta body
// The second CRC guards the lengths and the meta, so a reader can tell an intact frame from
// damage without reading a large body, and can resynchronise on the next magic after damage.
// Older segments hold "HBJ1" frames (16-byte header, no header CRC); they are still read.
import zlib from 'node:zlib';
import { crc32Combine } from './crc32-combine';

export const FRAME_MAGIC = 0x48424a32; // "HBJ2"
export const FRAME_MAGIC_V1 = 0x48424a31; // "HBJ1", read only
export const HEADER_BYTES = 20;
export const HEADER_BYTES_V1 = 16;
/** the bytes a reader needs to decide which header it looks at */
export const MAX_HEADER_BYTES = HEADER_BYTES;
/** the magics as they appear in a file, for resynchronising after damage */
export const MAGIC_PATTERNS: readonly Buffer[] = [FRAME_MAGIC, FRAME_MAGIC_V1].map((magic) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(magic, 0);
  return bytes;
});

export interface FrameHeader {
  /** 20 for HBJ2, 16 for HBJ1 */
  headerLength: number;
  metaLength: number;
  bodyLength: number;
  crc: number;
  /** HBJ2 only: crc32 over header bytes 0..16 and the meta */
  headCrc: number | null;
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function tableCrc32(data: Uint8Array, initial = 0): number {
  let crc = (initial ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

type Crc32 = (data: Uint8Array, initial?: number) => number;
// zlib.crc32 arrived in Node 20.15/22.2; older runtimes fall back to the table.
const nativeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;
export const crc32: Crc32 = nativeCrc32 ?? tableCrc32;

export function frameCrc(meta: Uint8Array, body: Uint8Array): number {
  // a record without a body (trigger log entries, runs): the CRC of nothing more is the same value
  return (body.length ? crc32(body, crc32(meta)) : crc32(meta)) >>> 0;
}

function headCrcOf(head: Buffer, at: number, meta: Uint8Array): number {
  return crc32(meta, crc32(head.subarray(at, at + HEADER_BYTES_V1))) >>> 0;
}

/**
 * Header and meta of one frame in a buffer of its own (the journal writes a group commit's
 * frames into one shared buffer with encodeFrameHeadInto; the bytes are the same).
 */
export function encodeFrameHead(metaJson: string, body: Uint8Array): Buffer {
  const metaLength = Buffer.byteLength(metaJson, 'utf8');
  const head = Buffer.allocUnsafe(HEADER_BYTES + metaLength);
  encodeFrameHeadInto(head, 0, metaJson, metaLength, body);
  return head;
}

/**
 * Writes a frame's header and meta into `target` at `at` (HEADER_BYTES + metaLength bytes,
 * metaLength being the UTF-8 length of metaJson): the same bytes as encodeFrameHead, placed in
 * a buffer shared by a whole group commit, so a record costs no buffer of its own.
 */
export function encodeFrameHeadInto(target: Buffer, at: number, metaJson: string, metaLength: number, body: Uint8Array): void {
  const metaAt = at + HEADER_BYTES;
  target.write(metaJson, metaAt, metaLength, 'utf8');
  target.writeUInt32LE(FRAME_MAGIC, at);
  target.writeUInt32LE(metaLength, at + 4);
  target.writeUInt32LE(body.length, at + 8);
  // the meta's CRC once, for both: the frame's continues it over the body, the head's joins the
  // header's first 16 bytes (frame CRC included) before it (same values as frameCrc, headCrcOf)
  const metaCrc = crc32(target.subarray(metaAt, metaAt + metaLength));
  target.writeUInt32LE(body.length ? crc32(body, metaCrc) >>> 0 : metaCrc >>> 0, at + 12);
  target.writeUInt32LE(crc32Combine(crc32(target.subarray(at, at + HEADER_BYTES_V1)), metaCrc, metaLength), at + 16);
}

/**
 * null when the bytes at `at` are not a frame header (wrong magic). `buf` must hold at least
 * MAX_HEADER_BYTES from `at`, or HEADER_BYTES_V1 for an old frame near the end.
 */
export function decodeHeader(buf: Buffer, at: number): FrameHeader | null {
  if (at + HEADER_BYTES_V1 > buf.length) return null;
  const magic = buf.readUInt32LE(at);
  const metaLength = buf.readUInt32LE(at + 4);
  const bodyLength = buf.readUInt32LE(at + 8);
  const crc = buf.readUInt32LE(at + 12);
  if (magic === FRAME_MAGIC) {
    if (at + HEADER_BYTES > buf.length) return null;
    return { headerLength: HEADER_BYTES, metaLength, bodyLength, crc, headCrc: buf.readUInt32LE(at + 16) };
  }
  if (magic === FRAME_MAGIC_V1) return { headerLength: HEADER_BYTES_V1, metaLength, bodyLength, crc, headCrc: null };
  return null;
}

/** HBJ2: whether lengths and meta are as written (`meta` taken from the same frame). HBJ1: always true. */
export function headIntact(header: FrameHeader, buf: Buffer, at: number, meta: Uint8Array): boolean {
  return header.headCrc === null || headCrcOf(buf, at, meta) === header.headCrc;
}

export function frameLength(header: FrameHeader): number {
  return header.headerLength + header.metaLength + header.bodyLength;
}
