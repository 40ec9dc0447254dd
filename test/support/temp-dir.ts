// The one way tests make scratch directories: `hookbench-<label>-XXXXXX` under the OS temp dir.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty directory of its own under the OS temp dir. */
export function makeTempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `hookbench-${label}-`));
}

/** Removes a directory made by makeTempDir (and everything in it); a missing one is fine. */
export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
