// Walks the frames of one segment file in large sequential reads, so replay touches each
// byte at most once and skips bodies that are too big to be worth reading.
import type { FileHandle } from 'node:fs/promises';
import { HEADER_BYTES, decodeHeader, frameCrc, frameLength, type FrameHeader } from './frame';

const CHUNK_BYTES = 1024 * 1024;

export interface ScannedFrame {
  offset: number;
  header: FrameHeader;
  meta: Buffer;
}

/**
 * Visits every intact frame from the start of the file up to `limit` bytes and returns the
 * offset where intact data ends. `verifyAll` reads every body to check its CRC (used on the
 * newest segment at open, where a torn write can only be); otherwise bodies already in the
 * read buffer are checked and larger ones are skipped unread.
 */
export async function scanFrames(
  handle: FileHandle,
  limit: number,
  verifyAll: boolean,
  visit: (frame: ScannedFrame) => void,
): Promise<number> {
  let buf = Buffer.alloc(0);
  let bufStart = 0;

  const ensure = async (from: number, length: number): Promise<void> => {
    if (from >= bufStart && from + length <= bufStart + buf.length) return;
    const readLength = Math.min(Math.max(length, CHUNK_BYTES), limit - from);
    const next = Buffer.allocUnsafe(readLength);
    let filled = 0;
    while (filled < readLength) {
      const { bytesRead } = await handle.read(next, filled, readLength - filled, from + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    buf = next.subarray(0, filled);
    bufStart = from;
    if (filled < length) throw new Error('segment shorter than expected');
  };
  const inBuffer = (from: number, length: number): boolean => from >= bufStart && from + length <= bufStart + buf.length;

  let pos = 0;
  try {
    while (pos + HEADER_BYTES <= limit) {
      await ensure(pos, HEADER_BYTES);
      const header = decodeHeader(buf, pos - bufStart);
      if (!header) break;
      const total = frameLength(header);
      if (pos + total > limit) break;
      const headAndMeta = HEADER_BYTES + header.metaLength;
      await ensure(pos, verifyAll || total <= CHUNK_BYTES ? total : headAndMeta);
      const metaStart = pos - bufStart + HEADER_BYTES;
      const meta = buf.subarray(metaStart, metaStart + header.metaLength);
      if (inBuffer(pos, total)) {
        const body = buf.subarray(metaStart + header.metaLength, metaStart + header.metaLength + header.bodyLength);
        if (frameCrc(meta, body) !== header.crc) break;
      }
      visit({ offset: pos, header, meta });
      pos += total;
    }
  } catch {
    // a read past the real end means the file is shorter than its frames claim: torn
  }
  return pos;
}
