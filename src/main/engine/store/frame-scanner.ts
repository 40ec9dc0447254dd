// Walks the frames of one segment file in large sequential reads, so replay touches each
// byte at most once and skips bodies that are too big to be worth reading. Damage does not
// stop the walk: from a bad spot it searches for the next frame magic whose header checks
// out and goes on, reporting every skipped range.
import type { FileHandle } from 'node:fs/promises';
import { HEADER_BYTES_V1, MAGIC_PATTERNS, MAX_HEADER_BYTES, decodeHeader, frameCrc, frameLength, headIntact, type FrameHeader } from './frame';

const CHUNK_BYTES = 1024 * 1024;

export interface ScannedFrame {
  offset: number;
  header: FrameHeader;
  meta: Buffer;
}

/** bytes between intact frames that are not a frame (overwritten, torn, or garbage) */
export interface DamagedRange {
  offset: number;
  length: number;
}

export interface ScanResult {
  /** offset just past the last intact frame (0 when there is none) */
  intactEnd: number;
  /** intact frames visited */
  frames: number;
  /** oldest first; the last one reaches `limit` when no intact frame follows it (a torn tail) */
  damaged: DamagedRange[];
}

/**
 * Visits every intact frame in the first `limit` bytes of the file. `verifyAll` reads every
 * body to check its CRC (the newest segment at open, where a torn write can be); otherwise
 * bodies already in the read buffer are checked and larger HBJ2 ones are trusted on their
 * header CRC (their body CRC is checked when the record is read); HBJ1 frames, which have no
 * header CRC, are always checked whole. After damage the walk goes on at the next magic.
 */
export async function scanFrames(
  handle: FileHandle,
  limit: number,
  verifyAll: boolean,
  visit: (frame: ScannedFrame) => void,
  /** where the first frame starts (a replay that resumes part-way) */
  start = 0,
): Promise<ScanResult> {
  let buf = Buffer.alloc(0);
  let bufStart = 0;

  /** false when the file ends before `from + length` */
  const ensure = async (from: number, length: number): Promise<boolean> => {
    if (from >= bufStart && from + length <= bufStart + buf.length) return true;
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
    return filled >= length;
  };

  const frameAt = async (pos: number): Promise<{ header: FrameHeader; meta: Buffer; total: number } | null> => {
    if (pos + HEADER_BYTES_V1 > limit) return null;
    if (!(await ensure(pos, Math.min(MAX_HEADER_BYTES, limit - pos)))) return null;
    const header = decodeHeader(buf, pos - bufStart);
    if (!header) return null;
    const total = frameLength(header);
    if (total > limit - pos) return null;
    const headAndMeta = header.headerLength + header.metaLength;
    if (!(await ensure(pos, headAndMeta))) return null;
    let at = pos - bufStart;
    let meta = buf.subarray(at + header.headerLength, at + headAndMeta);
    if (!headIntact(header, buf, at, meta)) return null;
    // an old (HBJ1) frame has no header CRC: only its full CRC vouches for its lengths, so it is
    // always read whole — otherwise a damaged length could jump over intact frames unseen
    const wholeWanted = verifyAll || total <= CHUNK_BYTES || header.headCrc === null;
    if (wholeWanted && !(await ensure(pos, total))) return null;
    at = pos - bufStart;
    if (at + total <= buf.length) {
      meta = buf.subarray(at + header.headerLength, at + headAndMeta);
      if (frameCrc(meta, buf.subarray(at + headAndMeta, at + total)) !== header.crc) return null;
    }
    return { header, meta, total };
  };

  /** offset of the next frame magic at or after `from`, or `limit` */
  const nextMagic = async (from: number): Promise<number> => {
    let at = from;
    while (at + 4 <= limit) {
      if (!(await ensure(at, Math.min(CHUNK_BYTES, limit - at)))) return limit;
      const local = at - bufStart;
      let best = -1;
      for (const pattern of MAGIC_PATTERNS) {
        const found = buf.indexOf(pattern, local);
        if (found >= 0 && (best < 0 || found < best)) best = found;
      }
      if (best >= 0) return bufStart + best;
      if (bufStart + buf.length >= limit) break;
      at = bufStart + buf.length - 3; // a magic may straddle the chunk boundary
    }
    return limit;
  };

  const damaged: DamagedRange[] = [];
  let pos = start;
  let intactEnd = start;
  let frames = 0;
  let damageStart: number | null = null;
  while (pos < limit) {
    const frame = await frameAt(pos);
    if (!frame) {
      damageStart ??= pos;
      pos = await nextMagic(pos + 1);
      continue;
    }
    if (damageStart !== null) {
      damaged.push({ offset: damageStart, length: pos - damageStart });
      damageStart = null;
    }
    visit({ offset: pos, header: frame.header, meta: frame.meta });
    frames += 1;
    pos += frame.total;
    intactEnd = pos;
  }
  if (damageStart !== null) damaged.push({ offset: damageStart, length: limit - damageStart });
  return { intactEnd, frames, damaged };
}
