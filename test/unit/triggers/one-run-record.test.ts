// A launch of a trigger without run actions has nothing to launch, so its run is stored once,
// already completed, at the commit (not pending and then completed). Readers see the same:
// the run.status events are still pending then completed, the run in memory is the record on
// disk, and a reopen reads the same run. With run actions there are still two records.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { CaptureSummary } from '@shared/capture';
import type { EngineEvent } from '@shared/events';
import type { Action, Trigger } from '@shared/trigger';
import type { TriggerRun } from '@shared/trigger-log';
import type { IncomingRequest } from '../../../src/main/engine/ports';
import { openJournal } from '../../../src/main/engine/store/journal';
import { createLaunchHistory } from '../../../src/main/engine/triggers/launch-history';
import { createTriggerRouter } from '../../../src/main/engine/triggers/router';
import { openTriggerLogStore, type TriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { openTriggerRunStore, type TriggerRunStore } from '../../../src/main/engine/triggers/trigger-run-store';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';

const trigger = (id: string, actions: Action[]): Trigger => ({ id, title: id, enabled: true, conditions: [], actions }) as Trigger;
const TRIGGERS = new Map<string, Trigger>([
  ['none', trigger('none', [])],
  ['text', trigger('text', [{ type: 'web-response-text', text: 'run {run_id}' } as Action])],
  ['exec', trigger('exec', [{ type: 'run-execution', step: 'train' } as Action])],
]);

const request = (id: string, triggerId: string): IncomingRequest => ({
  id,
  receivedAt: 1_000,
  method: 'POST',
  url: `/api/v0/launch/${triggerId}/`,
  httpVersion: '1.1',
  rawHeaders: [],
  body: Buffer.from('{}'),
  remoteAddress: '127.0.0.1',
  remotePort: 1,
  timings: { startedAt: 1_000, headersMs: 0, bodyMs: 0 },
});

const dirs: string[] = [];
const open: Array<TriggerLogStore | TriggerRunStore> = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) await removeTempDir(dir);
});

async function setup() {
  const dataDir = await makeTempDir('one-run-record');
  dirs.push(dataDir);
  const log = await openTriggerLogStore(dataDir);
  const runs = await openTriggerRunStore(dataDir);
  open.push(log, runs);
  const events: EngineEvent[] = [];
  let clock = 5_000;
  const router = createTriggerRouter({
    getTrigger: (id) => TRIGGERS.get(id),
    env: () => [],
    log,
    runs,
    history: createLaunchHistory(),
    onEvent: (e) => events.push(e),
    now: () => (clock += 7),
  });
  return { dataDir, runs, events, router };
}

const summary = (id: string) => ({ id, seq: 1, triggerId: 't' }) as CaptureSummary;
const turn = () => new Promise((r) => setTimeout(r, 20));

async function storedRuns(dataDir: string): Promise<TriggerRun[]> {
  const journal = await openJournal<TriggerRun>({ dir: path.join(dataDir, 'trigger-runs'), readOnly: true });
  const records: TriggerRun[] = [];
  await journal.replay((meta) => records.push(meta));
  await journal.close();
  return records;
}

const runEvents = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'run.status' ? [{ at: e.at, run: e.run }] : []));

it.each(['none', 'text'])(
  'trigger "%s" (no run actions): one record, already completed; events pending then completed; a reopen reads the same run',
  async (id) => {
    const { dataDir, runs, events, router } = await setup();
    const decision = (await router(request(`c-${id}`, id)))!;
    await decision.commit!(Promise.resolve(summary(`c-${id}`)));
    await turn();
    const [pending, completed] = runEvents(events);
    expect(runEvents(events)).toHaveLength(2);
    expect(pending.run).toMatchObject({ status: 'pending', result: [] });
    expect(pending.at).toBe(pending.run.createdAt);
    // what completeRun stores for a run without actions, keys in the same order; finished at its launch
    expect(JSON.stringify(completed.run)).toBe(JSON.stringify({ ...pending.run, status: 'completed', result: [], updatedAt: pending.run.createdAt }));
    expect(completed.at).toBe(completed.run.updatedAt);
    expect(runs.get(pending.run.id)).toBe(completed.run);
    const records = await storedRuns(dataDir);
    expect(records).toEqual([completed.run]);
    const reopened = await openTriggerRunStore(dataDir);
    open.push(reopened);
    expect(reopened.get(pending.run.id)).toEqual(completed.run);
  },
);

it('a trigger with run actions still stores pending, then the completed run', async () => {
  const { dataDir, events, router } = await setup();
  const decision = (await router(request('c-exec', 'exec')))!;
  await decision.commit!(Promise.resolve(summary('c-exec')));
  await expect.poll(() => runEvents(events).length).toBe(2);
  await turn();
  const records = await storedRuns(dataDir);
  expect(records.map((r) => r.status)).toEqual(['pending', 'completed']);
  expect(records[1]).toEqual(runEvents(events)[1].run);
});

it('an abandoned answer still ends the run as error, on disk too', async () => {
  const { dataDir, runs, events, router } = await setup();
  const decision = (await router(request('c-gone', 'none')))!;
  await decision.commit!(Promise.resolve(summary('c-gone')));
  decision.abandon!('the client closed the connection before the answer went out');
  await turn();
  expect(runEvents(events).map((e) => e.run.status)).toEqual(['pending', 'error']);
  const [, settled] = runEvents(events);
  expect(settled.run.errors).toEqual([{ action: 'launch', message: 'not started: the client closed the connection before the answer went out' }]);
  expect(runs.get(settled.run.id)).toEqual(settled.run);
  const reopened = await openTriggerRunStore(dataDir);
  open.push(reopened);
  expect(reopened.get(settled.run.id)).toEqual(settled.run);
});

it('a capture that cannot be stored: the run written at the commit ends as error', async () => {
  const { runs, events, router } = await setup();
  const decision = (await router(request('c-fail', 'none')))!;
  await expect(decision.commit!(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  await turn();
  const [run] = runs.listForTrigger('none');
  expect(run.status).toBe('error');
  expect(run.errors?.[0].message).toBe('the request was answered 500: disk full');
  expect(runEvents(events).map((e) => e.run.status)).toEqual(['pending', 'error']);
});
