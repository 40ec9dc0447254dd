// Whole-buffer reads and writes on a file handle, and making a directory entry durable: the
// loops node's single read/write calls leave to the caller, written once for the store.
import { promises as fs, writevSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** below this a batch is written synchronously: a page-cache copy costs less than a thread-pool round trip */
const SYNC_WRITE_BYTES = 1024 * 1024;

/** whether writeFully writes `total` bytes before it returns (its buffers are then free at once) */
export const writesSynchronously = (total: number): boolean => total <= SYNC_WRITE_BYTES;

/** writes every byte of `parts` (`total` bytes), continuing after a short write */
export async function writeFully(handle: FileHandle, parts: Buffer[], total: number): Promise<void> {
  let written = 0;
  let rest = parts;
  while (written < total) {
    const bytesWritten = writesSynchronously(total) ? writevSync(handle.fd, rest) : (await handle.writev(rest)).bytesWritten;
    written += bytesWritten;
    if (written < total) rest = [Buffer.concat(rest).subarray(bytesWritten)];
  }
}

/** makes a new file's directory entry durable */
export async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** exactly `length` bytes from `position`; a file that ends sooner is an error saying `cutShort` */
export async function readExactly(handle: FileHandle, position: number, length: number, cutShort: string): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  await readInto(handle, position, buf, cutShort);
  return buf;
}

/** fills `target` from `position`; a file that ends sooner is an error saying `cutShort` */
export async function readInto(handle: FileHandle, position: number, target: Buffer, cutShort: string): Promise<void> {
  let filled = 0;
  while (filled < target.length) {
    const { bytesRead } = await handle.read(target, filled, target.length - filled, position + filled);
    if (bytesRead === 0) throw new Error(cutShort);
    filled += bytesRead;
  }
}
