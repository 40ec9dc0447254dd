// The delivery log keeps only the newest N deliveries (and their journal segments), never one
// that is still pending or retrying, and the same holds after a reopen.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeliveryStore, type DeliveryStore } from '../../../src/main/engine/notifications/delivery-store';
import { listSegments } from '../../../src/main/engine/store/segment-files';
import type { DeliveryAttempt, DeliveryStatus, DeliverySummary, NotificationPayload } from '@shared/notifications';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let limit: number;
let store: DeliveryStore;
let n = 0;
const open = () => openDeliveryStore(dir, { retention: { maxEntries: () => limit }, segmentBytes: 2048 });

const payload: NotificationPayload = { project: 'p', title: 'done', type: 'execution_completed', body: 'b', url: '/e', data: {} };

async function delivery(status: DeliveryStatus = 'pending', sourceKey?: string): Promise<DeliverySummary> {
  n += 1;
  const summary: DeliverySummary = {
    id: `d-${n}`,
    eventType: 'execution_completed',
    title: 'done',
    status: 'pending',
    createdAt: n,
    updatedAt: n,
    attemptCount: 0,
    origin: 'event',
    target: { channelId: 'c1', channelName: 'hook', channelType: 'custom', url: 'http://127.0.0.1:9/hook' },
    ...(sourceKey ? { sourceKey } : {}),
  };
  await store.create(summary, JSON.stringify(payload), payload);
  if (status === 'pending') return summary;
  return store.recordAttempt(summary.id, attempt(status), status, n);
}

function attempt(status: DeliveryStatus): DeliveryAttempt {
  const ok = status === 'succeeded';
  return {
    number: 1,
    startedAt: n,
    durationMs: 1,
    requestHeaders: [],
    responseStatus: ok ? 200 : 500,
    responseHeaders: [],
    responseExcerpt: ok ? 'ok' : 'boom',
    responseBytes: 2,
    responseTruncated: false,
    ok,
    ...(ok ? {} : { errorKind: 'non-2xx' as const, error: 'HTTP 500' }),
  };
}

beforeEach(async () => {
  dir = path.join(await makeTempDir('delivery-retention'), 'deliveries');
  limit = 16;
  store = await open();
});
afterEach(async () => {
  await store.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

describe('delivery log retention', () => {
  it('keeps the newest N deliveries across many and across a reopen, dropping old segments', async () => {
    const all: DeliverySummary[] = [];
    for (let i = 0; i < 200; i++) {
      all.push(await delivery(i % 2 ? 'succeeded' : 'failed', `execution:e${i}:execution_completed>c1`));
      expect(store.list({}, 1000).length).toBeLessThanOrEqual(limit);
    }
    const kept = store.list({}, 1000).map((s) => s.id);
    expect(kept[0]).toBe(all[199].id);
    expect(store.summary(all[0].id)).toBeUndefined();
    // a forgotten delivery's event no longer counts as notified; a kept one still does
    expect(store.hasSource('execution:e0:execution_completed')).toBe(false);
    expect(store.hasSource('execution:e199:execution_completed')).toBe(true);
    expect((await store.get(all[199].id))?.attempts[0].responseExcerpt).toBe('ok');
    expect((await listSegments(dir)).length).toBeLessThanOrEqual(limit);

    await store.close();
    store = await open();
    // the newest of what was kept (eviction forgets in slices, so maybe a few fewer)
    const reopened = store.list({}, 1000).map((s) => s.id);
    expect(reopened).toEqual(kept.slice(0, reopened.length));
    expect(reopened.length).toBeGreaterThan(limit / 2);
    expect(store.health('c1').total).toBeLessThanOrEqual(limit);
  });

  it('never forgets a pending or retrying delivery, nor its request, after a reopen either', async () => {
    const pending = await delivery('pending');
    const retrying = await delivery('retrying');
    for (let i = 0; i < 150; i++) await delivery('succeeded');
    expect(store.list({}, 1000).length).toBeLessThanOrEqual(limit);
    expect(store.unfinished().map((s) => s.id)).toEqual([pending.id, retrying.id]);

    await store.close();
    store = await open();
    expect(store.unfinished().map((s) => s.id)).toEqual([pending.id, retrying.id]);
    expect(store.body(pending.id)?.payload).toEqual(payload);
    expect((await store.get(retrying.id))?.attempts.map((a) => a.responseExcerpt)).toEqual(['boom']);

    // finished, they age out like the rest
    await store.recordAttempt(pending.id, attempt('succeeded'), 'succeeded', Date.now());
    await store.recordAttempt(retrying.id, attempt('failed'), 'failed', Date.now());
    for (let i = 0; i < 40; i++) await delivery('succeeded');
    expect(store.summary(pending.id)).toBeUndefined();
    expect(store.summary(retrying.id)).toBeUndefined();
    expect(store.list({}, 1000).length).toBeLessThanOrEqual(limit);
  });
});
