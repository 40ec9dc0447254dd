import { constants, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { makePrivateDir } from '../../engine/store/private-files';
import { CliError } from '../command';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOOKBENCH_DATA_DIR || join(homedir(), '.hookbench', 'data');
}

/** mkdir -p, then make sure we can write there: fail now with one line, not on the first capture. */
export async function prepareDataDir(dir: string): Promise<string> {
  const absolute = resolve(dir);
  try {
    await makePrivateDir(absolute);
    await fs.access(absolute, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(`data dir ${absolute} is not writable (${code}); pick another with --data-dir`);
  }
  return absolute;
}
