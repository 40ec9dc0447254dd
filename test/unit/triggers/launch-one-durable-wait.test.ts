// A launch's durable writes (capture, trigger run, trigger-log entry) are issued together and
// awaited once, not one after the other; and when any of them fails nothing launches.
import { promises as fs } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { CaptureSummary } from '@shared/capture';
import type { EngineEvent } from '@shared/events';
import type { Trigger } from '@shared/trigger';
import type { IncomingRequest } from '../../../src/main/engine/ports';
import { createLaunchHistory } from '../../../src/main/engine/triggers/launch-history';
import { createTriggerRouter } from '../../../src/main/engine/triggers/router';
import { openTriggerLogStore, type TriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { openTriggerRunStore, type TriggerRunStore } from '../../../src/main/engine/triggers/trigger-run-store';
import { makeTempDir } from '../../support/temp-dir';

const trigger: Trigger = { id: 't1', title: 'T', enabled: true, conditions: [], actions: [{ type: 'run-execution', step: 'train' }] } as Trigger;

const request = (id: string): IncomingRequest => ({
  id,
  receivedAt: Date.now(),
  method: 'POST',
  url: '/api/v0/launch/t1/',
  httpVersion: '1.1',
  rawHeaders: [],
  body: Buffer.from('{}'),
  remoteAddress: '127.0.0.1',
  remotePort: 1,
  timings: { startedAt: Date.now(), headersMs: 0, bodyMs: 0 },
});

const dirs: string[] = [];
const open: Array<TriggerLogStore | TriggerRunStore> = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function setup() {
  const dataDir = await makeTempDir('one-wait');
  dirs.push(dataDir);
  const log = await openTriggerLogStore(dataDir);
  const runs = await openTriggerRunStore(dataDir, log);
  open.push(log, runs);
  const events: EngineEvent[] = [];
  const router = createTriggerRouter({
    getTrigger: (id) => (id === 't1' ? trigger : undefined),
    env: () => [],
    log,
    runs,
    history: createLaunchHistory(),
    onEvent: (e) => events.push(e),
  });
  return { log, runs, events, router };
}

function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const summary = (id: string) => ({ id, seq: 1, triggerId: 't1' }) as CaptureSummary;

it('writes the run and the log entry while the capture is still being written, and settles only after all three', async () => {
  const { log, runs, router } = await setup();
  const decision = (await router(request('c1')))!;
  const capture = gate<CaptureSummary>();
  let settled = false;
  const committed = decision.commit!(capture.promise).then(() => {
    settled = true;
  });
  // both of the router's records reach their journals without waiting for the capture
  await expect.poll(() => log.count() === 1 && runs.count() === 1, { timeout: 5000 }).toBe(true);
  await new Promise((r) => setTimeout(r, 20));
  expect(settled).toBe(false); // the capture is not durable yet: no answer
  capture.open(summary('c1'));
  await committed;
  expect((await log.list())[0]).toMatchObject({ captureId: 'c1', outcome: 'launched' });
  expect(runs.get((await log.list())[0].runId!)).toMatchObject({ captureId: 'c1' });
});

it('a capture that cannot be stored launches nothing, frees the slot, and its run is not left pending', async () => {
  const { runs, events, router } = await setup();
  const decision = (await router(request('c1')))!;
  const capture = gate<CaptureSummary>();
  const committed = decision.commit!(capture.promise);
  capture.fail(new Error('disk full'));
  await expect(committed).rejects.toThrow('disk full');
  const [run] = runs.listForTrigger('t1');
  expect(run.status).toBe('error');
  expect(run.errors?.[0].message).toMatch(/disk full/);
  await new Promise((r) => setTimeout(r, 50)); // a launch would be scheduled by now
  expect(events.some((e) => e.type === 'trigger.evaluated')).toBe(false);
  expect(runs.get(run.id)?.result).toEqual([]);
});
