// The on-disk frame: [magic u32][meta length u32][body length u32][crc32(meta+body) u32] meta body.
import zlib from 'node:zlib';

export const FRAME_MAGIC = 0x48424a31; // "HBJ1"
export const HEADER_BYTES = 16;

export interface FrameHeader {
  metaLength: number;
  bodyLength: number;
  crc: number;
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
  return crc32(body, crc32(meta)) >>> 0;
}

/**
 * Header and meta of a frame in one buffer: the JSON is encoded straight into place, which
 * saves an allocation and a copy per record on the receiver's hot path.
 */
export function encodeFrameHead(metaJson: string, body: Uint8Array): Buffer {
  const metaLength = Buffer.byteLength(metaJson, 'utf8');
  const head = Buffer.allocUnsafe(HEADER_BYTES + metaLength);
  head.write(metaJson, HEADER_BYTES, 'utf8');
  head.writeUInt32LE(FRAME_MAGIC, 0);
  head.writeUInt32LE(metaLength, 4);
  head.writeUInt32LE(body.length, 8);
  head.writeUInt32LE(frameCrc(head.subarray(HEADER_BYTES), body), 12);
  return head;
}

/** null when the bytes are not a frame header (wrong magic) */
export function decodeHeader(buf: Buffer, at: number): FrameHeader | null {
  if (buf.readUInt32LE(at) !== FRAME_MAGIC) return null;
  return { metaLength: buf.readUInt32LE(at + 4), bodyLength: buf.readUInt32LE(at + 8), crc: buf.readUInt32LE(at + 12) };
}

export function frameLength(header: FrameHeader): number {
  return HEADER_BYTES + header.metaLength + header.bodyLength;
}
