// The newest journal segment's tail when the journal opens (journal.ts): a write torn by a crash
// leaves a damaged range that runs to the end of the file. A writer cuts it off (its bytes kept
// aside), so appends continue right after the last intact frame; a read-only opener leaves the
// file alone and reads only up to it.
import { promises as fs } from 'node:fs';
import { scanFrames, type DamagedRange } from './frame-scanner';
import { tornTailFile } from './journal-damage';
import { writePrivateFile } from './private-files';
import { segmentPath } from './segment-files';

/**
 * Verifies every frame of the newest segment. When the last damaged range runs to the end of
 * the file (no intact frame follows it: a write torn by a crash), its bytes are kept aside in
 * `<segment>.journal.tail-<offset>.damaged` and the segment is truncated there, so appends
 * continue right after the last intact frame. Damage followed by intact frames stays.
 */
export async function cutTornTail(file: string): Promise<{ size: number; cut: DamagedRange | null }> {
  const handle = await fs.open(file, 'a+', 0o600);
  try {
    const { size } = await handle.stat();
    const { damaged } = await scanFrames(handle, size, true, () => undefined);
    const last = damaged[damaged.length - 1];
    if (!last || last.offset + last.length < size) return { size, cut: null };
    const tail = Buffer.alloc(last.length);
    await handle.read(tail, 0, last.length, last.offset);
    await writePrivateFile(tornTailFile(file, last.offset), tail);
    await handle.truncate(last.offset);
    return { size: last.offset, cut: last };
  } finally {
    await handle.close();
  }
}

/** each of `segments` (oldest first) with its size on disk now; the newest one's only up to a torn or half-written tail, which is skipped, never cut */
export async function sizesBeforeTornTail(dir: string, segments: number[]): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  for (const segment of segments) {
    const handle = await fs.open(segmentPath(dir, segment), 'r');
    try {
      const { size } = await handle.stat();
      if (segment !== segments[segments.length - 1]) {
        sizes.set(segment, size);
        continue;
      }
      // a damaged range that runs to the end is a write in progress or torn: read up to it
      const { damaged } = await scanFrames(handle, size, true, () => undefined);
      const last = damaged[damaged.length - 1];
      sizes.set(segment, last && last.offset + last.length >= size ? last.offset : size);
    } finally {
      await handle.close();
    }
  }
  return sizes;
}
