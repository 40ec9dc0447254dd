// The contract test against the real engine: every call has a handler, and the web transport
// carries each one end to end (real engine, real HTTP, temp data dir).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlServer } from '../../../src/main/transport/web/server';
import { serveTestEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import { API_METHODS, type ApiArgs, type ApiMethod } from '@shared/contract';
import type { Trigger } from '@shared/trigger';
import { makeTempDir } from '../../support/temp-dir';

const trigger: Trigger = {
  id: 'contract-test',
  title: 'Contract test',
  enabled: true,
  actions: [],
  // a web-auth condition so that signing.fromTrigger has something to sign like
  conditions: [{ type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', secretKey: '{env:CONTRACT_VAR}' }],
};
const draft = { url: 'http://127.0.0.1:9/api/v0/launch/x/', method: 'POST', headers: [] as [string, string][], bodyBase64: '', timeoutMs: 500 };

/** One valid argument per call; a call added to the contract without one is a compile error. */
const SAMPLE_ARGS: { [M in ApiMethod]: ApiArgs<M> | null } = {
  'engine.info': null,
  'files.reveal': { path: '/' },
  'captures.list': { limit: 10 },
  'captures.get': { id: 'no-such-capture' },
  'captures.delete': { ids: [] },
  'captures.clear': null,
  'settings.get': null,
  'settings.update': { theme: 'dark' },
  'triggers.list': null,
  'triggers.save': { trigger },
  'triggers.whatIf': { trigger, limit: 5 },
  'signing.fromTrigger': { triggerId: trigger.id },
  'signing.listProfiles': null,
  'signing.saveProfile': {
    profile: { id: 'contract-profile', name: 'Contract', kind: 'static', secret: 'contract-secret', placement: { namespace: 'header', key: 'Authorization' } },
  },
  'signing.exportProfiles': { includeSecrets: false },
  'signing.generateKeys': { algorithm: 'ES256' },
  'sender.preview': { ...draft, profileId: 'contract-profile' },
  'sender.send': { draft },
  'sender.replay': { captureId: 'no-such-capture' },
  'sender.bulkReplay': { captureIds: ['no-such-capture'], concurrency: 1 },
  'sender.bulkCancel': { bulkId: 'no-such-bulk' },
  'sender.matrix': { ...draft, profileId: 'contract-profile' },
  'sender.history': { limit: 5 },
  'sender.get': { id: 'no-such-sent' },
  'sender.track': { sentId: 'no-such-sent' },
  'sender.tracks': null,
  'sender.stopTrack': { id: 'no-such-track' },
  'sender.export': { draft: { ...draft, profileId: 'contract-profile' }, format: 'curl' },
  'sender.exportHar': { includeSecrets: false },
  'sender.importHar': { har: JSON.stringify({ log: { entries: [] } }) },
  'signing.deleteProfile': { id: 'contract-profile' },
  'triggers.delete': { id: trigger.id },
  'env.list': null,
  'env.save': { env: [{ name: 'CONTRACT_VAR', value: '1', secret: false }] },
  'workspace.export': { includeSecrets: false },
  'workspace.import': { json: JSON.stringify({ version: 1, env: [], triggers: [] }), mode: 'merge' },
  'triggerLog.list': { limit: 10 },
  'triggerLog.forCapture': { captureId: 'no-such-capture' },
  'triggerRuns.get': { id: 'no-such-run' },
  'project.get': null,
  'project.set': { concurrency: 2 },
  'project.summary': null,
  'runs.list': { limit: 10 },
  'runs.getExecution': { id: 'no-such-execution' },
  'runs.getPipeline': { id: 'no-such-pipeline' },
  'runs.stop': { id: 'no-such-run' },
  'runs.rerun': { id: 'no-such-run' },
  'runs.log': { executionId: 'no-such-execution' },
  'runs.files': { id: 'no-such-execution' },
  'notifications.get': null,
  'notifications.saveSettings': { delivery: { timeoutMs: 500, maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 100 } },
  'notifications.saveChannel': {
    channel: { id: 'contract-sink', name: 'Contract sink', type: 'custom', url: 'http://127.0.0.1:9/', headers: [], signing: null },
  },
  'notifications.saveRouting': { routing: { id: 'contract-routing', event: 'execution_completed', channelIds: ['contract-sink'], filters: {}, enabled: true } },
  'notifications.testChannel': { channelId: 'contract-sink' },
  'notifications.example': { eventType: 'execution_completed' },
  'notifications.preview': {
    target: { url: 'http://127.0.0.1:9/' },
    payload: { project: 'p', title: 't', type: 'execution_completed', body: 'b', url: '/u', data: {} },
  },
  'notifications.send': {
    target: { url: 'http://127.0.0.1:9/' },
    payload: { project: 'p', title: 't', type: 'execution_completed', body: 'b', url: '/u', data: {} },
  },
  'deliveries.list': { limit: 10 },
  'deliveries.get': { id: 'no-such-delivery' },
  'deliveries.redeliver': { ids: [] },
  'deliveries.health': null,
  'notifications.setNotificationTrigger': { triggerId: 'no-such-trigger', enabled: false },
  'notifications.deleteRouting': { id: 'contract-routing' },
  'notifications.deleteChannel': { id: 'contract-sink' },
  'triggers.forensics': { captureId: 'no-such-capture', conditionIndex: 0 },
  'playground.sign': {
    format: '{body}',
    secretKey: 'shh',
    algorithm: 'sha256',
    encoding: 'hex',
    request: { method: 'POST', url: '/x', rawHeaders: [['Content-Type', 'text/plain']], bodyBase64: Buffer.from('hi').toString('base64') },
  },
};

let dataDir: string;
let webDir: string;
let engine: Engine;
let server: ControlServer;

beforeAll(async () => {
  dataDir = await makeTempDir('contract');
  webDir = await makeTempDir('contract-web');
  await writeFile(join(webDir, 'index.html'), '<!doctype html>');
  ({ engine, server } = await serveTestEngine(dataDir, webDir));
});

afterAll(async () => {
  await server?.close();
  await engine?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await rm(webDir, { recursive: true, force: true });
});

describe('the engine implements the whole contract', () => {
  it('has a handler for every API method and nothing else', () => {
    expect(Object.keys(engine.handlers).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof engine.handlers[method], method).toBe('function');
  });

  it('answers every call over HTTP with ok:true', async () => {
    // in the order of SAMPLE_ARGS (the trigger is saved before what-if and delete use it)
    const order = Object.keys(SAMPLE_ARGS) as ApiMethod[];
    expect([...order].sort()).toEqual([...API_METHODS].sort());
    for (const method of order) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(SAMPLE_ARGS[method]),
      });
      expect(res.status, method).toBe(200);
      const envelope = await res.json();
      expect(envelope, `${method}: ${JSON.stringify(envelope)}`).toMatchObject({ ok: true });
    }
  });
});
