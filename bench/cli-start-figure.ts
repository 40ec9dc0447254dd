// `serve` from the bundled CLI: milliseconds from spawn until it prints that it listens,
// beside `node -e 0` (the cost of starting Node at all), median of a few runs each.
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');
export const CLI_BUNDLE = path.join(REPO, 'out/cli/hookbench.cjs');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU ms a process has used so far (user + system, from /proc; Linux only, else NaN). */
async function cpuMs(pid: number): Promise<number> {
  try {
    const fields = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** `node -e 0`: wall ms, and the CPU ms it used (it reports its own, bootstrap included). */
function nodeBaseline(): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', "process.on('exit',()=>{const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1000))})"], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c));
    child.once('exit', () => resolve({ wall: performance.now() - started, cpu: Number(out) }));
    child.once('error', reject);
  });
}

/** ms from spawn to the "Receiver:" line (printed once the receiver and the control server listen). */
export function serveListeningMs(bundle: string, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, 'serve', '--port', '0', '--control-port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c));
    let listenedAfter: { wall: number; cpu: number } | null = null;
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      if (listenedAfter === null && /^Receiver:/m.test(out)) {
        const wall = performance.now() - started;
        listenedAfter = { wall, cpu: Number.NaN };
        void cpuMs(child.pid!).then((cpu) => {
          listenedAfter = { wall, cpu };
          child.kill('SIGTERM');
        });
      }
    });
    child.once('exit', (code) => {
      if (listenedAfter !== null) resolve(listenedAfter);
      else reject(new Error(`serve exited with ${code} before listening: ${out}${err}`));
    });
    child.once('error', reject);
  });
}

export async function cliStartFigure(rounds = 5) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hookbench-cli-start-'));
  try {
    const runs: { wall: number; cpu: number }[] = [];
    const base: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await nodeBaseline());
      runs.push(await serveListeningMs(CLI_BUNDLE, path.join(root, `data-${i}`)));
    }
    const serve = Math.round(median(runs.map((r) => r.wall)));
    return {
      serveListeningMs: serve,
      baselineNodeE0Ms: Math.round(median(base.map((b) => b.wall))),
      // CPU time is what the machine's other load does not inflate much
      serveCpuMs: Math.round(median(runs.map((r) => r.cpu))),
      baselineNodeE0CpuMs: Math.round(median(base.map((b) => b.cpu))),
      wallRuns: runs.map((r) => Math.round(r.wall)),
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      target: '<= 500 ms from spawn to listening',
      pass: serve <= 500,
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

// `npx tsx bench/cli-start-figure.ts`: this figure alone
if (require.main === module) {
  cliStartFigure().then((f) => console.log(JSON.stringify(f, null, 2)));
}
