// Deliveries over real loopback HTTP: success, retries with backoff bounds, timeouts,
// redirects, huge answers, refused connections, headers, HMAC signing, Slack formatting.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/engine/notifications/delivery-worker';
import { RESPONSE_EXCERPT_BYTES } from '../../../src/main/engine/notifications/http-attempt';
import { checkNotificationPayload } from '@shared/notification-schemas';
import { closedPortUrl, startSink, status, type Sink } from './sink';
import { custom, execution, executionEvent, FAST, openHarness, routeAll, sleep, type Harness } from './harness';

let h: Harness;
let sinks: Sink[] = [];
const sink = async (...args: Parameters<typeof startSink>) => {
  const s = await startSink(...args);
  sinks.push(s);
  return s;
};

afterEach(async () => {
  await h?.close();
  await Promise.all(sinks.map((s) => s.close()));
  sinks = [];
});

describe('delivering notifications', () => {
  it('posts the documented payload once per event, with delivery headers, and logs it', async () => {
    h = await openHarness();
    const s = await sink();
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    h.events.emit(executionEvent(execution())); // the same status twice notifies once
    h.events.emit(executionEvent(execution({ id: 'other', status: 'started' }))); // no event for started
    const done = await h.finished();
    expect(done.status).toBe('succeeded');
    await sleep(50);
    expect(s.received).toHaveLength(1);
    const got = s.received[0];
    expect(got.method).toBe('POST');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-hookbench-delivery']).toBe(done.id);
    expect(got.headers['x-hookbench-attempt']).toBe('1');
    expect(got.headers['x-hookbench-event']).toBe('execution_completed');
    const payload = JSON.parse(got.body.toString('utf8'));
    expect(checkNotificationPayload(payload)).toEqual([]);
    expect(payload.title).toBe('Execution finished: local/hookbench/#736 (completed)');
    const detail = await h.notifier.store.get(done.id);
    expect(detail?.attempts).toHaveLength(1);
    expect(detail?.attempts[0]).toMatchObject({ ok: true, responseStatus: 200, responseExcerpt: 'ok' });
    expect(detail?.requestBody).toBe(got.body.toString('utf8'));
    expect(h.seen.some((e) => e.type === 'delivery.attempt' && e.delivery.status === 'succeeded')).toBe(true);
  });

  it('routing filters pick by step and status; no routing, no delivery', async () => {
    h = await openHarness();
    const s = await sink();
    await h.configure({
      channels: [custom(s.url)],
      routings: [{ ...routeAll('execution_failed'), filters: { step: 'Train model (MNIST)', status: 'error', project: 'local/hookbench' } }],
    });
    h.events.emit(executionEvent(execution({ id: 'a', status: 'error', step: 'Other step' })));
    h.events.emit(executionEvent(execution({ id: 'b', status: 'completed' })));
    h.events.emit(executionEvent(execution({ id: 'c', status: 'error' })));
    await h.finished();
    await sleep(50);
    expect(s.received.map((r) => JSON.parse(r.body.toString()).data['valohai.execution-id'])).toEqual(['c']);
  });

  it('retries failures with backoff inside the jitter bounds, same delivery id, then succeeds', async () => {
    h = await openHarness({ random: () => 0.999 });
    const s = await sink((_r, i, res) => status(i < 2 ? 500 : 200, i < 2 ? 'boom' : 'fine')(_r, i, res));
    await h.configure({
      channels: [custom(s.url)],
      routings: [routeAll('execution_completed')],
      delivery: { ...FAST, maxAttempts: 4, baseDelayMs: 80, maxDelayMs: 120 },
    });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(done.status).toBe('succeeded');
    expect(s.received.map((r) => r.headers['x-hookbench-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(s.received.map((r) => r.headers['x-hookbench-delivery']))).toEqual(new Set([done.id]));
    // with jitter pinned near 1 the waits are ≈ min(120, 80·2^(n−1)): 80 then 120
    const gap1 = s.received[1].at - s.received[0].at;
    const gap2 = s.received[2].at - s.received[1].at;
    expect(gap1).toBeGreaterThanOrEqual(70);
    expect(gap1).toBeLessThan(400);
    expect(gap2).toBeGreaterThanOrEqual(110);
    expect(gap2).toBeLessThan(450);
    const detail = await h.notifier.store.get(done.id);
    expect(detail?.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
    expect(detail?.attempts[0].error).toBe('HTTP 500 Internal Server Error (not 2xx)');
    expect(detail?.attempts[0].nextRetryAt).toBeGreaterThan(detail!.attempts[0].startedAt);
    expect(detail?.attempts[2].nextRetryAt).toBeUndefined();
  });

  it('full jitter stays within [0, min(ceiling, base·2^(n−1))]', () => {
    const settings = { ...FAST, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, settings, () => 0.9999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, settings, () => 0)).toBe(0);
    for (let i = 0; i < 200; i++) expect(backoffDelay(4, settings, Math.random)).toBeLessThan(800);
  });

  it('gives up after maxAttempts on a refused connection, naming the cause', async () => {
    h = await openHarness({ random: () => 0 });
    const url = await closedPortUrl();
    await h.configure({ channels: [custom(url)], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(done).toMatchObject({ status: 'failed', attemptCount: 3 });
    const detail = await h.notifier.store.get(done.id);
    expect(detail?.attempts.every((a) => a.errorKind === 'refused' && a.error?.startsWith('connection refused: nothing is listening on 127.0.0.1:'))).toBe(
      true,
    );
    const health = h.notifier.store.health('sink');
    expect(health).toMatchObject({ total: 1, succeeded: 0, failed: 1, successRate: 0 });
    expect(health.lastError).toMatch(/connection refused/);
    expect(health.recent).toHaveLength(3);
  });

  it('fails an attempt that answers slower than the timeout', async () => {
    h = await openHarness();
    const s = await sink(async (_r, _i, res) => {
      await sleep(600);
      res.end('late');
    });
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')], delivery: { ...FAST, timeoutMs: 150, maxAttempts: 1 } });
    const started = Date.now();
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(Date.now() - started).toBeLessThan(550);
    const a = (await h.notifier.store.get(done.id))!.attempts[0];
    expect(a).toMatchObject({ ok: false, errorKind: 'timeout', responseStatus: null });
    expect(a.error).toMatch(/no complete response from 127\.0\.0\.1:\d+ within 150 ms/);
    expect(a.durationMs).toBeGreaterThanOrEqual(140);
  });

  it('does not follow redirects: a 3xx is a failure and is not retried', async () => {
    h = await openHarness();
    const s = await sink((r, _i, res) => {
      if (r.url === '/hook') {
        res.writeHead(302, { Location: '/elsewhere' });
        res.end();
      } else res.end('ok');
    });
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(done).toMatchObject({ status: 'failed', attemptCount: 1, lastStatus: 302 });
    expect(done.lastError).toBe('HTTP 302 Found (not 2xx); redirect to /elsewhere not followed');
    await sleep(30);
    expect(s.received.map((r) => r.url)).toEqual(['/hook']);
  });

  it('keeps only an excerpt of a huge answer', async () => {
    h = await openHarness();
    const big = Buffer.alloc(1024 * 1024, 'x');
    const s = await sink((_r, _i, res) => void res.end(big));
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    const a = (await h.notifier.store.get(done.id))!.attempts[0];
    expect(a).toMatchObject({ ok: true, responseBytes: big.length, responseTruncated: true });
    expect(a.responseExcerpt.length).toBe(RESPONSE_EXCERPT_BYTES);
  });

  it('sends custom headers with {env:} resolved at send time and masks them in the log', async () => {
    h = await openHarness();
    const s = await sink();
    const channel = custom(s.url, {
      headers: [
        { name: 'Authorization', value: 'Bearer {env:TOKEN}' },
        { name: 'X-Team', value: 'ml' },
      ],
    } as never);
    await h.configure({ channels: [channel], routings: [routeAll('execution_completed')] }, [{ name: 'TOKEN', value: 'tok-123456789', secret: true }]);
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(s.received[0].headers.authorization).toBe('Bearer tok-123456789');
    expect(s.received[0].headers['x-team']).toBe('ml');
    const logged = (await h.notifier.store.get(done.id))!.attempts[0].requestHeaders;
    expect(JSON.stringify(logged)).not.toContain('tok-123456789');
    expect(logged).toContainEqual(['Authorization', 'Bearer to… (13 chars)']);
  });

  it('a missing env variable fails the delivery at once, saying which', async () => {
    h = await openHarness();
    const s = await sink();
    const channel = custom(s.url, { headers: [{ name: 'Authorization', value: 'Bearer {env:NOPE}' }] } as never);
    await h.configure({ channels: [channel], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    expect(done).toMatchObject({ status: 'failed', attemptCount: 1 });
    expect(done.lastError).toMatch(/Authorization.*"NOPE"/);
    expect(s.received).toHaveLength(0);
  });

  it('signs with HMAC over the configured basestring, verifiable with node:crypto', async () => {
    h = await openHarness();
    const s = await sink();
    const signing = {
      header: 'X-Hookbench-Signature',
      prefix: 'sha256=',
      algorithm: 'sha256',
      encoding: 'hex',
      secret: '{env:SIGNING}',
      format: 'v0:{header:X-Hookbench-Timestamp}:{body}',
      timestampHeader: 'X-Hookbench-Timestamp',
    };
    await h.configure({ channels: [custom(s.url, { signing } as never)], routings: [routeAll('execution_completed')] }, [
      { name: 'SIGNING', value: 'sign-me-please', secret: true },
    ]);
    h.events.emit(executionEvent(execution()));
    await h.finished();
    const got = s.received[0];
    const ts = got.headers['x-hookbench-timestamp'] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    const expected = createHmac('sha256', 'sign-me-please')
      .update(Buffer.concat([Buffer.from(`v0:${ts}:`), got.body]))
      .digest('hex');
    expect(got.headers['x-hookbench-signature']).toBe(`sha256=${expected}`);
  });

  it('formats Slack messages the way incoming webhooks expect', async () => {
    h = await openHarness();
    const s = await sink();
    await h.configure({ channels: [{ id: 'sink', name: 'Slack', type: 'slack', url: s.url }], routings: [routeAll('execution_failed')] });
    h.events.emit(executionEvent(execution({ status: 'error', step: 'A <b> & c' })));
    await h.finished();
    const msg = JSON.parse(s.received[0].body.toString());
    expect(msg.text).toBe(
      '*Execution finished: local/hookbench/#736 (error)*\n' +
        'Execution <http://127.0.0.1/p/local/hookbench/execution/0178f482-8686-fb28-8af1-3d36af38079d/|local/hookbench/#736> (by hookbench)\n' +
        'finished with duration 11:00.',
    );
    expect(msg.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: msg.text } });
    expect(msg.attachments[0].color).toBe('#d40e0d');
    expect(msg.attachments[0].fields).toContainEqual({ title: 'Step', value: 'A &lt;b&gt; &amp; c', short: true });
    expect(msg.attachments[0].fields).toContainEqual({ title: 'Status', value: 'error', short: true });
  });

  it('resumes a delivery whose retry was scheduled when the notifier stopped', async () => {
    h = await openHarness({ random: () => 0.999 });
    let healthy = false;
    const s = await sink((r, i, res) => status(healthy ? 200 : 503)(r, i, res));
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')], delivery: { ...FAST, baseDelayMs: 400, maxDelayMs: 400 } });
    h.events.emit(executionEvent(execution()));
    let first;
    for (let i = 0; i < 200 && !first; i++) {
      await sleep(10);
      first = h.notifier.store.list().find((d) => d.status === 'retrying');
    }
    expect(first?.nextRetryAt).toBeGreaterThan(Date.now());
    await h.notifier.close(); // the "restart": timers gone, the journal is all that is left
    healthy = true;
    await sleep(500);
    expect(s.received).toHaveLength(1); // nothing was sent while stopped
    const reopened = await h.reopen();
    expect(reopened.store.summary(first!.id)?.status).toBe('retrying');
    const done = await reopened.worker.whenFinished(first!.id);
    expect(done).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    expect(s.received.map((r) => [r.headers['x-hookbench-delivery'], r.headers['x-hookbench-attempt']])).toEqual([
      [first!.id, '1'],
      [first!.id, '2'],
    ]);
    h.events.emit(executionEvent(execution())); // already notified before the restart
    await sleep(60);
    expect(reopened.store.list()).toHaveLength(1);
  });

  it('redelivers with the original bytes under a new id that names the original', async () => {
    h = await openHarness();
    const s = await sink();
    await h.configure({ channels: [custom(s.url)], routings: [routeAll('execution_completed')] });
    h.events.emit(executionEvent(execution()));
    const done = await h.finished();
    const again = await h.notifier.redeliver(done.id);
    await h.notifier.worker.whenFinished(again.id);
    expect(s.received).toHaveLength(2);
    expect(s.received[1].body.equals(s.received[0].body)).toBe(true);
    expect(s.received[1].headers['x-hookbench-delivery']).toBe(again.id);
    expect(s.received[1].headers['x-hookbench-redelivery-of']).toBe(done.id);
    expect(h.notifier.store.list({ channelId: 'sink' }).map((d) => d.origin)).toEqual(['redeliver', 'event']);
    expect(h.notifier.store.list({ status: 'failed' })).toEqual([]);
    expect(h.notifier.store.health('sink')).toMatchObject({ total: 2, succeeded: 2, successRate: 1 });
  });
});
