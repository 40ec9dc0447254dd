// The endpoints table of triggers.md, through real loopback HTTP.
import { promises as fs } from 'node:fs';
import jsonwebtoken from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { Condition } from '@shared/trigger';
import { createTriggerRouter, openTriggerStores } from '../../../src/main/engine/triggers';
import { harnessPerTest, lastEntry, launchUrl, makeTrigger, post, staticAuth, TEST_TOKEN } from './harness';
import { makeTempDir } from '../../support/temp-dir';

const TOKEN = TEST_TOKEN;
const auth = staticAuth;
const make = makeTrigger;
const start = harnessPerTest();

describe('launch URL', () => {
  it('POST with passing conditions: 200 ok text/plain, a run, a log entry written before the answer', async () => {
    const h = await start([make('t1', [auth])]);
    for (const suffix of ['/', '']) {
      const res = await post(launchUrl(h, 't1', suffix), 'x', { Authorization: TOKEN });
      expect(res.status).toBe(200);
      expect(res.body).toBe('ok');
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const entry = await lastEntry(h); // already there: commit ran before the answer
      expect(entry).toMatchObject({ triggerId: 't1', outcome: 'launched', status: 200 });
      expect(h.runs.get(entry.runId!)).toMatchObject({ triggerId: 't1', captureId: entry.captureId });
    }
    expect(h.events.filter((e) => e.type === 'trigger.evaluated')).toHaveLength(2);
  });

  it('any failed condition: 400 "Bad Request", not customisable, and no run', async () => {
    const h = await start([make('t1', [auth], [{ type: 'web-response-text', text: 'custom' }])]);
    const res = await post(launchUrl(h, 't1'), 'x', { Authorization: 'nope' });
    expect(res).toMatchObject({ status: 400, body: 'Bad Request' });
    const entry = await lastEntry(h);
    expect(entry.outcome).toBe('rejected');
    expect(entry.runId).toBeUndefined();
    expect(entry.conditions[0].reason).toBe('static token mismatch: got n… (4 chars), expected s3… (18 chars)');
    expect(h.runs.count()).toBe(0);
  });

  it('other methods: 405 with Allow: POST', async () => {
    const h = await start([make('t1', [])]);
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const res = await fetch(launchUrl(h, 't1'), { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await lastEntry(h)).toMatchObject({ outcome: 'method-not-allowed', status: 405 });
    }
  });

  it('unknown or disabled trigger: 404, logged as not-found', async () => {
    const h = await start([make('off', [], [], false)]);
    for (const id of ['nope', 'off']) {
      expect((await post(launchUrl(h, id), 'x')).status).toBe(404);
      expect(await lastEntry(h)).toMatchObject({ triggerId: id, outcome: 'not-found', status: 404 });
    }
    expect((await lastEntry(h)).note).toBe('the trigger is disabled');
    expect((await post(`${h.url}/api/v0/launch/off/extra/path/`, 'x')).status).toBe(404);
    expect((await fetch(`${h.url}/somewhere/else`)).status).toBe(200); // the inbox, not the router
  });

  it('web-response-text and -json: first one answers, {run_id} substituted everywhere', async () => {
    const h = await start([
      make(
        'text',
        [],
        [
          { type: 'web-response-text', text: 'Created run {run_id}' },
          { type: 'web-response-json', json: { unused: true } },
        ],
      ),
      make(
        'json',
        [],
        [
          { type: 'run-execution', step: 's' },
          { type: 'web-response-json', json: { run: { id: '{run_id}', list: ['a {run_id} b', 3, null, { deep: '{run_id}' }] }, n: 1 } },
        ],
      ),
    ]);
    const text = await post(launchUrl(h, 'text'), '');
    const textRun = (await lastEntry(h)).runId!;
    expect(text.body).toBe(`Created run ${textRun}`);
    const json = await post(launchUrl(h, 'json'), '');
    const runId = (await lastEntry(h)).runId!;
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(json.body)).toEqual({ run: { id: runId, list: [`a ${runId} b`, 3, null, { deep: runId }] }, n: 1 });
  });
});

describe('failure modes with reasons', () => {
  it('missing env variable names the variable', async () => {
    const h = await start([make('t', [{ ...auth, secretKey: '{env:NOT_THERE}' }])]);
    expect((await post(launchUrl(h, 't'), '', { Authorization: TOKEN })).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('secret key refers to environment variable "NOT_THERE" that is not defined');
  });

  it('JSON namespace with a body that is not JSON, or not UTF-8', async () => {
    const h = await start([make('t', [{ ...auth, namespace: 'json', key: 'token' }])]);
    expect((await post(launchUrl(h, 't'), '{"token": ')).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toMatch(/^JSON key token: the body is not valid JSON \(/);
    expect((await post(launchUrl(h, 't'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('JSON key token: the body is not valid UTF-8');
    expect((await post(launchUrl(h, 't'), JSON.stringify({ token: TOKEN }))).status).toBe(200);
  });

  it("form and query namespaces (the reference's token=pat_… example)", async () => {
    const h = await start([make('form', [{ ...auth, namespace: 'form', key: 'token' }]), make('query', [{ ...auth, namespace: 'query', key: 'token' }])]);
    expect((await post(launchUrl(h, 'form'), `token=${TOKEN}&event_type=new_data`, { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(200);
    expect((await post(launchUrl(h, 'form'), 'event_type=new_data')).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('form field token not found in the URL-encoded body');
    expect((await post(`${launchUrl(h, 'query')}?token=${TOKEN}&size=3`, '')).status).toBe(200);
    expect((await post(`${launchUrl(h, 'query')}?size=3`, '')).status).toBe(400);
  });

  it('timestamp: unparsable and future values fail; ms extension', async () => {
    const h = await start([
      make('s', [{ type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 60 }]),
      make('ms', [{ type: 'web-timestamp', namespace: 'header', key: 'X-Ts', tolerance: 60, unit: 'ms' }]),
    ]);
    expect((await post(launchUrl(h, 's'), '', { 'X-Ts': 'yesterday' })).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('timestamp: header X-Ts is "yesterday", not a UNIX timestamp in seconds');
    expect((await post(launchUrl(h, 's'), '', { 'X-Ts': String(Math.floor(Date.now() / 1000) + 120) })).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toMatch(/s in the future, more than the tolerance of 60 s$/);
    expect((await post(launchUrl(h, 's'), '', { 'X-Ts': String(Date.now()) })).status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toMatch(/\(it looks like milliseconds; this condition expects seconds\)$/);
    expect((await post(launchUrl(h, 'ms'), '', { 'X-Ts': String(Date.now()) })).status).toBe(200);
  });

  it('rate limit: quota reached → 400; rejected requests do not count; several limits; survives a restart', async () => {
    const limited = make('rl', [auth, { type: 'rate-limit', period: 3600, quota: 3 }, { type: 'rate-limit', period: 60, quota: 2 }]);
    let h = await start([limited]);
    const send = (token = TOKEN) => post(launchUrl(h, 'rl'), '', { Authorization: token });
    expect((await send()).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await send('bad')).status).toBe(400); // rejected: not charged
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(400); // the 60 s limit (2) is full
    const entry = await lastEntry(h);
    expect(entry.conditions.map((c) => c.passed)).toEqual([true, true, false]);
    expect(entry.conditions[2].reason).toMatch(/^rate limit exceeded: 2 launches in the last 60 s, quota 2; the next launch is allowed in (59|60) s$/);

    h.clock.offsetMs = 61_000; // the short window has passed; the hour still counts 2
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(400);
    expect((await lastEntry(h)).conditions[1].reason).toMatch(/^rate limit exceeded: 3 launches in the last 3600 s, quota 3/);

    const dataDir = h.dataDir;
    await h.close({ keepDir: true });
    h = await start([limited], { dataDir });
    h.clock.offsetMs = 122_000;
    expect((await send()).status).toBe(400); // history rebuilt from the log on open
    expect((await lastEntry(h)).conditions[1].passed).toBe(false);
  });

  it('concurrent launches never overrun a quota', async () => {
    // straight at the router: 20 evaluations in flight at once, the JWT check really awaits
    const jwt: Condition = {
      type: 'web-auth',
      authType: 'jwt',
      namespace: 'header',
      key: 'Authorization',
      secretKey: '{env:WEBHOOK_TOKEN}',
      algorithm: 'HS256',
    };
    const trigger = make('rl', [jwt, { type: 'rate-limit', period: 3600, quota: 5 }]);
    const dir = await makeTempDir('race');
    const stores = await openTriggerStores(dir);
    try {
      const route = createTriggerRouter({ getTrigger: () => trigger, env: () => ({ WEBHOOK_TOKEN: TOKEN }), ...stores });
      const token = jsonwebtoken.sign({ a: 1 }, TOKEN);
      const decisions = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          route({
            id: `r${i}`,
            receivedAt: Date.now(),
            method: 'POST',
            url: '/api/v0/launch/rl/',
            httpVersion: '1.1',
            rawHeaders: [['Authorization', token]],
            body: Buffer.alloc(0),
            remoteAddress: '127.0.0.1',
            remotePort: 1,
            timings: { startedAt: 0, headersMs: 0, bodyMs: 0 },
          }),
        ),
      );
      const statuses = decisions.map((d) => d!.response.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 400)).toHaveLength(15);
    } finally {
      await stores.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('payload filters', () => {
  const filter = (operator: string, key: string, value?: string | string[]): Condition =>
    ({ type: 'payload-filter', namespace: 'json', key, operator, ...(value !== undefined ? { value } : {}) }) as Condition;
  const body = JSON.stringify({ ref: 'refs/heads/main', n: 7, data: { 'valohai.execution-step': 'Train' }, empty: null });
  const cases: [Condition, boolean][] = [
    [filter('equals', 'ref', 'refs/heads/main'), true],
    [filter('equals', 'ref', 'main'), false],
    [filter('equals', 'n', '7'), true],
    [filter('not-equals', 'ref', 'refs/heads/dev'), true],
    [filter('not-equals', 'ref', 'refs/heads/main'), false],
    [filter('contains', 'ref', 'heads'), true],
    [filter('contains', 'ref', 'tags'), false],
    [filter('starts-with', 'ref', 'refs/heads/'), true],
    [filter('starts-with', 'ref', 'heads'), false],
    [filter('regex', 'ref', '^refs/heads/(main|master)$'), true],
    [filter('regex', 'ref', '^v\\d'), false],
    [filter('regex', 'ref', '(unclosed'), false],
    [filter('exists', 'ref'), true],
    [filter('exists', 'missing'), false],
    [filter('exists', 'empty'), true],
    [filter('not-exists', 'missing'), true],
    [filter('not-exists', 'ref'), false],
    [filter('in', 'ref', ['refs/heads/main', 'refs/heads/dev']), true],
    [filter('in', 'ref', ['x']), false],
    [filter('equals', 'data.valohai\\.execution-step', 'Train'), true],
    [filter('equals', 'missing', 'x'), false],
  ];
  it('every operator passes and fails as it should, with a reason', async () => {
    const triggers = cases.map(([c], i) => make(`f${i}`, [c]));
    const h = await start(triggers);
    for (const [i, [condition, expected]] of cases.entries()) {
      const res = await post(launchUrl(h, `f${i}`), body, { 'Content-Type': 'application/json' });
      expect(res.status, JSON.stringify(condition)).toBe(expected ? 200 : 400);
      expect((await lastEntry(h)).conditions[0].reason.length).toBeGreaterThan(5);
    }
    expect(
      (await h.log.list({ failedConditionType: 'payload-filter' })).some((e) => e.conditions[0].reason.startsWith('invalid regular expression "(unclosed"')),
    ).toBe(true);
  });

  it('header, query and form namespaces', async () => {
    const h = await start([
      make('hdr', [{ type: 'payload-filter', namespace: 'header', key: 'x-github-event', operator: 'equals', value: 'push' }]),
      make('qry', [{ type: 'payload-filter', namespace: 'query', key: 'env', operator: 'in', value: ['prod', 'stage'] }]),
      make('frm', [{ type: 'payload-filter', namespace: 'form', key: 'command', operator: 'equals', value: '/predict' }]),
    ]);
    expect((await post(launchUrl(h, 'hdr'), '', { 'X-GitHub-Event': 'push' })).status).toBe(200);
    expect((await post(launchUrl(h, 'hdr'), '', { 'X-GitHub-Event': 'ping' })).status).toBe(400);
    expect((await post(`${launchUrl(h, 'qry')}?env=stage`, '')).status).toBe(200);
    expect((await post(`${launchUrl(h, 'qry')}?env=dev`, '')).status).toBe(400);
    expect((await post(launchUrl(h, 'frm'), 'command=%2Fpredict&text=x')).status).toBe(200);
  });
});
