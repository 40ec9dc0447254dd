// Everything under the data dir is owner-only: directories 0700, files 0600, whatever the
// process umask is (modes are set explicitly after creation, so a permissive umask such as
// 000 cannot widen them). Other local users cannot read webhook payloads, run inputs or
// the workspace's secrets.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** mkdir -p; every directory this call creates (the parents too) ends up 0700 */
export async function makePrivateDir(dir: string): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return; // it existed: leave its mode alone (checked and warned about at start)
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    await fs.chmod(current, PRIVATE_DIR_MODE);
    if (current === path.resolve(first) || path.dirname(current) === current) break;
  }
}

/** writes (creating or replacing) a file that is 0600 from its first byte */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w', PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** "mode 755" style text for a warning */
export function modeText(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}

/**
 * Warnings for the data dir and its direct entries when group or others can reach them
 * (left by an older Hookbench, or a copy): nothing is changed, the owner decides.
 */
export async function widePermissionWarnings(dataDir: string): Promise<string[]> {
  // Windows has ACLs, not these mode bits: stat reports 0666/0777 for everything
  if (process.platform === 'win32') return [];
  const warnings: string[] = [];
  const check = async (target: string): Promise<void> => {
    const stat = await fs.lstat(target).catch(() => null);
    if (!stat || stat.isSymbolicLink() || (stat.mode & 0o077) === 0) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    warnings.push(
      `${target} is readable by other users (mode ${modeText(stat.mode)}); Hookbench keeps webhook payloads and secrets there — run: chmod ${modeText(wanted)} ${target}`,
    );
  };
  await check(dataDir);
  const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
  for (const name of entries.sort()) await check(path.join(dataDir, name));
  return warnings;
}
