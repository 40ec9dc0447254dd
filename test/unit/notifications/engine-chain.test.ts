// Through the real engine and its handlers: a notification trigger's managed channel launches
// the trigger over the receiver, a Custom channel lands in the app's own inbox, and the
// simulator, preview, send test, log filters, health and redelivery calls work.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import { checkNotificationPayload } from '@shared/notification-schemas';
import type { DeliverySummary } from '@shared/notifications';
import { execution, executionEvent, sleep } from './harness';
import { startSink, type Sink } from './sink';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let engine: Engine;
let sink: Sink;
const api = () => engine.handlers;

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
}
const finished = (id: string) =>
  waitFor(async () => (await api()['deliveries.list']({ limit: 100 })).find((d) => d.id === id && (d.status === 'succeeded' || d.status === 'failed')));

beforeAll(async () => {
  dir = await makeTempDir('notify-engine');
  sink = await startSink();
  engine = testEngine(dir);
  await engine.start();
  await api()['triggers.save']({
    trigger: { id: 'on-notify', title: 'On notification', enabled: true, conditions: [], actions: [{ type: 'web-response-text', text: 'launched' }] },
  });
  await api()['notifications.saveSettings']({ delivery: { timeoutMs: 2_000, maxAttempts: 2, baseDelayMs: 20, maxDelayMs: 50 } });
});

afterAll(async () => {
  await engine?.stop();
  await sink?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('notifications in the engine', () => {
  it('routes a finished execution to a notification trigger and to the inbox', async () => {
    const { receiverUrl } = await api()['engine.info']();
    const view = await api()['notifications.setNotificationTrigger']({ triggerId: 'on-notify', enabled: true });
    expect(view.channels).toContainEqual({ id: 'trigger-on-notify', name: 'Trigger: On notification', type: 'trigger', triggerId: 'on-notify', managed: true });
    await api()['notifications.saveChannel']({
      channel: { id: 'inbox', name: 'Inbox', type: 'custom', url: `${receiverUrl}/notify`, headers: [], signing: null },
    });
    await api()['notifications.saveRouting']({
      routing: { id: 'done', event: 'execution_completed', channelIds: ['trigger-on-notify', 'inbox'], filters: {}, enabled: true },
    });

    engine.events.emit(executionEvent(execution({ id: 'exec-1' })));
    const deliveries = await waitFor(async () => {
      const list = await api()['deliveries.list']({});
      return list.length === 2 && list.every((d) => d.status === 'succeeded') && list;
    });
    expect(deliveries.map((d) => d.target.channelId).sort()).toEqual(['inbox', 'trigger-on-notify']);

    const log = await api()['triggerLog.list']({ limit: 10 });
    expect(log[0]).toMatchObject({ triggerId: 'on-notify', outcome: 'launched', status: 200 });
    const captures = (await api()['captures.list']({ limit: 10 })).items;
    const inbox = captures.find((c) => c.path === '/notify');
    expect(inbox).toBeTruthy();
    const detail = await api()['captures.get']({ id: inbox!.id });
    const body = JSON.parse(Buffer.from(detail!.bodyBase64 ?? '', 'base64').toString('utf8') || '{}');
    expect(checkNotificationPayload(body)).toEqual([]);
    expect(body.data['valohai.execution-id']).toBe('exec-1');
  });

  it('deleting a channel drops it from routings; the managed channel follows its trigger', async () => {
    await api()['notifications.deleteChannel']({ id: 'inbox' });
    let view = await api()['notifications.get']();
    expect(view.section.routings[0].channelIds).toEqual(['trigger-on-notify']);
    await expect(
      api()['notifications.saveRouting']({ routing: { id: 'x', event: 'pipeline_failed', channelIds: ['nope'], filters: {}, enabled: true } }),
    ).rejects.toMatchObject({ code: 'invalid', path: 'routing.channelIds' });
    await expect(api()['notifications.saveChannel']({ channel: { id: 'bad', name: 'Bad', type: 'slack', url: 'ftp://x' } })).rejects.toMatchObject({
      path: 'channel.url',
    });
    await api()['notifications.setNotificationTrigger']({ triggerId: 'on-notify', enabled: false });
    view = await api()['notifications.get']();
    expect(view.channels.find((c) => c.managed)).toBeUndefined();
  });

  it('simulates any event to a URL with a preview of the exact request', async () => {
    const payload = await api()['notifications.example']({ eventType: 'deployment_failed' });
    expect(checkNotificationPayload(payload)).toEqual([]);
    await api()['env.save']({ env: [{ name: 'SIM_TOKEN', value: 'sim-secret-value', secret: true }] });
    const target = { url: sink.url, headers: [{ name: 'Authorization', value: 'Bearer {env:SIM_TOKEN}' }] };
    const preview = await api()['notifications.preview']({ target, payload });
    expect(preview).toMatchObject({ method: 'POST', url: sink.url, body: JSON.stringify(payload), schemaProblems: [] });
    expect(preview.headers).toContainEqual(['Authorization', 'Bearer si… (16 chars)']);
    const broken = await api()['notifications.preview']({ target, payload: { ...payload, data: {} } });
    expect(broken.schemaProblems.length).toBeGreaterThan(0);

    const sent = await api()['notifications.send']({ target, payload });
    const done = await finished(sent.id);
    expect(done).toMatchObject({ status: 'succeeded', origin: 'simulator', target: { channelType: 'url' } });
    expect(sink.received.at(-1)?.headers.authorization).toBe('Bearer sim-secret-value');
    expect(JSON.parse(sink.received.at(-1)!.body.toString())).toEqual(payload);
  });

  it('sends a test per channel, filters the log, summarises health and redelivers a selection', async () => {
    await api()['notifications.saveChannel']({ channel: { id: 'slack', name: 'Slack', type: 'slack', url: sink.url } });
    const test = await api()['notifications.testChannel']({ channelId: 'slack', eventType: 'pipeline_completed' });
    expect(test.origin).toBe('test');
    await finished(test.id);
    expect(JSON.parse(sink.received.at(-1)!.body.toString()).text).toMatch(/^\*Pipeline finished: local\/hookbench\/#42 \(completed\)\*/);
    await expect(api()['notifications.testChannel']({ channelId: 'nope' })).rejects.toMatchObject({ code: 'invalid' });

    expect((await api()['deliveries.list']({ filter: { channelId: 'slack' } })).map((d) => d.id)).toEqual([test.id]);
    expect((await api()['deliveries.list']({ filter: { eventType: 'pipeline_completed' } })).map((d) => d.id)).toEqual([test.id]);
    expect(await api()['deliveries.list']({ filter: { status: 'failed' } })).toEqual([]);

    const again: DeliverySummary[] = await api()['deliveries.redeliver']({ ids: [test.id, test.id] });
    expect(again).toHaveLength(2);
    await Promise.all(again.map((d) => finished(d.id)));
    const health = (await api()['deliveries.health']()).find((x) => x.channelId === 'slack');
    expect(health).toMatchObject({ total: 3, succeeded: 3, successRate: 1 });
    expect(health?.recent).toHaveLength(3);
    const detail = await api()['deliveries.get']({ id: again[0].id });
    expect(detail?.redeliveryOf).toBe(test.id);
    expect(detail?.attempts[0].requestHeaders).toContainEqual(['X-Hookbench-Redelivery-Of', test.id]);
  });
});
