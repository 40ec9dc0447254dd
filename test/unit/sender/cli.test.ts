// `hookbench send` and `hookbench replay` as real child processes against a real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trigger } from '@shared/trigger';
import { runCli } from '../cli/run-cli';
import { launchUrl, startEngine, type EngineFixture } from './engine-fixture';

const SECRET = 'cli-secret';
const env = [{ name: 'HOOK_SECRET', value: SECRET, secret: true }];
const slack: Trigger = {
  id: 'slack',
  title: 'Slack',
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
    { type: 'web-response-json', json: { run_id: '{run_id}' } },
    { type: 'run-execution', step: 'predict' },
  ],
};
const slackFlags = (secret: string) => [
  '--hmac',
  `${secret}:sha256:v0:{header:X-Slack-Request-Timestamp}:{body}`,
  '--sig-header',
  'X-Slack-Signature',
  '--prefix',
  'v0=',
  '--timestamp-header',
  'X-Slack-Request-Timestamp',
];
const fastTrack = { HOOKBENCH_TRACK_INITIAL_MS: '50', HOOKBENCH_TRACK_MAX_MS: '200' };

let fx: EngineFixture;
beforeAll(async () => {
  fx = await startEngine([slack], env);
});
afterAll(async () => fx?.close());

describe('hookbench send', () => {
  it('prints help for both commands', async () => {
    const send = await runCli(['send', '--help']);
    expect(send.code).toBe(0);
    expect(send.stdout).toContain('--track');
    const replay = await runCli(['replay', '--help']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain('--resign');
  }, 30_000);

  it('exit 0 with --track once the run settles as completed, printing each status', async () => {
    const res = await runCli(
      [
        'send',
        '--url',
        launchUrl(fx.url, 'slack'),
        '--header',
        'Content-Type: application/json',
        '--body',
        '{"text":"hi"}',
        ...slackFlags('{env:CLI_SECRET}'),
        '--track',
      ],
      { CLI_SECRET: SECRET, ...fastTrack },
      30_000,
    );
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^HTTP 200 OK/);
    expect(res.stdout).toMatch(/run [0-9a-f-]{36}: completed at .* — execution \S+ \(predict\)/);
  }, 30_000);

  it('exit 1 on a rejected request, 1 on a refused connection, 2 on bad usage', async () => {
    const bad = await runCli(['send', '--url', launchUrl(fx.url, 'slack'), '--body', 'x', ...slackFlags('wrong')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^HTTP 400/);
    const refused = await runCli(['send', '--url', 'http://127.0.0.1:9/x', '--body', 'x', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).record.error.kind).toBe('refused');
    const usage = await runCli(['send', '--body', 'x']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--url is required');
  }, 30_000);
});

describe('hookbench replay', () => {
  it('replays a capture from a data dir as-is (rejected: stale) and --resign (accepted)', async () => {
    const source = await startEngine([slack], env);
    const ts = String(Math.floor(Date.now() / 1000) - 3600);
    await fetch(`${source.url}/api/v0/launch/slack/`, {
      method: 'POST',
      body: '{"old":true}',
      headers: { 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': 'v0=00' },
    });
    const id = (await source.engine.handlers['captures.list']({ limit: 1 })).items[0].id;
    await source.engine.stop();
    try {
      const asIs = await runCli(['replay', id, '--to', launchUrl(fx.url, 'slack'), '--data-dir', source.dataDir]);
      expect(asIs.code, asIs.stderr).toBe(1);
      expect(asIs.stdout).toMatch(/^HTTP 400/);
      // --resign with no profile signs like the capture's trigger, secrets from the workspace env
      const resigned = await runCli(['replay', id, '--to', launchUrl(fx.url, 'slack'), '--resign', '--data-dir', source.dataDir, '--track'], fastTrack, 30_000);
      expect(resigned.code, resigned.stdout + resigned.stderr).toBe(0);
      expect(resigned.stdout).toMatch(/~ X-Slack-Request-Timestamp: \d+ -> \d+/);
      expect(resigned.stdout).toContain(': completed at');
    } finally {
      await source.close();
    }
  }, 60_000);
});
