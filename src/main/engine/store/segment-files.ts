// Segment files are named by a zero-padded number so a plain sort gives their age.
import { promises as fs } from 'node:fs';
import path from 'node:path';

const SEGMENT_RE = /^(\d{10})\.journal$/;

export function segmentPath(dir: string, segment: number): string {
  return path.join(dir, `${String(segment).padStart(10, '0')}.journal`);
}

export async function listSegments(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir);
  const segments: number[] = [];
  for (const name of names) {
    const m = SEGMENT_RE.exec(name);
    if (m) segments.push(Number(m[1]));
  }
  return segments.sort((a, b) => a - b);
}

export async function removeIfExists(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
