// The trigger log and runs are bounded like captures: old entries go, and so do their segments.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TriggerLogEntry, TriggerRun } from '@shared/trigger-log';
import { openTriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { openTriggerRunStore } from '../../../src/main/engine/triggers/trigger-run-store';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('log-retention');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number): TriggerLogEntry => ({
  id: `e${n}`,
  at: n,
  triggerId: 't',
  captureId: `c${n}`,
  outcome: 'rejected',
  conditions: [],
  status: 400,
});
const run = (n: number): TriggerRun => ({ id: `r${n}`, triggerId: 't', captureId: `c${n}`, createdAt: n, updatedAt: n, status: 'pending', result: [] });

it('keeps at most maxEntries log entries, newest, across a reopen', async () => {
  let max = 1000;
  const log = await openTriggerLogStore(dir, { maxEntries: () => max });
  for (let n = 0; n < 1500; n++) await log.append(entry(n));
  expect(log.count()).toBeLessThanOrEqual(1000);
  expect((await log.list(undefined, 1))[0].id).toBe('e1499');
  expect(await log.forCapture('c0')).toBeNull();
  expect((await log.forCapture('c1499'))?.id).toBe('e1499');
  await log.close();
  max = 100;
  const reopened = await openTriggerLogStore(dir, { maxEntries: () => max });
  expect(reopened.count()).toBeLessThanOrEqual(100);
  expect((await reopened.list(undefined, 1))[0].id).toBe('e1499');
  await reopened.close();
});

it('keeps the latest state of the most recently updated runs', async () => {
  const runs = await openTriggerRunStore(dir, null, { maxEntries: () => 3 });
  for (let n = 0; n < 5; n++) await runs.put(run(n));
  await runs.put({ ...run(0), status: 'completed' });
  expect(runs.count()).toBe(3);
  expect(runs.get('r0')?.status).toBe('completed');
  expect(runs.get('r1')).toBeNull();
  await runs.close();
  const reopened = await openTriggerRunStore(dir, null, { maxEntries: () => 3 });
  expect(reopened.get('r0')?.status).toBe('completed');
  expect(reopened.get('r4')?.id).toBe('r4');
  await reopened.close();
  expect((await readdir(path.join(dir, 'trigger-runs'))).length).toBeGreaterThan(0);
});

it('past the limit evicts runs in slices of 1/16 of it, oldest first, and keeps updated runs by their update', async () => {
  const max = 1600;
  const runs = await openTriggerRunStore(dir, null, { maxEntries: () => max });
  for (let n = 0; n < 5000; n++) {
    await runs.put(run(n));
    expect(runs.count()).toBeLessThanOrEqual(max);
    expect(runs.count()).toBeGreaterThanOrEqual(Math.min(n + 1, max - max / 16));
    if (n === 4500) await runs.put({ ...run(4000), status: 'completed' }); // held, and now among the newest
  }
  expect(runs.get('r4999')?.id).toBe('r4999');
  expect(runs.get('r4000')?.status).toBe('completed');
  expect(runs.get('r3000')).toBeNull();
  await runs.close();
  const reopened = await openTriggerRunStore(dir, null, { maxEntries: () => max });
  expect(reopened.count()).toBeLessThanOrEqual(max);
  expect(reopened.get('r4999')?.id).toBe('r4999');
  expect(reopened.get('r3000')).toBeNull();
  expect(reopened.get('r4000')?.status).toBe('completed');
  await reopened.close();
});
