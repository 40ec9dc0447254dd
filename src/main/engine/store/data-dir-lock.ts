// One process at a time per data dir: two writers appending to the same journal segment would
// interleave frames. The lock is a file naming the owner (pid, its start time, "hookbench"),
// put in place atomically (written aside, then hard-linked), so it is never seen half-written.
// A lock whose owner is gone, a zombie, a different process under a reused pid, or a process
// that is not Hookbench at all is stale: it is taken over with a message naming the lock file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makePrivateDir } from './private-files';
import { looksLikeHookbench, ownStartTime, processFacts } from './process-identity';

export const LOCK_FILE = 'hookbench.lock';

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data dir ${dataDir} is in use by another Hookbench process (pid ${pid}); stop it first or use another --data-dir`);
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  /** absent in locks written before start times were recorded */
  startTime: string | null;
}

function parseOwner(text: string): LockOwner | null {
  const [pidLine, startLine] = text.split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const start = /^started (\d+)$/.exec(startLine ?? '');
  return { pid, startTime: start ? start[1] : null };
}

/** why the owner does not hold the lock any more, or null when it does */
function staleReason(owner: LockOwner | null): string | null {
  if (!owner) return 'it names no process';
  if (owner.pid === process.pid) return null;
  const facts = processFacts(owner.pid);
  if (facts.state === 'gone') return `its owner (pid ${owner.pid}) is not running`;
  if (facts.state === 'zombie') return `its owner (pid ${owner.pid}) has exited (zombie)`;
  if (owner.startTime !== null && facts.startTime !== null && owner.startTime !== facts.startTime) {
    return `pid ${owner.pid} is now a different process than the Hookbench that wrote it`;
  }
  if (owner.startTime === null && facts.command !== null && !looksLikeHookbench(facts.command)) {
    return `pid ${owner.pid} is not a Hookbench process (${facts.command[0] ?? '?'})`;
  }
  return null;
}

export async function lockDataDir(dataDir: string, notice: (message: string) => void = (m) => console.warn(m)): Promise<DataDirLock> {
  await makePrivateDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  const start = ownStartTime();
  const content = `${process.pid}\n${start === null ? '' : `started ${start}`}\nhookbench\n`;
  const aside = `${file}.${process.pid}.tmp`;
  await fs.writeFile(aside, content, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        // a file system without hard links gets an exclusive create instead
        await fs.link(aside, file).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') throw error;
          return fs.writeFile(file, content, { flag: 'wx', mode: 0o600 });
        });
        return {
          async release() {
            const text = await fs.readFile(file, 'utf8').catch(() => '');
            if (text === content) await fs.rm(file, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = await fs.readFile(file, 'utf8').catch(() => null);
      if (seen === null) continue; // released meanwhile
      const owner = parseOwner(seen);
      const reason = staleReason(owner);
      if (reason === null) throw new DataDirBusyError(dataDir, owner!.pid);
      // move the stale lock away; if another starter replaced it meanwhile, put theirs back
      const moved = `${file}.stale.${process.pid}`;
      await fs.rename(file, moved).catch(() => undefined);
      const movedText = await fs.readFile(moved, 'utf8').catch(() => null);
      if (movedText !== null && movedText !== seen) await fs.link(moved, file).catch(() => undefined);
      await fs.rm(moved, { force: true });
      if (movedText === seen) notice(`hookbench: took over the data dir lock ${file}: ${reason}`);
    }
    throw new Error(`could not lock the data dir ${dataDir}: the lock file ${file} keeps changing`);
  } finally {
    await fs.rm(aside, { force: true });
  }
}

/** The pid of the live Hookbench process that holds the data dir's lock, or null (none, or a stale lock). */
export async function dataDirOwner(dataDir: string): Promise<number | null> {
  const text = await fs.readFile(path.join(dataDir, LOCK_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  const owner = parseOwner(text);
  return owner && staleReason(owner) === null ? owner.pid : null;
}
