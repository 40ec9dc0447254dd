// Secrets that leave the engine: a notification channel's literal signing secret is masked like a
// signing profile's (and saving the mask keeps it), and exports of the trigger log and HAR never
// carry the signature a rejected request should have had.
import { createHmac } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomChannel } from '@shared/notifications';
import { SECRET_PLACEHOLDER, type Trigger } from '@shared/trigger';
import { logEntryForExport } from '@shared/trigger-log-export';
import type { Engine } from '../../../src/main/engine/ports';
import { testEngine } from '../../support/test-engine';
import { makeTempDir } from '../../support/temp-dir';

let engine: Engine | null = null;
let dir = '';
afterEach(async () => {
  await engine?.stop();
  engine = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function start(triggers: Trigger[] = []): Promise<Engine> {
  dir = await makeTempDir('exported-secrets');
  engine = testEngine(dir, { workspace: { version: 1, env: [], triggers } });
  await engine.start();
  return engine;
}

const LITERAL = 'chan-s3cret-value-0123';
const channel = (secret: string, id = 'c1'): CustomChannel => ({
  id,
  name: 'Custom',
  type: 'custom',
  url: 'http://127.0.0.1:9/hook',
  headers: [],
  signing: { header: 'X-Sig', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex', secret, format: '{body}', timestampHeader: '' },
});

describe('notification channel secrets', () => {
  it('are masked in every answer, and saving the mask keeps the stored secret', async () => {
    const e = await start();
    const saved = await e.handlers['notifications.saveChannel']({ channel: channel(LITERAL) });
    expect(saved.type === 'custom' && saved.signing?.secret).toBe(SECRET_PLACEHOLDER);
    const view = await e.handlers['notifications.get']();
    expect(JSON.stringify(view)).not.toContain(LITERAL);
    const shown = view.channels.find((c) => c.id === 'c1') as CustomChannel;
    expect(shown.signing?.secret).toBe(SECRET_PLACEHOLDER);
    expect(JSON.stringify(await e.handlers['notifications.saveSettings']({ project: view.section.project }))).not.toContain(LITERAL);

    // the UI saves the channel back with the mask (renamed): the stored secret stays
    await e.handlers['notifications.saveChannel']({ channel: { ...shown, name: 'Renamed' }, previousId: 'c1' });
    const file = await readFile(path.join(dir, 'workspace.json'), 'utf8');
    expect(file).toContain(LITERAL);
    expect(file).not.toContain(SECRET_PLACEHOLDER);
    // and is what signs: the preview's signature is the HMAC with the literal secret
    const preview = await e.handlers['notifications.preview']({
      target: { channelId: 'c1' },
      payload: await e.handlers['notifications.example']({ eventType: 'execution_completed' }),
    });
    const sig = preview.headers.find(([n]) => n === 'X-Sig')?.[1];
    if (sig && !sig.includes('•')) expect(sig).toBe(`sha256=${createHmac('sha256', LITERAL).update(preview.body).digest('hex')}`);

    // a new channel cannot claim a secret it never had
    await expect(e.handlers['notifications.saveChannel']({ channel: channel(SECRET_PLACEHOLDER, 'c2') })).rejects.toMatchObject({
      path: 'channel.signing.secret',
    });
    // env references are not secrets: they stay visible
    await e.handlers['notifications.saveChannel']({ channel: channel('{env:CHANNEL_SECRET}', 'c3') });
    const c3 = (await e.handlers['notifications.get']()).channels.find((c) => c.id === 'c3') as CustomChannel;
    expect(c3.signing?.secret).toBe('{env:CHANNEL_SECRET}');
  });
});

const HMAC_SECRET = 'trigger-hmac-secret';
const TOKEN = 'static-token-in-query-xyz';
const triggers: Trigger[] = [
  {
    id: 'signed',
    title: 'signed',
    enabled: true,
    actions: [],
    conditions: [
      {
        type: 'web-auth',
        authType: 'hmac',
        namespace: 'header',
        key: 'X-Hub-Signature-256',
        prefix: 'sha256=',
        secretKey: HMAC_SECRET,
        algorithm: 'sha256',
        hmacFormat: '{body}',
      },
    ],
  },
  {
    id: 'token',
    title: 'token',
    enabled: true,
    actions: [],
    conditions: [{ type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', secretKey: TOKEN }],
  },
];

describe('exports of the trigger log and HAR', () => {
  it('never carry the expected signature of a rejected request, nor a literal trigger token', async () => {
    const e = await start(triggers);
    const base = e.info().receiverUrl;
    const body = '{"action":"opened"}';
    const expected = createHmac('sha256', HMAC_SECRET).update(body).digest('hex');
    const wrong = await fetch(`${base}/api/v0/launch/signed/`, { method: 'POST', headers: { 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` }, body });
    expect(wrong.status).toBe(400);
    const ok = await fetch(`${base}/api/v0/launch/token/?token=${TOKEN}`, { method: 'POST', body: '{}' });
    expect(ok.status).toBe(200);

    const [entry] = await e.handlers['triggerLog.list']({ filter: { triggerId: 'signed' } });
    const trace = entry.conditions[0].trace;
    // the UI reads the log in place and shows the comparison…
    expect(trace?.kind === 'hmac' && trace.expected).toBe(expected);
    // …an export does not
    const exported = JSON.stringify(logEntryForExport(entry));
    expect(exported).not.toContain(expected);
    expect(JSON.parse(exported).conditions[0].trace.received).toBe('0'.repeat(64));

    const ids = (await e.handlers['captures.list']({})).items.map((c) => c.id);
    for (const includeSecrets of [false, true]) {
      const { json } = await e.handlers['sender.exportHar']({ captureIds: ids, includeSecrets });
      expect(JSON.parse(json).log.entries.length).toBe(2);
      expect(json).not.toContain(expected);
      if (!includeSecrets) expect(json).not.toContain(TOKEN);
    }
  });
});
