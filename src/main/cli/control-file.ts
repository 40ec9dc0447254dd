// How local CLI commands find a running `serve`: it writes the control API's address and token to
// <dataDir>/control.json (mode 0600, only the owner can read the token) and removes it on shutdown.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

export const CONTROL_FILE = 'control.json';

export interface ControlEndpoint {
  /** http://127.0.0.1:<port> */
  url: string;
  token: string;
  pid: number;
  receiverUrl: string;
}

export const controlFilePath = (dataDir: string): string => join(dataDir, CONTROL_FILE);

export async function writeControlFile(dataDir: string, endpoint: ControlEndpoint): Promise<void> {
  const file = controlFilePath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(endpoint, null, 2)}\n`, { mode: 0o600 });
  await fs.chmod(temp, 0o600);
  await fs.rename(temp, file);
}

export async function removeControlFile(dataDir: string): Promise<void> {
  await fs.rm(controlFilePath(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The endpoint of the serve that owns the data dir, or null when none runs (a stale file is ignored). */
export async function readControlFile(dataDir: string): Promise<ControlEndpoint | null> {
  let text: string;
  try {
    text = await fs.readFile(controlFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as ControlEndpoint;
    if (typeof value.url !== 'string' || typeof value.token !== 'string' || typeof value.pid !== 'number') return null;
    return alive(value.pid) ? value : null;
  } catch {
    return null;
  }
}
