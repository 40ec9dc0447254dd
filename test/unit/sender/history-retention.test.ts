// The sender history keeps only the newest N sent requests and N tracked runs (and their
// journal segments); a run still polling, and the request it came from, is never forgotten.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSenderHistory, type SenderHistory } from '../../../src/main/engine/sender/history-store';
import { listSegments } from '../../../src/main/engine/store/segment-files';
import type { SentRecord, TrackState, TrackedRun } from '@shared/signing/types';
import { makeTempDir } from '../../support/temp-dir';

let dataDir: string;
let limit: number;
let history: SenderHistory;
let n = 0;
const open = () => openSenderHistory(dataDir, { retention: { maxEntries: () => limit }, segmentBytes: 2048 });
const segments = () => listSegments(path.join(dataDir, 'sender-history'));

async function sent(): Promise<SentRecord> {
  n += 1;
  const record: SentRecord = {
    id: `s-${n}`,
    at: n,
    source: 'composer',
    timings: { total: 1 },
    request: {
      method: 'POST',
      url: `http://127.0.0.1:9/hook/${n}`,
      headers: [['content-type', 'application/json']],
      bodyBase64: Buffer.from(`{"n":${n}}`).toString('base64'),
    },
    response: { status: 200, statusText: 'OK', headers: [], bodyBase64: '', bodySize: 0, bodyTruncated: false },
  };
  await history.putSent(record);
  return record;
}

async function track(sentId: string, state: TrackState = 'settled'): Promise<TrackedRun> {
  n += 1;
  const t: TrackedRun = {
    id: `t-${n}`,
    sentId,
    runId: `run-${n}`,
    runInfoUrl: 'http://127.0.0.1:9/run-info',
    state,
    status: null,
    timeline: [],
    startedAt: n,
    updatedAt: n,
    delayMs: 10,
    options: { initialDelayMs: 10, maxDelayMs: 100, timeoutMs: 1000 },
  };
  await history.putTrack(t);
  return t;
}

beforeEach(async () => {
  dataDir = await makeTempDir('sender-retention');
  limit = 16;
  history = await open();
});
afterEach(async () => {
  await history.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('sender history retention', () => {
  it('keeps the newest N sent requests and tracked runs, across many and across a reopen', async () => {
    for (let i = 0; i < 200; i++) {
      const s = await sent();
      await track(s.id);
      expect(history.listSent({ limit: 1000 }).length).toBeLessThanOrEqual(limit);
      expect(history.listTracks().length).toBeLessThanOrEqual(limit);
    }
    const kept = history.listSent({ limit: 1000 }).map((r) => r.id);
    const keptTracks = history.listTracks().map((t) => t.id);
    expect(kept[0]).toBe(`s-${n - 1}`);
    expect(history.getSent('s-1')).toBeNull();
    // searching covers only what is kept
    expect(history.listSent({ text: '/hook/1\n', limit: 1000 })).toEqual([]);
    expect((await segments()).length).toBeLessThanOrEqual(limit);

    await history.close();
    history = await open();
    // the newest of what was kept (eviction forgets in slices, so maybe a few fewer)
    const reopened = history.listSent({ limit: 1000 }).map((r) => r.id);
    expect(reopened).toEqual(kept.slice(0, reopened.length));
    expect(reopened.length).toBeGreaterThan(limit / 2);
    const reopenedTracks = history.listTracks().map((t) => t.id);
    expect(reopenedTracks).toEqual(keptTracks.slice(0, reopenedTracks.length));
    expect(reopenedTracks.length).toBeLessThanOrEqual(limit);
  });

  it('never forgets a run still polling, nor the request it tracks', async () => {
    const origin = await sent();
    const polling = await track(origin.id, 'polling');
    for (let i = 0; i < 150; i++) await track((await sent()).id);
    expect(history.getTrack(polling.id)?.state).toBe('polling');
    expect(history.getSent(origin.id)).not.toBeNull();
    expect(history.listTracks().length).toBeLessThanOrEqual(limit);

    await history.close();
    history = await open();
    expect(history.getTrack(polling.id)?.state).toBe('polling');
    expect(history.getSent(origin.id)?.request.url).toBe(origin.request.url);

    // settled, it ages out like the rest
    await history.putTrack({ ...polling, state: 'settled' });
    for (let i = 0; i < 40; i++) await track((await sent()).id);
    expect(history.getTrack(polling.id)).toBeNull();
    expect(history.getSent(origin.id)).toBeNull();
  });

  it('a clear still clears after segments were dropped and the journal reopened', async () => {
    for (let i = 0; i < 60; i++) await sent();
    const polling = await track('s-1', 'polling');
    await history.clear();
    await sent();
    await history.close();
    history = await open();
    expect(history.listSent({ limit: 1000 }).map((r) => r.id)).toEqual([`s-${n}`]);
    expect(history.listTracks().map((t) => t.id)).toEqual([polling.id]);
  });
});
