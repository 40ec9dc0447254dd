import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureStore } from '../../../src/main/engine/ports';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { listSegments } from '../../../src/main/engine/store/segment-files';
import { newCapture } from './capture-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const roomy = { maxCaptures: 100_000, maxBytes: 1024 ** 3 };
let dir: string;
let store: CaptureStore;
beforeEach(async () => {
  dir = await makeTempDir('captures');
});
afterEach(async () => {
  await store?.close().catch(() => undefined);
  await fs.rm(dir, { recursive: true, force: true });
});

describe('capture store', () => {
  it('stores exact bytes and headers, lists newest first and survives reopen', async () => {
    store = await openCaptureStore(dir, roomy);
    const binary = Buffer.from([0, 255, 1, 254, 0x0d, 0x0a, 0x80]);
    const a = await store.append(newCapture({ body: binary, url: '/a/b?q=%20x' }));
    const b = await store.append(newCapture({ method: 'PUT', url: '/c' }));
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(a).toMatchObject({ path: '/a/b', url: '/a/b?q=%20x', bodySize: 7, contentType: 'application/json', status: 200 });
    expect((await store.list({})).items.map((s) => s.id)).toEqual([b.id, a.id]);

    const detail = await store.get(a.id);
    expect(Buffer.from(detail!.bodyBase64, 'base64').equals(binary)).toBe(true);
    expect(detail!.rawHeaders).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Dup', 'a'],
      ['X-Dup', 'b'],
    ]);
    expect(detail!.bodyTruncated).toBe(false);
    const cut = await store.get(a.id, 3);
    expect(Buffer.from(cut!.bodyBase64, 'base64').equals(binary.subarray(0, 3))).toBe(true);
    expect(cut!.bodyTruncated).toBe(true);
    expect(cut!.bodySize).toBe(7);
    expect(await store.get('nope')).toBeNull();

    await store.close();
    store = await openCaptureStore(dir, roomy);
    expect((await store.list({})).items).toEqual([b, a]);
    expect((await store.readBody(a.id))!.equals(binary)).toBe(true);
    const c = await store.append(newCapture());
    expect(c.seq).toBeGreaterThan(b.seq);
  });

  it('filters by method, path, header, body, free text, kind and trigger, and pages by seq', async () => {
    store = await openCaptureStore(dir, roomy);
    const gh = await store.append(newCapture({ url: '/github', headers: [['X-GitHub-Event', 'push']], body: '{"ref":"refs/heads/Main"}' }));
    const st = await store.append(newCapture({ method: 'put', url: '/stripe?live=1', headers: [['Stripe-Signature', 't=1']], body: 'amount=5' }));
    const tr = await store.append(newCapture({ url: '/t/deploy', kind: 'launch', triggerId: 'deploy', body: 'MAIN branch' }));
    const ids = async (filter: object) => (await store.list({ filter })).items.map((s) => s.id);

    expect(await ids({ methods: ['PUT'] })).toEqual([st.id]);
    expect(await ids({ path: 'GIT' })).toEqual([gh.id]);
    expect(await ids({ header: 'x-github-event: push' })).toEqual([gh.id]);
    expect(await ids({ header: 'stripe-signature' })).toEqual([st.id]);
    expect(await ids({ body: 'main' })).toEqual([tr.id, gh.id]);
    expect(await ids({ body: 'amount=5' })).toEqual([st.id]);
    expect(await ids({ body: 'main', kind: 'inbox' })).toEqual([gh.id]);
    expect(await ids({ text: 'live=1' })).toEqual([st.id]);
    expect(await ids({ text: 'github-event' })).toEqual([gh.id]);
    expect(await ids({ kind: 'launch' })).toEqual([tr.id]);
    expect(await ids({ triggerId: 'deploy' })).toEqual([tr.id]);
    expect(store.recentForTrigger('deploy', 5).map((s) => s.id)).toEqual([tr.id]);

    // body scans pick up captures added after a cached scan, and drop deleted ones
    const late = await store.append(newCapture({ body: 'main again' }));
    expect(await ids({ body: 'main' })).toEqual([late.id, tr.id, gh.id]);
    await store.delete([tr.id]);
    expect(await ids({ body: 'main' })).toEqual([late.id, gh.id]);

    for (let i = 0; i < 10; i++) await store.append(newCapture({ url: `/page/${i}` }));
    const first = await store.list({ filter: { path: '/page/' }, limit: 4 });
    expect(first.total).toBe(10);
    expect(first.items.map((s) => s.url)).toEqual(['/page/9', '/page/8', '/page/7', '/page/6']);
    const second = await store.list({ filter: { path: '/page/' }, limit: 4, beforeSeq: first.items[3].seq });
    expect(second.items.map((s) => s.url)).toEqual(['/page/5', '/page/4', '/page/3', '/page/2']);
    expect(second.total).toBe(10);
  });

  it('keeps seq order and every capture under concurrent appends', async () => {
    store = await openCaptureStore(dir, roomy);
    const made = await Promise.all(Array.from({ length: 300 }, (_, i) => store.append(newCapture({ url: `/c/${i}` }))));
    expect(new Set(made.map((s) => s.seq)).size).toBe(300);
    const { items, total } = await store.list({ limit: 1000 });
    expect(total).toBe(300);
    for (let i = 1; i < items.length; i++) expect(items[i].seq).toBeLessThan(items[i - 1].seq);
    await store.close();
    store = await openCaptureStore(dir, roomy);
    expect((await store.list({ limit: 1000 })).items.map((s) => s.id)).toEqual(items.map((s) => s.id));
  });

  it('deletes with tombstones and clears, both surviving reopen, with seq still increasing', async () => {
    store = await openCaptureStore(dir, roomy);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await store.append(newCapture({ url: `/${i}` })));
    expect(await store.delete([made[1].id, made[3].id, 'missing'])).toBe(2);
    expect(store.count()).toBe(3);
    await store.close();
    store = await openCaptureStore(dir, roomy);
    expect((await store.list({})).items.map((s) => s.url)).toEqual(['/4', '/2', '/0']);
    expect(await store.get(made[1].id)).toBeNull();

    expect(await store.clear()).toBe(3);
    expect(store.count()).toBe(0);
    await store.close();
    store = await openCaptureStore(dir, roomy);
    expect(store.count()).toBe(0);
    const next = await store.append(newCapture());
    expect(next.seq).toBeGreaterThan(made[4].seq);
  });

  it('keeps at most maxCaptures and deletes segments whose captures are all gone', async () => {
    store = await openCaptureStore(dir, { maxCaptures: 20, maxBytes: 1024 ** 3 }, { segmentBytes: 4096 });
    const body = Buffer.alloc(500, 0x61);
    const made = [];
    for (let i = 0; i < 100; i++) made.push(await store.append(newCapture({ body, url: `/${i}` })));
    expect(store.count()).toBe(20);
    const page = await store.list({ limit: 1000 });
    expect(page.items.map((s) => s.url)).toEqual(
      made
        .slice(80)
        .reverse()
        .map((s) => s.url),
    );
    await new Promise((r) => setTimeout(r, 50)); // segment drops run after the append resolved
    const segments = await listSegments(dir);
    expect(segments.length).toBeLessThan(12);
    expect(await store.get(made[0].id)).toBeNull();
    expect(await store.get(made[99].id)).not.toBeNull();

    await store.setRetention({ maxCaptures: 5, maxBytes: 1024 ** 3 });
    expect(store.count()).toBe(5);
    await store.close();
    store = await openCaptureStore(dir, { maxCaptures: 5, maxBytes: 1024 ** 3 }, { segmentBytes: 4096 });
    expect((await store.list({})).items.map((s) => s.url)).toEqual(['/99', '/98', '/97', '/96', '/95']);
  });

  it('keeps at most maxBytes of captures', async () => {
    store = await openCaptureStore(dir, { maxCaptures: 1000, maxBytes: 10_000 }, { segmentBytes: 8192 });
    const body = Buffer.alloc(1000, 0x62);
    for (let i = 0; i < 60; i++) await store.append(newCapture({ body }));
    // each record is about 1.3 KB with its meta, so 10 KB holds 7
    expect(store.count()).toBeGreaterThanOrEqual(6);
    expect(store.count()).toBeLessThanOrEqual(9);
    await new Promise((r) => setTimeout(r, 50));
    const onDisk = (await Promise.all((await fs.readdir(dir)).map((f) => fs.stat(path.join(dir, f))))).reduce((n, s) => n + s.size, 0);
    expect(onDisk).toBeLessThan(10_000 + 2 * 8192);
  });
});
