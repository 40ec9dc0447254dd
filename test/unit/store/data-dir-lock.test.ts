// One process per data dir: a second engine is refused with the owner's pid; a stale lock
// left by a killed process is taken over.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testEngine } from '../../support/test-engine';
import { LOCK_FILE, lockDataDir } from '../../../src/main/engine/store/data-dir-lock';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'hookbench-lock-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

it('refuses a second engine on the same data dir and frees the dir on stop', async () => {
  const first = testEngine(dir);
  await first.start();
  // a lock held by another live process (the parent of this test worker stands in for it)
  await first.stop();
  await writeFile(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
  const second = testEngine(dir);
  await expect(second.start()).rejects.toThrow(`in use by another Hookbench process (pid ${process.ppid})`);
  await rm(path.join(dir, LOCK_FILE));
  await second.start();
  expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
  await second.stop();
  await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
});

it('takes over the lock of a process that no longer exists', async () => {
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await new Promise((r) => child.once('exit', r));
  await writeFile(path.join(dir, LOCK_FILE), `${deadPid}\n`);
  const lock = await lockDataDir(dir);
  expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
  await lock.release();
});
