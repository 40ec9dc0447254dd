// Which journal bytes a snapshot covers (capture-snapshot.ts), and at open whether the journal
// still holds them: every covered segment's size and modification time, and a hash
// (snapshot-hash.ts) of the covered part of the newest one, which later appends extend. A covered
// segment retention has since deleted is fine (its captures go, as a replay would drop them);
// any other change means the snapshot does not fit.
import { promises as fs } from 'node:fs';
import { readInto } from './file-io';
import { segmentPath } from './segment-files';
import { HASH_SEED, sectionHash } from './snapshot-hash';

export interface CoveredSegment {
  segment: number;
  size: number;
  mtimeMs: number;
}

/** what a snapshot's head says it covers */
export interface Coverage {
  segments: CoveredSegment[];
  /** hash (snapshot-hash.ts) of the first `size` bytes of the last covered segment */
  lastCrc: number;
}

/** the segments of `sizes` ([segment, size], as the journal had them) with their modification times now */
export async function coveredSegments(dir: string, sizes: Array<[number, number]>): Promise<CoveredSegment[]> {
  const out: CoveredSegment[] = [];
  for (const [segment, size] of sizes) out.push({ segment, size, mtimeMs: (await fs.stat(segmentPath(dir, segment))).mtimeMs });
  return out;
}

/** the hash of the first `length` bytes of `file` */
export async function prefixCrc(file: string, length: number): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    // whole 4 MB pieces (the hash streams exactly over pieces that are multiples of 4 bytes)
    const buf = Buffer.allocUnsafeSlow(4 * 1024 * 1024);
    let hash = HASH_SEED;
    for (let at = 0; at < length;) {
      const piece = buf.subarray(0, Math.min(buf.length, length - at));
      await readInto(handle, at, piece, 'segment shorter than the snapshot says');
      hash = sectionHash(piece, hash);
      at += piece.length;
    }
    return hash;
  } finally {
    await handle.close();
  }
}

/**
 * Whether the journal (its segments' `sizes` now) still holds what the snapshot covers: the
 * segment below which covered segments are gone (0: none), or null when the snapshot does not fit.
 */
export async function checkCovered(dir: string, head: Coverage, sizes: Array<[number, number]>): Promise<number | null> {
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
