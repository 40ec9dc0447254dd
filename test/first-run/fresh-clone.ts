// A fresh clone of this repository in a temp dir, installed with `npm install` the way a new
// user would (from the local npm cache when it has everything), and `npm start` run in it as
// its own process group so a test can always take the whole tree down.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

/** The environment a new user would have: none of the outer npm run's variables, a temp HOME. */
export function userEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_|^INIT_CWD$|^HOOKBENCH_|^ELECTRON_|^electron_|^XDG_|^DISPLAY$|^WAYLAND_DISPLAY$|^BROWSER$/i.test(key)) continue;
    env[key] = value;
  }
  env.HOME = home;
  // the temp HOME has no npm cache: use the machine's, and prefer it over the network
  env.npm_config_cache = process.env.npm_config_cache || join(homedir(), '.npm');
  env.npm_config_prefer_offline = 'true';
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export type Run = { code: number | null; output: string };

/** Runs a command to the end (bounded), returning its exit code and combined output. */
export function runToEnd(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c));
    child.stderr!.on('data', (c: Buffer) => (output += c));
    const timer = setTimeout(() => {
      output += `\n[test: killed after ${options.timeoutMs} ms]`;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

export async function cloneAndInstall(): Promise<{ dir: string; install: Run; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'hookbench-first-run-'));
  const dir = join(base, 'hookbench');
  const cleanup = () => rm(base, { recursive: true, force: true });
  const clone = await runToEnd('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, dir], { cwd: base, env: process.env, timeoutMs: 60_000 });
  if (clone.code !== 0) {
    await cleanup();
    throw new Error(`git clone failed:\n${clone.output}`);
  }
  const install = await runToEnd('npm', ['install'], { cwd: dir, env: userEnv(join(base, 'home')), timeoutMs: 300_000 });
  return { dir, install, cleanup };
}

/** `npm start` in its own process group, with its output collected as it comes. */
export class NpmStart {
  readonly child: ChildProcess;
  output = '';
  exited: Promise<number | null>;
  /** Every process holding npm start's output pipes has exited (serve is npm's grandchild). */
  closed: Promise<void>;

  constructor(dir: string, env: NodeJS.ProcessEnv) {
    this.child = spawn('npm', ['start'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child.stdout!.on('data', (c: Buffer) => (this.output += c));
    this.child.stderr!.on('data', (c: Buffer) => (this.output += c));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
    this.closed = new Promise((done) => this.child.on('close', () => done()));
  }

  /** Resolves with the first match of `pattern` in the output; rejects on exit or after timeoutMs. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const match = this.output.match(pattern);
      if (match) return match;
      if (exited) throw new Error(`npm start exited before printing ${pattern}; output:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not print ${pattern} within ${timeoutMs} ms; output:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM to the whole group, SIGKILL if it is still there after graceMs. Waits for the
   *  output pipes to close, not for npm's exit: npm may exit before serve (its grandchild) has
   *  printed its stop line, and killing the group then would cut serve short. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      killGroup(this.child, 'SIGTERM');
      await Promise.race([this.closed, new Promise((r) => setTimeout(r, graceMs))]);
      killGroup(this.child, 'SIGKILL');
      return;
    }
    killGroup(this.child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
    await this.closed;
    clearTimeout(timer);
    killGroup(this.child, 'SIGKILL'); // anything the group left behind
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

/** A loopback port that was free a moment ago and has nothing listening now: connecting is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}
