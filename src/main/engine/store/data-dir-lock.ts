// One process at a time per data dir: two writers appending to the same journal segment would
// interleave frames. The lock is a file holding the owner's pid, created exclusively; a lock
// whose process is gone (kill -9, crash) is stale and taken over.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'hookbench.lock';

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`the data dir ${dataDir} is in use by another Hookbench process (pid ${pid}); stop it first or use another --data-dir`);
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ownerOf(file: string): Promise<number | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return {
        async release() {
          if ((await ownerOf(file)) === process.pid) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await ownerOf(file);
      if (owner !== null && owner !== process.pid && alive(owner)) throw new DataDirBusyError(dataDir, owner);
      // stale (or half-written by a process that died at once): remove and try again
      await fs.rm(file, { force: true });
    }
  }
  throw new Error(`could not lock the data dir ${dataDir}`);
}
