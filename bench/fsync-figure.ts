// Durability stage of `npm run bench`: receiver throughput with an fdatasync per group commit
// of the capture journal (survives a power loss) against the default (page cache only:
// survives a process kill). Rounds alternate the two, each on a fresh data dir on the same
// file system as the OS temp dir, and the best round of each counts (other load only slows).
// Standalone: `npx tsx bench/fsync-figure.ts` (BENCH_SECONDS, BENCH_ROUNDS as for the bench).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webhookBody } from './bench-body';

const BODY = webhookBody(1024);
const CONNECTIONS = 50;
/** the agreed bar: fsync becomes the default when it costs at most this share of throughput */
export const FSYNC_DEFAULT_MAX_COST = 0.15;

type Durability = 'process-kill' | 'power-loss';

export interface FsyncFigure {
  processKill: { reqPerSec: number; rounds: number[] };
  powerLoss: { reqPerSec: number; rounds: number[] };
  /** 1 - powerLoss/processKill */
  cost: number;
  target: string;
  fsyncByDefault: boolean;
}

async function start(dataDir: string, durability: Durability): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fsync-child.ts'), dataDir, durability], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      const nl = text.indexOf('\n');
      if (nl !== -1) resolve((JSON.parse(text.slice(0, nl)) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`fsync child exited with ${code}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function load(url: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${url}/hooks/bench?source=fsync`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: BODY,
  });
  if (result.non2xx || result.errors) throw new Error(`fsync stage: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

export async function fsyncFigure(seconds: number, rounds: number): Promise<FsyncFigure> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hookbench-fsync-'));
  const runs: Record<Durability, number[]> = { 'process-kill': [], 'power-loss': [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const durability of ['process-kill', 'power-loss'] as const) {
        const server = await start(path.join(root, `${durability}-${round}`), durability);
        try {
          await load(server.url, 1); // warm-up
          runs[durability].push(await load(server.url, seconds));
        } finally {
          await stop(server.child);
        }
      }
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
  const processKill = Math.max(...runs['process-kill']);
  const powerLoss = Math.max(...runs['power-loss']);
  const cost = Math.round((1 - powerLoss / processKill) * 100) / 100;
  return {
    processKill: { reqPerSec: processKill, rounds: runs['process-kill'] },
    powerLoss: { reqPerSec: powerLoss, rounds: runs['power-loss'] },
    cost,
    target: `fsync by default when cost <= ${FSYNC_DEFAULT_MAX_COST}`,
    fsyncByDefault: cost <= FSYNC_DEFAULT_MAX_COST,
  };
}

if (require.main === module) {
  fsyncFigure(Number(process.env.BENCH_SECONDS ?? 5), Number(process.env.BENCH_ROUNDS ?? 2))
    .then((figure) =>
      process.stdout.write(
        `${JSON.stringify({ durabilityFsyncPerGroupCommit: { machine: { cpus: os.cpus().length, loadAverage: os.loadavg() }, ...figure } }, null, 2)}\n`,
      ),
    )
    .catch((error) => {
      process.stderr.write(`fsync bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
