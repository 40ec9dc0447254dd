// Real senders' signatures against the loopback receiver: GitHub (via @octokit/webhooks-methods),
// Slack (computed per Slack's documented scheme with node:crypto), the seed's Python examples,
// and a published HMAC vector.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '@shared/triggers/presets';
import type { Trigger } from '@shared/trigger';
import type { HmacTrace } from '@shared/trigger-log';
import { lastEntry, launchUrl, post, startHarness, type Harness } from './harness';

const fixtures = path.resolve(__dirname, '../../fixtures/payloads');
const SECRET = "It's a Secret to Everybody";
const pushPayload = readFileSync(path.join(fixtures, 'github-push.json'), 'utf8');
const slackBody = readFileSync(path.join(fixtures, 'slack-slash-command.txt'), 'utf8');
const seedText = readFileSync(path.resolve(__dirname, '../../fixtures/seeds/001_855cebc20bd3f4e4.txt'), 'utf8');

let h: Harness;
beforeAll(async () => {
  const triggers: Trigger[] = ['github', 'slack', 'doc-static', 'doc-hmac', 'doc-hmac-timestamp'].map((id) => findPreset(id)!.build());
  triggers.push({
    id: 'vector',
    title: 'vector',
    enabled: true,
    actions: [],
    conditions: [{ type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'X-Sig', secretKey: 'foobar', algorithm: 'sha256' }],
  });
  h = await startHarness({
    triggers,
    env: ['WEBHOOK_TOKEN', 'GITHUB_WEBHOOK_SECRET', 'SLACK_SIGNING_SECRET'].map((name) => ({ name, value: SECRET, secret: true })),
  });
});
afterAll(() => h.close());

describe('GitHub', () => {
  it('accepts a push signed by @octokit/webhooks-methods', async () => {
    const signature = await sign(SECRET, pushPayload);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const res = await post(launchUrl(h, 'github'), pushPayload, {
      'X-Hub-Signature-256': signature,
      'Content-Type': 'application/json',
      'X-GitHub-Event': 'push',
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
    expect((await lastEntry(h)).outcome).toBe('launched');
  });

  it('rejects a tampered payload with an HMAC mismatch reason and a full trace', async () => {
    const signature = await sign(SECRET, pushPayload);
    const tampered = pushPayload.replace('refs/heads/main', 'refs/heads/evil');
    const res = await post(launchUrl(h, 'github'), tampered, { 'X-Hub-Signature-256': signature });
    expect(res.status).toBe(400);
    expect(res.body).toBe('Bad Request');
    const entry = await lastEntry(h);
    expect(entry.outcome).toBe('rejected');
    const [cond] = entry.conditions;
    expect(cond.passed).toBe(false);
    expect(cond.reason).toMatch(/^HMAC mismatch: expected [0-9a-f]{4}…, got [0-9a-f]{4}…; basestring was \d+ bytes: \{body\}$/);
    const trace = cond.trace as HmacTrace;
    expect(trace.received).toBe(signature.slice('sha256='.length));
    expect(trace.expected).toBe(createHmac('sha256', SECRET).update(tampered).digest('hex'));
    expect(trace.firstDifference).toBeGreaterThanOrEqual(0);
    expect(trace.basestringLength).toBe(Buffer.byteLength(tampered));
    expect(cond.reason).not.toContain(SECRET);
  });

  it('rejects a signature without the sha256= prefix, saying so', async () => {
    const signature = (await sign(SECRET, pushPayload)).slice('sha256='.length);
    const res = await post(launchUrl(h, 'github'), pushPayload, { 'X-Hub-Signature-256': signature });
    expect(res.status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('header X-Hub-Signature-256 does not start with the prefix "sha256="');
  });

  it('rejects a request without the signature header', async () => {
    const res = await post(launchUrl(h, 'github'), pushPayload);
    expect(res.status).toBe(400);
    expect((await lastEntry(h)).conditions[0].reason).toBe('header X-Hub-Signature-256 not found');
  });
});

function slackSignature(secret: string, timestamp: string, body: string): string {
  // https://api.slack.com/authentication/verifying-requests-from-slack
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

describe('Slack', () => {
  it('accepts a fresh, correctly signed slash command', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await post(launchUrl(h, 'slack'), slackBody, {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': ts,
      'X-Slack-Signature': slackSignature(SECRET, ts, slackBody),
    });
    expect(res.status).toBe(200);
    const entry = await lastEntry(h);
    expect(entry.conditions.map((c) => c.passed)).toEqual([true, true]);
    const trace = entry.conditions[0].trace as HmacTrace;
    expect(trace.segments.map((s) => s.kind)).toEqual(['literal', 'header', 'literal', 'body']);
    expect(trace.segments[1]).toMatchObject({ name: 'X-Slack-Request-Timestamp', preview: ts, byteLength: ts.length });
  });

  it('rejects a correctly signed but stale request (> 300 s) with the timestamp reason', async () => {
    const ts = String(Math.floor(Date.now() / 1000) - 301);
    const res = await post(launchUrl(h, 'slack'), slackBody, { 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': slackSignature(SECRET, ts, slackBody) });
    expect(res.status).toBe(400);
    const [hmac, timestamp] = (await lastEntry(h)).conditions;
    expect(hmac.passed).toBe(true);
    expect(timestamp.passed).toBe(false);
    expect(timestamp.reason).toMatch(new RegExp(`^timestamp ${ts} is 30[12] s in the past, more than the tolerance of 300 s$`));
  });

  it('rejects a request whose timestamp header is missing: both conditions fail and are both traced', async () => {
    const res = await post(launchUrl(h, 'slack'), slackBody, { 'X-Slack-Signature': 'v0=00' });
    expect(res.status).toBe(400);
    const [hmac, timestamp] = (await lastEntry(h)).conditions;
    expect(hmac.reason).toBe('the basestring format needs header X-Slack-Request-Timestamp, which the request does not have');
    expect((hmac.trace as HmacTrace).segments[1].missing).toBe(true);
    expect(timestamp.reason).toBe('timestamp: header X-Slack-Request-Timestamp not found');
  });
});

describe('published vector', () => {
  it('secret foobar, body {"foo": "bar"} → 15b944e3…2510', async () => {
    const sig = '15b944e3ab6db92072ebef4cc272912905c8b0295ec44d826b09949b10ee2510';
    expect((await post(launchUrl(h, 'vector'), '{"foo": "bar"}', { 'X-Sig': sig })).status).toBe(200);
    expect((await post(launchUrl(h, 'vector'), '{"foo": "bar"}', { 'X-Sig': sig.toUpperCase() })).status).toBe(200);
    expect((await post(launchUrl(h, 'vector'), '{"foo":"bar"}', { 'X-Sig': sig })).status).toBe(400);
  });
});

/**
 * The seed's Python urllib examples, verbatim: a block starts at a run of `import` lines and
 * ends at the line that closes the urlopen call ("))", the seed runs prose straight after it).
 */
function seedExamples(): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  let previous = '';
  for (const line of seedText.split('\n')) {
    if (line.startsWith('import ') && !previous.startsWith('import ')) current = [];
    if (current) {
      if (line.startsWith('))')) {
        current.push('))');
        if (current.some((l) => l.startsWith('urllib.request.urlopen('))) blocks.push(current.join('\n') + '\n');
        current = null;
      } else current.push(line);
    }
    previous = line;
  }
  return blocks;
}

function runPython(code: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile('python3', ['-c', code], { env: { ...process.env, WEBHOOK_TOKEN: SECRET, PYTHONIOENCODING: 'utf-8' }, timeout: 15_000 }, (err, _out, stderr) => {
      resolve({ code: err ? (((err as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1) : 0, stderr });
    });
  });
}

describe("the seed's own Python urllib examples", () => {
  const examples = seedExamples();
  it('finds the static, HMAC and HMAC + timestamp examples in the seed', () => {
    const urllibOnly = examples.filter((e) => !e.includes('import jwt'));
    expect(urllibOnly).toHaveLength(3);
  });

  const cases: [string, (code: string) => boolean][] = [
    ['doc-static', (c) => !c.includes('hmac') && !c.includes('jwt')],
    ['doc-hmac', (c) => c.includes('msg=data')],
    ['doc-hmac-timestamp', (c) => c.includes('Request-Timestamp')],
  ];
  for (const [triggerId, pick] of cases) {
    it(`${triggerId}: the example as published launches the trigger (200 ok)`, async () => {
      const example = examples.find((e) => !e.includes('import jwt') && pick(e));
      expect(example).toBeDefined();
      const code = example!.replace("'<paste the webhook URL here>'", `'${launchUrl(h, triggerId)}'`);
      expect(code).not.toContain('<paste');
      const before = h.log.count();
      const result = await runPython(code);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(h.log.count()).toBe(before + 1);
      const entry = await lastEntry(h);
      expect(entry).toMatchObject({ triggerId, outcome: 'launched', status: 200 });
      expect(entry.conditions.every((c) => c.passed)).toBe(true);
    });
  }
});
