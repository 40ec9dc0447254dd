// How a CLI command that changes a data dir reaches it: through the running `serve` that owns it
// (its control API), or — when nothing holds the data dir — by taking the data dir's lock for
// the moment of the change, exactly as an engine would, and releasing it at once.
import type { ControlClient } from './control-client';
import { CliError } from './command';
import { openAccess } from './access';

export type WriteAccess = { kind: 'serve'; dataDir: string; client: ControlClient } | { kind: 'locked'; dataDir: string; release(): Promise<void> };

/** How long a command waits for the control file of a serve that holds the lock but is still starting. */
const SERVE_STARTING_MS = 3000;

export async function openWriteAccess(flag: string | undefined): Promise<WriteAccess> {
  const access = await openAccess(flag);
  if (access.kind === 'serve') return access;
  const { lockDataDir, DataDirBusyError } = await import('../engine/store/data-dir-lock');
  try {
    const lock = await lockDataDir(access.dataDir, (message) => console.error(message));
    return { kind: 'locked', dataDir: access.dataDir, release: () => lock.release() };
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw new CliError(`cannot lock the data dir ${access.dataDir}: ${(error as Error).message}`);
    // a serve takes the lock before it writes its control file: give a starting one a moment
    for (const until = Date.now() + SERVE_STARTING_MS; Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 100));
      const again = await openAccess(flag);
      if (again.kind === 'serve') return again;
    }
    throw new CliError(
      `the data dir ${access.dataDir} is in use by another Hookbench process (pid ${error.pid}) that offers the CLI no control API ` +
        `(the desktop app?): make the change there, or stop it and run this again`,
    );
  }
}

/** Runs `change` with the data dir's lock held, releasing it whatever happens. */
export async function whileLocked<T>(access: Extract<WriteAccess, { kind: 'locked' }>, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    await access.release();
  }
}
