// Every entry under a folder with its permission bits, for the owner-only (0700/0600) checks.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileMode {
  file: string;
  mode: number;
  isDir: boolean;
}

export async function listModes(dir: string): Promise<FileMode[]> {
  const out: FileMode[] = [];
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const s = await stat(file);
    out.push({ file, mode: s.mode & 0o777, isDir: s.isDirectory() });
    if (s.isDirectory()) out.push(...(await listModes(file)));
  }
  return out;
}
