// Opens the engine's stores and receiver on a data dir and reports memory, apart from the bench.
import { createInboxRouter, createReceiver } from '../src/main/engine/receiver';
import { capturesDir, openCaptureStore } from '../src/main/engine/store/capture-store';
import { openWorkspaceStore } from '../src/main/engine/store/workspace-store';
import { SEARCH_NEEDLES } from './prefill';

async function main(dataDir: string): Promise<void> {
  const started = performance.now();
  const workspace = await openWorkspaceStore(dataDir);
  const settings = workspace.settings();
  const store = await openCaptureStore(capturesDir(dataDir), settings.retention);
  const openMs = performance.now() - started;
  const rx = createReceiver({
    host: '127.0.0.1',
    port: 0,
    bodyLimitBytes: () => settings.bodyLimitBytes,
    router: createInboxRouter(() => settings.inboxResponse),
    store,
  });
  await rx.listen();
  // the body token index is built in the background after open: count it in
  await (store as unknown as { scans?: { indexPending(): Promise<void> } }).scans?.indexPending();
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const { rss, heapUsed } = process.memoryUsage();
  let t = performance.now();
  await store.list({ limit: 100 });
  const firstPageMs = Math.round(performance.now() - t);
  const searches = [];
  for (const { needle, where } of SEARCH_NEEDLES) {
    t = performance.now();
    const { total } = await store.list({ filter: { text: needle }, limit: 100 });
    searches.push({ needle, where, ms: Math.round(performance.now() - t), matches: total });
  }
  process.stdout.write(
    `${JSON.stringify({ captures: store.count(), rssMB: mb(rss), heapUsedMB: mb(heapUsed), openMs: Math.round(openMs), firstPageMs, searches })}\n`,
  );
  await rx.close();
  await store.close();
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

void main(process.argv[2]);
