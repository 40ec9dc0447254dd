// End-to-end sender flows on loopback: curl exports run in bash, run tracking through
// pending → completed and → error, history and tracking across restarts, replay and bulk.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/events';
import type { SendDraft, SigningProfile } from '@shared/signing/types';
import type { Trigger } from '@shared/trigger';
import { openSenderHistory } from '../../../src/main/engine/sender/history-store';
import { createSender } from '../../../src/main/engine/sender/sender';
import { generateKeys } from '../../../src/main/engine/sender/keys';
import { startHarness } from '../triggers/harness';
import { b64, launchUrl, startEngine, type EngineFixture } from './engine-fixture';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const SECRET = 'track-secret';
const env = [{ name: 'HOOK_SECRET', value: SECRET, secret: true }];
const slackTrigger: Trigger = {
  id: 'slack',
  title: 'Slack /predict',
  enabled: true,
  conditions: [
    {
      type: 'web-auth',
      authType: 'hmac',
      namespace: 'header',
      key: 'X-Slack-Signature',
      prefix: 'v0=',
      secretKey: '{env:HOOK_SECRET}',
      algorithm: 'sha256',
      hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
    },
    { type: 'web-timestamp', namespace: 'header', key: 'X-Slack-Request-Timestamp', tolerance: 60 },
  ],
  actions: [
    { type: 'web-response-text', text: 'Created run {run_id}' },
    { type: 'run-execution', step: 'predict', payloadInputName: 'payload' },
  ],
};
const tokenTrigger: Trigger = {
  id: 'token',
  title: 'token',
  enabled: true,
  conditions: [{ type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: '{env:HOOK_SECRET}' }],
  actions: [
    { type: 'web-response-json', json: { data: { run: { id: '{run_id}' } } } },
    { type: 'run-pipeline', pipeline: 'train' },
  ],
};
const slackProfile: SigningProfile = {
  id: 'slack-like',
  name: 'Slack like',
  kind: 'hmac',
  secret: '{env:HOOK_SECRET}',
  algorithm: 'sha256',
  encoding: 'hex',
  format: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
  placement: { namespace: 'header', key: 'X-Slack-Signature', prefix: 'v0=' },
  timestamp: { namespace: 'header', key: 'X-Slack-Request-Timestamp', unit: 's' },
};
const fast = { initialDelayMs: 30, maxDelayMs: 100, timeoutMs: 10_000 };

let fx: EngineFixture;
beforeAll(async () => {
  fx = await startEngine([slackTrigger, tokenTrigger], env);
});
afterAll(async () => fx?.close());

const draft = (extra: Partial<SendDraft> = {}): SendDraft => ({
  url: launchUrl(fx.url, 'slack'),
  method: 'POST',
  headers: [['Content-Type', 'application/x-www-form-urlencoded']],
  bodyBase64: b64("text=draw+me+a+shark&user=o'neil"),
  profile: slackProfile,
  ...extra,
});

describe('curl exports compute the signature in the shell', () => {
  it('an HMAC + timestamp command passes the trigger when run later, with the secret from the env', async () => {
    const { text, warnings } = await fx.engine.handlers['sender.export']({ draft: draft(), format: 'curl' });
    expect(text).toContain('openssl dgst -sha256 -hmac "$SECRET"');
    expect(text).not.toContain(SECRET);
    expect(warnings).toEqual([]);
    const dir = await makeTempDir('curl');
    await writeFile(path.join(dir, 'send.sh'), text);
    const out = await run('bash', [path.join(dir, 'send.sh')], { env: { ...process.env, HOOK_SECRET: SECRET } });
    expect(out.stdout).toMatch(/^Created run [0-9a-f-]{36}$/);
    await expect(run('bash', [path.join(dir, 'send.sh')], { env: { ...process.env, HOOK_SECRET: 'wrong' } })).resolves.toMatchObject({ stdout: 'Bad Request' });
    await rm(dir, { recursive: true, force: true });
  });

  it('static token, HS256 and RS256 JWT commands pass their triggers', async () => {
    const rsa = await generateKeys('RS256');
    const triggers: Trigger[] = [
      {
        id: 'hs',
        title: 'hs',
        enabled: true,
        actions: [],
        conditions: [
          { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: 'JWT ', algorithm: 'HS256', secretKey: '{env:HOOK_SECRET}' },
        ],
      },
      {
        id: 'rs',
        title: 'rs',
        enabled: true,
        actions: [],
        conditions: [{ type: 'web-auth', authType: 'jwt', namespace: 'query', key: 'token', algorithm: 'RS256', secretKey: rsa.publicPem }],
      },
      {
        id: 'st',
        title: 'st',
        enabled: true,
        actions: [],
        conditions: [{ type: 'web-auth', authType: 'static', namespace: 'json', key: 'token', secretKey: '{env:HOOK_SECRET}' }],
      },
    ];
    const local = await startEngine(triggers, env);
    const profiles: Array<[string, SigningProfile]> = [
      [
        'hs',
        {
          id: 'p1',
          name: 'hs',
          kind: 'jwt',
          algorithm: 'HS256',
          secret: '{env:HOOK_SECRET}',
          claims: { iat: true, expSeconds: 60, custom: { sub: "it's 100%" } },
          placement: { namespace: 'header', key: 'Authorization', prefix: 'JWT ' },
        },
      ],
      [
        'rs',
        {
          id: 'p2',
          name: 'rs',
          kind: 'jwt',
          algorithm: 'RS256',
          secret: rsa.privatePem,
          claims: { iat: true, expSeconds: 60 },
          placement: { namespace: 'query', key: 'token' },
        },
      ],
      ['st', { id: 'p3', name: 'st', kind: 'static', secret: '{env:HOOK_SECRET}', placement: { namespace: 'json', key: 'token' } }],
    ];
    const dir = await makeTempDir('curl');
    try {
      for (const [id, profile] of profiles) {
        const d: SendDraft = {
          url: launchUrl(local.url, id),
          method: 'POST',
          headers: [['Content-Type', 'application/json']],
          bodyBase64: b64('{"a":1}'),
          profile,
        };
        // literal keys are redacted unless the user opts in
        const redacted = await local.engine.handlers['sender.export']({ draft: d, format: 'curl' });
        if (id === 'rs') expect(redacted.text).not.toContain('PRIVATE KEY');
        const { text } = await local.engine.handlers['sender.export']({ draft: d, format: 'curl', includeSecrets: true });
        await writeFile(path.join(dir, `${id}.sh`), text);
        const out = await run('bash', [path.join(dir, `${id}.sh`)], { env: { ...process.env, HOOK_SECRET: SECRET } });
        expect(out.stdout, `${id}:\n${text}`).toBe('ok');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await local.close();
    }
  });

  it('fetch and python exports carry the request and compute the HMAC at run time', async () => {
    const js = await fx.engine.handlers['sender.export']({ draft: draft(), format: 'fetch' });
    expect(js.text).toContain('createHmac("sha256", process.env.HOOK_SECRET)');
    const dir = await makeTempDir('fetch');
    await writeFile(path.join(dir, 'send.mjs'), js.text);
    const out = await run(process.execPath, [path.join(dir, 'send.mjs')], { env: { ...process.env, HOOK_SECRET: SECRET } });
    expect(out.stdout).toMatch(/^200 Created run /);
    await rm(dir, { recursive: true, force: true });
    const py = await fx.engine.handlers['sender.export']({ draft: draft(), format: 'python' });
    expect(py.text).toContain('hmac.new(os.environ["HOOK_SECRET"].encode()');
    // PyPI is out of reach here, so `requests` is a few lines over urllib with its call shape;
    // the generated signing code itself runs as written
    const pyDir = await makeTempDir('python');
    try {
      await writeFile(path.join(pyDir, 'requests.py'), REQUESTS_SHIM);
      await writeFile(path.join(pyDir, 'send.py'), py.text);
      const ran = await run('python3', [path.join(pyDir, 'send.py')], { env: { ...process.env, HOOK_SECRET: SECRET, PYTHONPATH: pyDir } });
      expect(ran.stdout).toMatch(/^200 Created run /);
      const wrong = await run('python3', [path.join(pyDir, 'send.py')], { env: { ...process.env, HOOK_SECRET: 'not-the-secret', PYTHONPATH: pyDir } });
      expect(wrong.stdout).toMatch(/^400 Bad Request/);
    } finally {
      await rm(pyDir, { recursive: true, force: true });
    }
  });
});

describe('run tracking', () => {
  it('follows a launch from pending to completed, re-signing every poll, with events', async () => {
    const events: EngineEvent[] = [];
    const off = fx.engine.events.subscribe((b) => events.push(...b));
    const sent = await fx.engine.handlers['sender.send']({ draft: draft(), track: fast });
    expect(sent.runId).toMatch(/^[0-9a-f-]{36}$/);
    const tracks = await fx.engine.handlers['sender.tracks']();
    const track = tracks.find((t) => t.sentId === sent.id)!;
    const settled = await fx.engine.handlers['sender.tracks']().then(() => waitSettled(fx, track.id));
    expect(settled.state).toBe('settled');
    expect(settled.status).toBe('completed');
    expect(settled.runInfoUrl).toBe(`${launchUrl(fx.url, 'slack')}run/`);
    const statuses = settled.timeline.map((e) => e.status);
    expect(statuses[statuses.length - 1]).toBe('completed');
    expect(settled.timeline[settled.timeline.length - 1].result[0]).toMatchObject({ action: 'run_execution', execution_step: 'predict' });
    fx.engine.events.flush();
    off();
    expect(events.some((e) => e.type === 'sender.track' && e.track.id === track.id)).toBe(true);
    // the polls went through the trigger's conditions as run-info requests (POST, signed)
    const log = await fx.engine.handlers['triggerLog.list']({ filter: { triggerId: 'slack' } as never, limit: 50 });
    expect(log.some((e) => e.outcome === 'run-info' && e.runId === sent.runId)).toBe(true);
  });

  it('GETs ?run_id= for header tokens and finds the run id in nested JSON', async () => {
    const profile: SigningProfile = {
      id: 't',
      name: 't',
      kind: 'static',
      secret: '{env:HOOK_SECRET}',
      placement: { namespace: 'header', key: 'Authorization', prefix: 'Bearer ' },
    };
    const sent = await fx.engine.handlers['sender.send']({ draft: draft({ url: launchUrl(fx.url, 'token'), profile }), track: fast });
    const track = (await fx.engine.handlers['sender.tracks']()).find((t) => t.sentId === sent.id)!;
    const settled = await waitSettled(fx, track.id);
    expect(settled.status).toBe('completed');
    expect(settled.timeline.at(-1)!.result[0]).toMatchObject({ action: 'run_pipeline', pipeline_name: 'train' });
  });

  it('ends in error when every run action fails (a launcher that rejects), and backs off', async () => {
    const harness = await startHarness({
      triggers: [slackTrigger],
      env,
      router: {
        launchAction: async () => {
          await new Promise((r) => setTimeout(r, 150));
          throw new Error('step "predict" is not in valohai.yaml');
        },
      },
    });
    const dir = await makeTempDir('track');
    const history = await openSenderHistory(dir);
    const sender = createSender({ history, env: () => env, profiles: () => [slackProfile], receiverUrl: () => harness.url });
    try {
      const { track } = await sender.send(draft({ url: launchUrl(harness.url, 'slack'), profile: undefined, profileId: 'slack-like' }), {
        track: { initialDelayMs: 20, maxDelayMs: 40, timeoutMs: 5000 },
      });
      expect(track).not.toBeNull();
      const settled = await sender.tracker.settled(track!.id);
      expect(settled.timeline.map((e) => e.status)).toEqual(['pending', 'error']);
      expect(settled.timeline[0].at).toBeLessThanOrEqual(settled.timeline[1].at);
      expect(settled.delayMs).toBeLessThanOrEqual(40);
      expect(settled.profileId).toBe('slack-like');
    } finally {
      sender.close();
      await history.close();
      await harness.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('times out when the run stays pending, and resumes a polling track after a restart', async () => {
    const harness = await startHarness({ triggers: [slackTrigger], env, router: { launchAction: () => new Promise(() => undefined) } });
    const dir = await makeTempDir('track');
    let history = await openSenderHistory(dir);
    let sender = createSender({ history, env: () => env, profiles: () => [slackProfile], receiverUrl: () => harness.url });
    try {
      const { track } = await sender.send(draft({ url: launchUrl(harness.url, 'slack') }), {
        track: { initialDelayMs: 5000, maxDelayMs: 5000, timeoutMs: 400 },
      });
      await new Promise((r) => setTimeout(r, 100));
      sender.close();
      await history.close();
      // a new process: the track is still polling on disk and resumes at once
      history = await openSenderHistory(dir);
      expect(history.getTrack(track!.id)!.state).toBe('polling');
      sender = createSender({ history, env: () => env, profiles: () => [slackProfile], receiverUrl: () => harness.url });
      const waiting = sender.tracker.settled(track!.id);
      await new Promise((r) => setTimeout(r, 450));
      sender.tracker.resume();
      const settled = await waiting;
      expect(settled.state).toBe('timed-out');
      expect(settled.status).toBe('pending');
      expect(history.listSent()).toHaveLength(1);
    } finally {
      sender.close();
      await history.close();
      await harness.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('history, replay and bulk', () => {
  it('history survives a restart, is searchable and re-sendable', async () => {
    const sent = await fx.engine.handlers['sender.send']({ draft: draft({ bodyBase64: b64('text=findable-needle') }) });
    await fx.restart();
    const found = await fx.engine.handlers['sender.history']({ text: 'FINDABLE-needle' });
    expect(found.map((r) => r.id)).toContain(sent.id);
    const again = await fx.engine.handlers['sender.get']({ id: sent.id });
    expect(again?.response?.status).toBe(200);
    // the receiver came back on a new port (port 0): re-send to it
    const url = again!.request.url.replace(/^http:\/\/[^/]+/, fx.url);
    const resend = await fx.engine.handlers['sender.send']({ draft: { ...again!.request, url, profile: slackProfile } });
    expect(resend.response?.status).toBe(200);
  });

  it('replays a capture as-is (exact bytes) and re-signed with a fresh timestamp and a diff', async () => {
    // an old Slack request: correctly signed, but 10 minutes ago
    const body = 'text=old';
    const ts = String(Math.floor(Date.now() / 1000) - 600);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const old = { request: { headers: [['X-Slack-Signature', signature]] as [string, string][] } };
    await fetch(`${fx.url}/inbox/slack`, {
      method: 'POST',
      body,
      headers: { 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': signature, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const captures = await fx.engine.handlers['captures.list']({ filter: { path: '/inbox/slack' }, limit: 1 });
    const captureId = captures.items[0].id;
    const asIs = await fx.engine.handlers['sender.replay']({ captureId, to: `${fx.url}/inbox/echo` });
    const replayed = await fx.engine.handlers['captures.list']({ filter: { path: '/inbox/echo' }, limit: 1 });
    const detail = await fx.engine.handlers['captures.get']({ id: replayed.items[0].id });
    expect(Buffer.from(detail!.bodyBase64, 'base64').toString()).toBe(body);
    const sig = (h: [string, string][]) => h.find(([n]) => n.toLowerCase() === 'x-slack-signature')?.[1];
    expect(sig(detail!.rawHeaders)).toBe(sig(old.request.headers));
    expect(asIs?.resigned).toBe(false);
    const staleToTrigger = await fx.engine.handlers['sender.replay']({ captureId, to: launchUrl(fx.url, 'slack') });
    expect(staleToTrigger?.response?.status).toBe(400);
    const resigned = await fx.engine.handlers['sender.replay']({ captureId, to: launchUrl(fx.url, 'slack'), profile: slackProfile, track: fast });
    expect(resigned?.response?.status).toBe(200);
    expect(resigned?.changed?.map((c) => c.name)).toEqual(expect.arrayContaining(['X-Slack-Signature', 'X-Slack-Request-Timestamp']));
    expect(resigned?.changed?.find((c) => c.name === 'X-Slack-Request-Timestamp')?.before).toBe(ts);
    expect(resigned?.captureId).toBe(captureId);
  });

  it('bulk replay sends a selection with a concurrency limit, progress events and cancel', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      await fx.engine.handlers['sender.send']({ draft: draft({ url: `${fx.url}/bulk/src`, bodyBase64: b64(`text=${i}`) }) });
    }
    const page = await fx.engine.handlers['captures.list']({ filter: { path: '/bulk/src' }, limit: 6 });
    ids.push(...page.items.map((c) => c.id));
    const events: EngineEvent[] = [];
    const off = fx.engine.events.subscribe((b) => events.push(...b));
    const started = await fx.engine.handlers['sender.bulkReplay']({
      captureIds: ids,
      to: launchUrl(fx.url, 'slack'),
      profileId: undefined,
      profile: slackProfile,
      concurrency: 2,
    });
    await waitFor(
      () => events.some((e) => e.type === 'sender.bulk' && e.progress.bulkId === started.bulkId && e.progress.finished),
      () => fx.engine.events.flush(),
    );
    off();
    const last = events.filter((e): e is Extract<EngineEvent, { type: 'sender.bulk' }> => e.type === 'sender.bulk').at(-1)!.progress;
    expect(last).toMatchObject({ total: 6, done: 6, ok: 6, failed: 0, finished: true, cancelled: false });
    // cancel: a long list stops early
    const many = await fx.engine.handlers['sender.bulkReplay']({ captureIds: Array(40).fill(ids[0]), to: `${fx.url}/bulk/dst`, concurrency: 1 });
    expect((await fx.engine.handlers['sender.bulkCancel']({ bulkId: many.bulkId })).cancelled).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    const dst = await fx.engine.handlers['captures.list']({ filter: { path: '/bulk/dst' }, limit: 100 });
    expect(dst.total).toBeLessThan(40);
  });

  it('HAR export redacts signatures and secrets unless asked; import lands in history', async () => {
    const sent = await fx.engine.handlers['sender.send']({ draft: draft() });
    const { json } = await fx.engine.handlers['sender.exportHar']({ sentIds: [sent.id] });
    const har = JSON.parse(json);
    const headers = har.log.entries[0].request.headers as Array<{ name: string; value: string }>;
    expect(headers.find((h) => h.name === 'X-Slack-Signature')?.value).toBe('[redacted]');
    const full = JSON.parse((await fx.engine.handlers['sender.exportHar']({ sentIds: [sent.id], includeSecrets: true })).json);
    expect(full.log.entries[0].request.headers.find((h: { name: string }) => h.name === 'X-Slack-Signature').value).toMatch(/^v0=/);
    const imported = await fx.engine.handlers['sender.importHar']({ har: JSON.stringify(full) });
    expect(imported.imported).toBe(1);
    const h = await fx.engine.handlers['sender.history']({ text: 'har' });
    expect(h[0].source).toBe('har');
  });
});

async function waitFor(check: () => boolean, tick: () => void, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    tick();
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitSettled(f: EngineFixture, id: string) {
  let t = (await f.engine.handlers['sender.tracks']()).find((x) => x.id === id)!;
  const until = Date.now() + 15_000;
  while (t.state === 'polling' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 30));
    t = (await f.engine.handlers['sender.tracks']()).find((x) => x.id === id)!;
  }
  return t;
}

const REQUESTS_SHIM = `import urllib.request, urllib.error
class Response:
    def __init__(self, status, text):
        self.status_code = status
        self.text = text
def request(method, url, headers=None, data=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req) as res:
            return Response(res.status, res.read().decode())
    except urllib.error.HTTPError as err:
        return Response(err.code, err.read().decode())
`;
