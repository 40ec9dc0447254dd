// One process per data dir: a second engine is refused while a live Hookbench holds the lock;
// a lock left by a dead process, a zombie, a reused pid or a process that is not Hookbench is
// taken over with a message naming the lock file; kill -9 then an immediate restart starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testEngine } from '../../support/test-engine';
import { LOCK_FILE, lockDataDir } from '../../../src/main/engine/store/data-dir-lock';
import { spawnCli, waitForUrls } from '../cli/run-cli';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = await makeTempDir('lock');
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

function holdLock(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'lock-holder.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      if (String(c).includes('locked')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

it('refuses a second engine while another Hookbench process holds the dir, and frees the dir on stop', async () => {
  const holder = await holdLock(dir);
  const second = testEngine(dir);
  await expect(second.start()).rejects.toThrow(`in use by another Hookbench process (pid ${holder.pid})`);
  holder.kill('SIGTERM');
  await exited(holder);
  await second.start();
  expect((await readFile(path.join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(process.pid));
  await second.stop();
  await expect(readFile(path.join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
});

it('takes over the lock of a process that no longer exists, naming the lock file', async () => {
  const child = spawn(process.execPath, ['-e', '0']);
  const deadPid = child.pid!;
  await exited(child);
  await writeFile(path.join(dir, LOCK_FILE), `${deadPid}\n`);
  const notices: string[] = [];
  const lock = await lockDataDir(dir, (m) => notices.push(m));
  expect(notices).toEqual([`hookbench: took over the data dir lock ${path.join(dir, LOCK_FILE)}: its owner (pid ${deadPid}) is not running`]);
  expect((await readFile(path.join(dir, LOCK_FILE), 'utf8')).split('\n')[0]).toBe(String(process.pid));
  await lock.release();
});

it('takes over a lock naming a live process that is not Hookbench, or a pid reused since', async () => {
  const sleeper = spawn('sleep', ['30']);
  children.push(sleeper);
  const notices: string[] = [];
  await writeFile(path.join(dir, LOCK_FILE), `${sleeper.pid}\n`);
  let lock = await lockDataDir(dir, (m) => notices.push(m));
  await lock.release();
  expect(notices[0]).toMatch(new RegExp(`lock ${path.join(dir, LOCK_FILE)}: pid ${sleeper.pid} is not a Hookbench process`));
  // the pid of a live Node process, but with another start time than the one recorded
  await writeFile(path.join(dir, LOCK_FILE), `${process.ppid}\nstarted 1\nhookbench\n`);
  lock = await lockDataDir(dir, (m) => notices.push(m));
  await lock.release();
  expect(notices[1]).toContain(`pid ${process.ppid} is now a different process`);
});

it('takes over the lock of a zombie (exited, not yet reaped by its parent)', async () => {
  // `sleep 60` never waits for the background child, so that child stays a zombie once it exits
  const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(parent);
  const zombie = await new Promise<number>((resolve) => parent.stdout!.once('data', (c: Buffer) => resolve(Number(String(c).trim()))));
  const state = () => {
    try {
      const t = readFileSync(`/proc/${zombie}/stat`, 'utf8');
      return t.slice(t.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  for (let i = 0; i < 100 && state()?.[0] !== 'Z'; i++) await new Promise((r) => setTimeout(r, 50));
  const fields = state();
  expect(fields?.[0]).toBe('Z');
  await writeFile(path.join(dir, LOCK_FILE), `${zombie}\nstarted ${fields![19]}\nhookbench\n`);
  const notices: string[] = [];
  const lock = await lockDataDir(dir, (m) => notices.push(m));
  expect(notices[0]).toContain(`its owner (pid ${zombie}) has exited (zombie)`);
  await lock.release();
});

it('starts again at once after kill -9, every time', async () => {
  for (let round = 0; round < 5; round++) {
    const serve = spawnCli(['serve', '--data-dir', dir, '--port', '0', '--control-port', '0']);
    children.push(serve);
    let err = '';
    serve.stderr!.on('data', (c: Buffer) => (err += c));
    await waitForUrls(serve, 30_000).catch((e: Error) => {
      throw new Error(`round ${round}: ${e.message}\n${err}`);
    });
    serve.kill('SIGKILL');
    // no wait for the exit: the next start races the dying (or zombie) process
  }
  const last = children[children.length - 1];
  await exited(last);
}, 180_000);
