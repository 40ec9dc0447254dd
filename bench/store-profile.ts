// Engine-side search/open figures without the UI, for profiling the capture store:
//   npx tsx bench/store-profile.ts <dataDir> [count]   (prefills <dataDir> when it is empty)
// Run under `node --cpu-prof --import tsx` to see where open and search spend their time.
import { promises as fs } from 'node:fs';
import { capturesDir, openCaptureStore } from '../src/main/engine/store/capture-store';
import { BODY_ONLY_NEEDLE, prefill, retentionFor } from './prefill';

async function main(dataDir: string, count: number): Promise<void> {
  const exists = await fs.stat(capturesDir(dataDir)).then(
    () => true,
    () => false,
  );
  if (!exists) process.stderr.write(`prefilled ${count} in ${await prefill(dataDir, count)} ms\n`);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const store = await openCaptureStore(capturesDir(dataDir), retentionFor(count));
  const openMs = performance.now() - t;
  t = performance.now();
  await (store as unknown as { scans?: { indexPending(): Promise<void> } }).scans?.indexPending();
  const signMs = performance.now() - t;
  gc?.();
  const mem = process.memoryUsage();
  const out: Record<string, unknown> = {
    captures: store.count(),
    openMs: Math.round(openMs),
    signMs: Math.round(signMs),
    rssMB: Math.round((mem.rss - rss0) / 1e6),
    heapMB: Math.round(mem.heapUsed / 1e6),
    arrayBuffersMB: Math.round(mem.arrayBuffers / 1e6),
  };
  t = performance.now();
  await store.list({ limit: 100 });
  out.firstPageMs = Math.round(performance.now() - t);
  for (const needle of [BODY_ONLY_NEEDLE, 'd-4242', '/prefill/77/', 'push', 'zzzq']) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 3; r++) {
      // a different query in between, so the scan cache does not answer
      await store.list({ filter: { text: 'x' }, limit: 1 });
      t = performance.now();
      total = (await store.list({ filter: { text: needle }, limit: 100 })).total;
      times.push(Math.round(performance.now() - t));
    }
    out[`search ${needle} (${total})`] = times;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  await store.close();
}

void main(process.argv[2], Number(process.argv[3] ?? 100_000));
