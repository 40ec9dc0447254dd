// Fills a data dir with `count` captures of 1 KB JSON bodies, straight through the capture
// store. One in a hundred bodies is an "invoice.paid" event (a needle found only in bodies);
// each capture has its own delivery header and URL. Retention is raised to hold them all.
// The store is closed the way the app closes it: bodies indexed, index snapshot written.
import { capturesDir, openCaptureStore } from '../src/main/engine/store/capture-store';
import { newCaptureId } from '../src/main/engine/store/capture-id';
import { openWorkspaceStore } from '../src/main/engine/store/workspace-store';
import { DEFAULT_SETTINGS } from '@shared/settings';

export const BODY_ONLY_NEEDLE = 'Invoice.Paid';
/** what the search figures look for (UI and engine-side), and where it is found */
export const SEARCH_NEEDLES = [
  { needle: BODY_ONLY_NEEDLE, where: 'body only, 1 in 100' },
  { needle: 'd-4242', where: 'a header value' },
  { needle: '/prefill/77/', where: 'the URL' },
  { needle: 'push', where: '99 in 100 bodies' },
];
export const retentionFor = (count: number) => ({
  maxCaptures: Math.max(count * 2, DEFAULT_SETTINGS.retention.maxCaptures),
  maxBytes: Math.max(count * 4096, DEFAULT_SETTINGS.retention.maxBytes),
});

export function prefillBody(i: number): Buffer {
  const base = {
    event: i % 100 === 7 ? 'invoice.paid' : 'push',
    id: `evt_${i.toString(36).padStart(8, '0')}`,
    repository: { name: 'hookbench', owner: 'bench' },
    ref: 'refs/heads/main',
    padding: '',
  };
  base.padding = 'x'.repeat(Math.max(0, 1024 - JSON.stringify(base).length));
  return Buffer.from(JSON.stringify(base));
}

export async function prefill(dataDir: string, count: number): Promise<number> {
  const started = performance.now();
  const retention = retentionFor(count);
  const workspace = await openWorkspaceStore(dataDir);
  await workspace.updateSettings({ retention });
  const store = await openCaptureStore(capturesDir(dataDir), retention);
  for (let done = 0; done < count;) {
    const batch = Math.min(1000, count - done);
    await Promise.all(
      Array.from({ length: batch }, (_, k) => {
        const i = done + k;
        const now = Date.now();
        const body = prefillBody(i);
        return store.append({
          request: {
            id: newCaptureId(now),
            receivedAt: now,
            method: i % 10 === 3 ? 'PUT' : 'POST',
            url: `/hooks/prefill/${i}/end?source=prefill`,
            httpVersion: '1.1',
            rawHeaders: [
              ['Host', '127.0.0.1:7780'],
              ['Content-Type', 'application/json'],
              ['Content-Length', String(body.length)],
              ['X-Bench-Event', 'bench'],
              ['X-Delivery', `d-${i}`],
              ['User-Agent', 'hookbench-bench/1'],
            ],
            body,
            remoteAddress: '127.0.0.1',
            remotePort: 40000,
            timings: { startedAt: now, headersMs: 0, bodyMs: 0 },
          },
          decision: { kind: 'inbox', response: { status: 200, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: 'ok' } },
        });
      }),
    );
    done += batch;
  }
  // as after the app sat idle for a moment: bodies indexed (in the background), then closed,
  // which writes the index snapshot the next open starts from
  await (store as unknown as { scans?: { indexPending(): Promise<void> } }).scans?.indexPending();
  await store.close();
  return Math.round(performance.now() - started);
}
