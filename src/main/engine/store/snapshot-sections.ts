// The snapshot file's framing (capture-snapshot.ts says what goes in it): "HBIX" u32, version
// u32, then sections [u32 length][u32 hash (snapshot-hash.ts)][bytes]. Written to a temporary file
// renamed over the old one; read back with every section's length and hash checked, and the
// file's end checked to be the last section's.
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { readExactly, readInto } from './file-io';
import { sectionHash } from './snapshot-hash';

const MAGIC = 0x58494248; // "HBIX"

/** writes `sections` in order to `file` as a snapshot of `version`; one cut short by an error is removed, the old file (if any) stays */
export async function writeSections(file: string, version: number, sections: Buffer[]): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await fs.open(temp, 'w', 0o600);
  let written = false;
  try {
    const start = Buffer.alloc(8);
    start.writeUInt32LE(MAGIC, 0);
    start.writeUInt32LE(version, 4);
    await handle.write(start);
    for (const section of sections) await writeSection(handle, section);
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
  frame.writeUInt32LE(sectionHash(bytes), 4);
  await handle.writev([frame, bytes]);
}

/** Reads a snapshot file's sections in order; one cut short or damaged is an error. */
export class SectionReader {
  private at = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly fileSize: number,
  ) {}

  /** a reader at the first section, or null when the file is not a snapshot of `version` */
  static async open(handle: FileHandle, version: number): Promise<SectionReader | null> {
    const { size } = await handle.stat();
    const reader = new SectionReader(handle, size);
    const start = await reader.read(8);
    return start.readUInt32LE(0) === MAGIC && start.readUInt32LE(4) === version ? reader : null;
  }

  /** the next section's bytes */
  async next(): Promise<Buffer> {
    const frame = await this.read(8);
    const length = frame.readUInt32LE(0);
    if (this.at + length > this.fileSize) throw new Error('snapshot cut short');
    const bytes = Buffer.allocUnsafe(length);
    await readInto(this.handle, this.at, bytes, 'snapshot cut short');
    this.at += length;
    if (sectionHash(bytes) !== frame.readUInt32LE(4)) throw new Error('snapshot section damaged');
    return bytes;
  }

  /**
   * The next sections, of the `lengths` given, all read at once (the thread pool reads while
   * finished ones are checked). Section k is read into an ArrayBuffer of `room(k, length)` bytes,
   * so arrays made of it can grow in place.
   */
  async nextAll(lengths: number[], room: (k: number, length: number) => number): Promise<Buffer[]> {
    const reads: Array<Promise<Buffer>> = [];
    for (let k = 0; k < lengths.length; k++) {
      const length = lengths[k];
      const size = room(k, length);
      if (this.at + 8 + length > this.fileSize) throw new Error('snapshot cut short');
      const frame = Buffer.allocUnsafe(8);
      const bytes = Buffer.from(new ArrayBuffer(Math.max(length, size)), 0, length);
      const position = this.at;
      this.at += 8 + length;
      const read = (async () => {
        await readInto(this.handle, position, frame, 'snapshot cut short');
        await readInto(this.handle, position + 8, bytes, 'snapshot cut short');
        if (frame.readUInt32LE(0) !== length || sectionHash(bytes) !== frame.readUInt32LE(4)) throw new Error('snapshot section damaged');
        return bytes;
      })();
      read.catch(() => undefined); // awaited below; not unhandled when an earlier one fails first
      reads.push(read);
    }
    return Promise.all(reads);
  }

  /** an error unless the sections read end the file */
  checkEnd(): void {
    if (this.at !== this.fileSize) throw new Error('snapshot has trailing bytes');
  }

  private async read(length: number): Promise<Buffer> {
    if (this.at + length > this.fileSize) throw new Error('snapshot cut short');
    const buf = await readExactly(this.handle, this.at, length, 'snapshot cut short');
    this.at += length;
    return buf;
  }
}
