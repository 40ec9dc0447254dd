// The composed engine over real loopback HTTP and real files: inbox, triggers, persistence.
import { createHmac } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/events';
import { SECRET_PLACEHOLDER, type Trigger } from '@shared/trigger';
import { testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import { makeTempDir } from '../../support/temp-dir';

let dataDir: string;
let engine: Engine;

const start = async (): Promise<Engine> => {
  const e = testEngine(dataDir);
  await e.start();
  return e;
};

beforeEach(async () => {
  dataDir = await makeTempDir('engine');
  engine = await start();
});

afterEach(async () => {
  await engine.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const hmacTrigger: Trigger = {
  id: 'gh',
  title: 'GitHub push',
  enabled: true,
  conditions: [
    {
      type: 'web-auth',
      authType: 'hmac',
      namespace: 'header',
      key: 'X-Hub-Signature-256',
      prefix: 'sha256=',
      secretKey: '{env:GH_SECRET}',
      algorithm: 'sha256',
    },
  ],
  actions: [
    { type: 'web-response-json', json: { run: { id: '{run_id}' } } },
    { type: 'run-execution', step: 'train', payloadInputName: 'dataset' },
  ],
};

describe('engine', () => {
  it('captures inbox requests, lists them newest first and pushes batched events', async () => {
    const batches: EngineEvent[][] = [];
    engine.events.subscribe((b) => batches.push(b));
    const url = engine.info().receiverUrl;
    for (const n of [1, 2, 3]) {
      const res = await fetch(`${url}/hooks/${n}?x=${n}`, { method: 'POST', body: `{"n":${n}}`, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('ok');
    }
    const page = await engine.handlers['captures.list']({});
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.url)).toEqual(['/hooks/3?x=3', '/hooks/2?x=2', '/hooks/1?x=1']);
    engine.events.flush();
    const received = batches.flat().filter((e) => e.type === 'capture.received');
    expect(received).toHaveLength(3);
    expect(batches.length).toBeLessThan(3);
    const detail = await engine.handlers['captures.get']({ id: page.items[0].id });
    expect(Buffer.from(detail!.bodyBase64, 'base64').toString()).toBe('{"n":3}');
  });

  it('launches a trigger signed with the workspace secret and answers run info', async () => {
    await engine.handlers['env.save']({ env: [{ name: 'GH_SECRET', value: "It's a Secret to Everybody", secret: true }] });
    await engine.handlers['triggers.save']({ trigger: hmacTrigger });
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const signature = createHmac('sha256', "It's a Secret to Everybody").update(body).digest('hex');
    const url = `${engine.info().receiverUrl}/api/v0/launch/gh/`;
    const ok = await fetch(url, { method: 'POST', body, headers: { 'X-Hub-Signature-256': `sha256=${signature}` } });
    expect(ok.status).toBe(200);
    const { run } = (await ok.json()) as { run: { id: string } };
    const bad = await fetch(url, { method: 'POST', body: body + ' ', headers: { 'X-Hub-Signature-256': `sha256=${signature}` } });
    expect(bad.status).toBe(400);

    const log = await engine.handlers['triggerLog.list']({ filter: { triggerId: 'gh' } });
    expect(log.map((e) => e.outcome)).toEqual(['rejected', 'launched']);
    expect(log[0].conditions[0].reason).toMatch(/HMAC mismatch/);
    expect(JSON.stringify(log)).not.toContain("It's a Secret");

    const info = await fetch(`${url}run/?run_id=${run.id}`, {
      headers: { 'X-Hub-Signature-256': `sha256=${createHmac('sha256', "It's a Secret to Everybody").update('').digest('hex')}` },
    });
    expect(info.status).toBe(200);
    expect(await engine.handlers['triggerRuns.get']({ id: run.id })).toMatchObject({ triggerId: 'gh' });
  });

  it('keeps captures, triggers and the log across a restart and masks secrets', async () => {
    await engine.handlers['env.save']({ env: [{ name: 'GH_SECRET', value: 'topsecret', secret: true }] });
    await engine.handlers['triggers.save']({ trigger: hmacTrigger });
    await fetch(`${engine.info().receiverUrl}/api/v0/launch/gh/`, { method: 'POST', body: 'x' });
    await fetch(`${engine.info().receiverUrl}/elsewhere`, { method: 'PUT', body: 'y' });
    await engine.stop();
    engine = await start();
    expect((await engine.handlers['captures.list']({})).total).toBe(2);
    expect(await engine.handlers['triggers.list']()).toHaveLength(1);
    expect(await engine.handlers['triggerLog.list']({})).toHaveLength(1);
    const env = await engine.handlers['env.list']();
    expect(env).toEqual([{ name: 'GH_SECRET', value: SECRET_PLACEHOLDER, secret: true }]);
    // saving the placeholder back keeps the stored secret
    await engine.handlers['env.save']({ env });
    const exported = JSON.parse((await engine.handlers['workspace.export']({ includeSecrets: true })).json);
    expect(exported.env[0].value).toBe('topsecret');
    const redacted = (await engine.handlers['workspace.export']({})).json;
    expect(redacted).not.toContain('topsecret');
  });

  it('imports a workspace with JSON-path errors and keeps stored secrets for redacted values', async () => {
    await engine.handlers['env.save']({ env: [{ name: 'T', value: 'kept', secret: true }] });
    await expect(
      engine.handlers['workspace.import']({
        json: '{"version":1,"triggers":[{"id":"a","title":"A","enabled":true,"conditions":[{"type":"web-auth","authType":"hmac","namespace":"header","key":"X","secretKey":"s","algorithm":"sha999"}],"actions":[]}]}',
      }),
    ).rejects.toMatchObject({ path: 'triggers[0].conditions[0].algorithm' });
    await engine.handlers['workspace.import']({ json: JSON.stringify({ version: 1, env: [{ name: 'T', value: '', secret: true }], triggers: [] }) });
    const exported = JSON.parse((await engine.handlers['workspace.export']({ includeSecrets: true })).json);
    expect(exported.env).toEqual([{ name: 'T', value: 'kept', secret: true }]);
  });

  it('signs in the playground like the HMAC condition does', async () => {
    await engine.handlers['env.save']({ env: [{ name: 'K', value: 'foobar', secret: true }] });
    const out = await engine.handlers['playground.sign']({
      format: '{body}',
      secretKey: '{env:K}',
      algorithm: 'sha256',
      encoding: 'hex',
      request: { method: 'POST', url: '/', rawHeaders: [], bodyBase64: Buffer.from('{"foo": "bar"}').toString('base64') },
    });
    expect(out.signature).toBe('15b944e3ab6db92072ebef4cc272912905c8b0295ec44d826b09949b10ee2510');
    expect(out.trace?.basestringLength).toBe(14);
  });

  it('refuses a receiver move to a busy port and keeps listening where it was', async () => {
    const other = testEngine(path.join(dataDir, 'other'));
    await other.start();
    try {
      const busyPort = Number(new URL(other.info().receiverUrl).port);
      const before = engine.info().receiverUrl;
      await expect(engine.handlers['settings.update']({ receiver: { port: busyPort } })).rejects.toMatchObject({ code: 'receiver_listen' });
      expect(engine.info().receiverUrl).toBe(before);
      expect((await fetch(`${before}/still-here`, { method: 'POST' })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
