// A launch of a trigger without run actions has nothing to launch, so its run is final at the
// commit, and its log entry carries it: no run record of its own (one journal record per launch
// fewer). Readers see the same: the run.status events are still pending then completed, the run
// store answers the completed run, and a reopen reads the same run. With run actions there are
// still two run records, pending then completed. A carried run that later ends as error is
// settled in the trigger log beside its entry, and goes with that entry under retention.
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
import { seededRandom } from '../../support/seeded-random';
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

async function setup(options: { maxEntries?: number; standalone?: boolean } = {}) {
  const dataDir = await makeTempDir('one-run-record');
  dirs.push(dataDir);
  const retention = options.maxEntries ? { maxEntries: () => options.maxEntries! } : undefined;
  const log = await openTriggerLogStore(dataDir, retention);
  const runs = await openTriggerRunStore(dataDir, options.standalone ? null : log, retention);
  open.push(log, runs);
  const events: EngineEvent[] = [];
  let clock = 5_000;
  const routerOver = (stores: { log: TriggerLogStore; runs: TriggerRunStore }) =>
    createTriggerRouter({
      getTrigger: (id) => TRIGGERS.get(id),
      env: () => [],
      ...stores,
      history: createLaunchHistory(),
      onEvent: (e) => events.push(e),
      now: () => (clock += 7),
    });
  return { dataDir, log, runs, events, router: routerOver({ log, runs }), routerOver, retention };
}

async function reopen(dataDir: string, retention?: { maxEntries: () => number }) {
  const log = await openTriggerLogStore(dataDir, retention);
  const runs = await openTriggerRunStore(dataDir, log, retention);
  open.push(log, runs);
  return { log, runs };
}

/** the trigger-log journal's records as stored (entries and settlements) */
/**
 * What a reopen may read of the runs held before: the same runs, each as it was, except that the
 * oldest may have gone (retention evicts in slices of 1/16 of its limit, and a reopen replays
 * whole segments and cuts again, as the log's entries do). Never a run that was gone, never
 * another state.
 */
function expectReopenedSuffix(before: Array<TriggerRun | null>, after: Array<TriggerRun | null>, max?: number): void {
  expect(after.length).toBe(before.length);
  const heldBefore = before.flatMap((run, i) => (run ? [i] : []));
  const heldAfter = after.flatMap((run, i) => (run ? [i] : []));
  expect(heldBefore.slice(heldBefore.length - heldAfter.length)).toEqual(heldAfter);
  // with one kind of run only, at most one slice of them may go
  if (max !== undefined) expect(heldAfter.length).toBeGreaterThanOrEqual(Math.min(heldBefore.length, max - max / 16));
  for (const i of heldAfter) expect(JSON.stringify(after[i])).toBe(JSON.stringify(before[i]));
}

async function storedLogRecords(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const journal = await openJournal<Record<string, unknown>>({ dir: path.join(dataDir, 'trigger-log'), readOnly: true });
  const records: Array<Record<string, unknown>> = [];
  await journal.replay((meta) => records.push(meta));
  await journal.close();
  return records;
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
  'trigger "%s" (no run actions): no run record, the log entry carries the run, completed; events pending then completed; a reopen reads the same run',
  async (id) => {
    const { dataDir, log, runs, events, router } = await setup();
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
    expect(JSON.stringify(runs.get(pending.run.id))).toBe(JSON.stringify(completed.run));
    expect(runs.count()).toBe(1);
    expect(runs.listForTrigger(id)).toEqual([completed.run]);
    expect(await storedRuns(dataDir)).toEqual([]);
    // the marker is on disk only: the entry in events and answers is the plain entry
    const [stored] = await storedLogRecords(dataDir);
    expect(stored).toMatchObject({ runId: pending.run.id, carriesRun: true });
    const [listed] = await log.list();
    expect(listed).not.toHaveProperty('carriesRun');
    expect(await log.forCapture(`c-${id}`)).not.toHaveProperty('carriesRun');
    const evaluated = events.find((e) => e.type === 'trigger.evaluated');
    expect(evaluated && 'entry' in evaluated ? evaluated.entry : null).toEqual(listed);
    const reopened = await reopen(dataDir);
    expect(JSON.stringify(reopened.runs.get(pending.run.id))).toBe(JSON.stringify(completed.run));
  },
);

it('a trigger with run actions still stores pending, then the completed run; its entry carries nothing', async () => {
  const { dataDir, events, router } = await setup();
  const decision = (await router(request('c-exec', 'exec')))!;
  await decision.commit!(Promise.resolve(summary('c-exec')));
  await expect.poll(() => runEvents(events).length).toBe(2);
  await turn();
  const records = await storedRuns(dataDir);
  expect(records.map((r) => r.status)).toEqual(['pending', 'completed']);
  expect(records[1]).toEqual(runEvents(events)[1].run);
  expect((await storedLogRecords(dataDir))[0]).not.toHaveProperty('carriesRun');
});

it('a run store that does not read through the log: the run gets its own record, and a later store reading through the log still finds it', async () => {
  const { dataDir, runs, events, router } = await setup({ standalone: true });
  const decision = (await router(request('c-own', 'none')))!;
  await decision.commit!(Promise.resolve(summary('c-own')));
  await turn();
  const [, completed] = runEvents(events);
  expect(await storedRuns(dataDir)).toEqual([completed.run]);
  expect((await storedLogRecords(dataDir))[0]).not.toHaveProperty('carriesRun');
  expect(runs.get(completed.run.id)).toBe(completed.run);
  const reopened = await reopen(dataDir); // as data written before runs were carried reads
  expect(reopened.runs.get(completed.run.id)).toEqual(completed.run);
});

it('an abandoned answer still ends the run as error, on disk too: settled in the trigger log beside its entry', async () => {
  const { dataDir, runs, events, router } = await setup();
  const decision = (await router(request('c-gone', 'none')))!;
  await decision.commit!(Promise.resolve(summary('c-gone')));
  decision.abandon!('the client closed the connection before the answer went out');
  await turn();
  expect(runEvents(events).map((e) => e.run.status)).toEqual(['pending', 'error']);
  const [, settled] = runEvents(events);
  expect(settled.run.errors).toEqual([{ action: 'launch', message: 'not started: the client closed the connection before the answer went out' }]);
  expect(runs.get(settled.run.id)).toEqual(settled.run);
  expect(await storedRuns(dataDir)).toEqual([]);
  expect((await storedLogRecords(dataDir))[1]).toEqual({ settledRun: settled.run });
  const reopened = await reopen(dataDir);
  expect(reopened.runs.get(settled.run.id)).toEqual(settled.run);
  expect(await reopened.log.list()).toHaveLength(1); // a settlement is not a log entry
});

it('a capture that cannot be stored: the run its entry carries ends as error', async () => {
  const { dataDir, runs, events, router } = await setup();
  const decision = (await router(request('c-fail', 'none')))!;
  await expect(decision.commit!(Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  await turn();
  const [run] = runs.listForTrigger('none');
  expect(run.status).toBe('error');
  expect(run.errors?.[0].message).toBe('the request was answered 500: disk full');
  expect(runEvents(events).map((e) => e.run.status)).toEqual(['pending', 'error']);
  const reopened = await reopen(dataDir);
  expect(reopened.runs.get(run.id)).toEqual(run);
});

it('a carried run goes with its entry under the log retention, settled or not, before and after a reopen', async () => {
  const max = 32;
  const { dataDir, log, runs, events, router, retention } = await setup({ maxEntries: max });
  const ids: string[] = [];
  for (let n = 0; n < 100; n++) {
    const decision = (await router(request(`c${n}`, 'none')))!;
    await decision.commit!(Promise.resolve(summary(`c${n}`)));
    if (n % 10 === 0) decision.abandon!('gone');
    ids.push(runEvents(events).at(-1)!.run.id);
    await turn();
    expect(runs.count()).toBe(log.count()); // every entry carries one run, and only held entries do
  }
  const held = ids.filter((id) => runs.get(id) !== null);
  expect(held.length).toBe(log.count());
  expect(held).toEqual(ids.slice(ids.length - held.length)); // the newest
  expect(runs.get(ids[90])?.status).toBe('error');
  expect(runs.get(ids[0])).toBeNull();
  const view = ids.map((id) => runs.get(id));
  const reopened = await reopen(dataDir, retention);
  expectReopenedSuffix(
    view,
    ids.map((id) => reopened.runs.get(id)),
    max,
  );
  expect(reopened.runs.count()).toBe(reopened.log.count());
});

it('property: whatever launches, settlements, retention and reopens, a reopen reads the runs held before, as they were (seeded)', async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    const random = seededRandom(seed);
    const max = 16 * (1 + random.below(3));
    const { dataDir, log, runs, routerOver, events, retention } = await setup({ maxEntries: max });
    let current = { log, runs };
    let router = routerOver(current);
    // runs with run actions have records of their own, kept by the run store's retention; the
    // others are carried by log entries and kept by the log's: each kind is checked on its own
    const ids: Record<'own' | 'carried', string[]> = { own: [], carried: [] };
    const view = (kind: 'own' | 'carried') => ids[kind].map((id) => current.runs.get(id));
    const expectSameAfterReopen = async () => {
      const before = { own: view('own'), carried: view('carried') };
      await Promise.all([current.log.close(), current.runs.close()]);
      current = await reopen(dataDir, retention);
      router = routerOver(current);
      for (const kind of ['own', 'carried'] as const) expectReopenedSuffix(before[kind], view(kind));
    };
    for (let n = 0; n < 120; n++) {
      const triggerId = ['none', 'text', 'exec'][random.below(3)];
      const decision = (await router(request(`s${seed}-${n}`, triggerId)))!;
      const capture = random.below(12) === 0 ? Promise.reject(new Error('disk full')) : Promise.resolve(summary(`s${seed}-${n}`));
      await decision.commit!(capture).catch(() => undefined);
      if (random.below(8) === 0) decision.abandon!('gone');
      await turn();
      const runId = runEvents(events).findLast((e) => e.run.captureId === `s${seed}-${n}`)?.run.id;
      if (runId) ids[triggerId === 'exec' ? 'own' : 'carried'].push(runId);
      if (random.below(40) === 0) await expectSameAfterReopen();
    }
    await expectSameAfterReopen();
    expect(ids.carried.length).toBeGreaterThan(40);
  }
});

it('a carried run whose entry retention took cannot be settled back to life', async () => {
  const max = 16;
  const { log, runs, events, router } = await setup({ maxEntries: max });
  const decision = (await router(request('c-first', 'none')))!;
  await decision.commit!(Promise.resolve(summary('c-first')));
  const first = runEvents(events)[0].run;
  for (let n = 0; n < max * 2; n++) {
    const next = (await router(request(`c${n}`, 'none')))!;
    await next.commit!(Promise.resolve(summary(`c${n}`)));
  }
  expect(runs.get(first.id)).toBeNull();
  expect(log.settleCarriedRun({ ...first, status: 'error', updatedAt: first.createdAt + 1 })).toBeNull();
  await turn();
  expect(runs.get(first.id)).toBeNull();
  expect(runs.count()).toBe(log.count());
});
