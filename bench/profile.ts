// `npx tsx bench/profile.ts [inbox|trigger] [seconds]`: runs the engine under autocannon load
// with the CPU profiler on (node:inspector, the same profile `node --cpu-prof` writes, taken
// over the load only) and prints where its time went: idle share, GC, and the functions with
// the most self time (grouped by file). The .cpuprofile is kept for Chrome DevTools.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchSignature, BENCH_HMAC } from './bench-trigger';
import { firstLine, stop, stopAll, stopAllOnSignals, tsxChild } from './children';
import { BODY, load } from './load';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  stopAllOnSignals();
  const kind = process.argv[2] === 'trigger' ? 'trigger' : 'inbox';
  const seconds = Number(process.argv[3] ?? 5);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hookbench-profile-'));
  const profDir = path.join(process.cwd(), 'bench-profiles');
  await fs.mkdir(profDir, { recursive: true });
  try {
    const file = path.join(profDir, `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    process.env.BENCH_PROFILE = file;
    const child = tsxChild('server-child.ts', ['engine', path.join(root, 'data')]);
    const { url } = (await firstLine(child)) as { url: string };
    const target = kind === 'trigger' ? `${url}/api/v0/launch/${BENCH_HMAC.triggerId}/` : `${url}/hooks/bench`;
    const headers = kind === 'trigger' ? { [BENCH_HMAC.header]: benchSignature(BODY) } : {};
    await load(target, 1, headers);
    child.kill('SIGUSR2'); // the profile covers the measured load only
    await new Promise((r) => setTimeout(r, 100));
    const result = await load(target, seconds, headers);
    await stop(child);
    const profile = JSON.parse(await fs.readFile(file, 'utf8')) as Profile;
    process.stdout.write(`${kind}: ${result.reqPerSec} req/s while profiled; profile ${path.relative(process.cwd(), file)}\n`);
    summarize(profile);
  } finally {
    await stopAll();
    await fs.rm(root, { recursive: true, force: true });
  }
}

function summarize(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url ? frame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/').replace(/^node:/, 'node:') : '';
    const key = frame.functionName.startsWith('(') ? frame.functionName : `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  process.stdout.write(`total ${(total / 1e6).toFixed(2)} s sampled\n`);
  for (const [key, us] of rows) process.stdout.write(`${pct(us)}  ${key}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
