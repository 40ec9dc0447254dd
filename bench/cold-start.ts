// `serve` cold start: from spawning the process to the receiver listening (serve prints its
// URLs once both ports listen), beside spawning `node -e 0`. Runs are interleaved, median of 5.
// SERVE_COMMAND is how `serve` is started: the bundled CLI (npm run build:cli; npm run bench builds it).
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { track } from './children';

const REPO = path.resolve(__dirname, '..');
export const SERVE_COMMAND: string[] = [process.execPath, 'out/cli/hookbench.cjs', 'serve'];
export const SERVE_COMMAND_LABEL = 'node out/cli/hookbench.cjs serve';

function timeServe(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [cmd, ...args] = SERVE_COMMAND;
    const child = track(spawn(cmd, [...args, '--data-dir', dataDir, '--port', '0', '--control-port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] }));
    let out = '';
    let listeningMs: number | null = null;
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      if (listeningMs === null && /^Receiver:\s+\S+/m.test(out) && /^UI:\s+\S+/m.test(out)) {
        listeningMs = Math.round(performance.now() - started);
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => (listeningMs !== null ? resolve(listeningMs) : reject(new Error(`serve exited with ${code} before listening:\n${out}`))));
  });
}

function timeNodeNoop(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
    child.once('exit', (code) => (code === 0 ? resolve(Math.round(performance.now() - started)) : reject(new Error(`node -e 0 exited with ${code}`))));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export async function coldStart(root: string, runs = 5): Promise<{ serveMs: number; nodeMs: number; serveRuns: number[]; nodeRuns: number[] }> {
  const serveRuns: number[] = [];
  const nodeRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = path.join(root, `cold-${i}`);
    await fs.mkdir(dataDir, { recursive: true });
    nodeRuns.push(await timeNodeNoop());
    serveRuns.push(await timeServe(dataDir));
  }
  return { serveMs: median(serveRuns), nodeMs: median(nodeRuns), serveRuns, nodeRuns };
}
