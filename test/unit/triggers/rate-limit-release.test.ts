// A launch whose durable writes fail is answered 500 and never happened: its rate-limit slot
// must be free again for the next request.
import { expect, it } from 'vitest';
import type { TriggerLogEntry, TriggerRun } from '@shared/trigger-log';
import type { Trigger } from '@shared/trigger';
import type { CaptureSummary } from '@shared/capture';
import type { IncomingRequest } from '../../../src/main/engine/ports';
import { createLaunchHistory } from '../../../src/main/engine/triggers/launch-history';
import { createTriggerRouter } from '../../../src/main/engine/triggers/router';
import type { TriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import type { TriggerRunStore } from '../../../src/main/engine/triggers/trigger-run-store';

const trigger: Trigger = { id: 'rl', title: 'Limited', enabled: true, conditions: [{ type: 'rate-limit', period: 3600, quota: 1 }], actions: [] };

const request = (id: string): IncomingRequest => ({
  id,
  receivedAt: Date.now(),
  method: 'POST',
  url: '/api/v0/launch/rl/',
  httpVersion: '1.1',
  rawHeaders: [],
  body: Buffer.from('{}'),
  remoteAddress: '127.0.0.1',
  remotePort: 1,
  timings: { startedAt: Date.now(), headersMs: 0, bodyMs: 0 },
});

it('frees the rate-limit slot of a launch whose run could not be stored', async () => {
  const entries: TriggerLogEntry[] = [];
  const log = { append: async (e: TriggerLogEntry) => void entries.push(e), all: () => entries } as unknown as TriggerLogStore;
  let failPuts = 1;
  const runs = {
    put: async (_run: TriggerRun) => {
      if (failPuts-- > 0) throw new Error('disk full');
    },
    get: () => null,
  } as unknown as TriggerRunStore;
  const router = createTriggerRouter({ getTrigger: (id) => (id === 'rl' ? trigger : undefined), env: () => [], log, runs, history: createLaunchHistory() });
  const summary = { id: 'c' } as CaptureSummary;

  const first = await router(request('c1'));
  expect(first?.outcome).toBe('launched');
  await expect(first!.commit!(Promise.resolve({ ...summary, id: 'c1' }))).rejects.toThrow('disk full');

  const second = await router(request('c2'));
  expect(second?.outcome).toBe('launched');
  await second!.commit!(Promise.resolve({ ...summary, id: 'c2' }));

  const third = await router(request('c3'));
  expect(third?.outcome).toBe('rejected');
});
