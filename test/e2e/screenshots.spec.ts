// Regenerates the README screenshots (docs/screenshots/*.png) from a fresh, seeded serve.
import { createHmac } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw, startServe, type ServeProcess } from './serve-process';
import { findPreset } from '@shared/triggers/presets';
import { makeTempDir } from '../support/temp-dir';

const OUT = resolve(__dirname, '../../docs/screenshots');

const githubPush = JSON.stringify({
  ref: 'refs/heads/main',
  before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  after: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
  repository: { id: 1296269, full_name: 'octo-org/model-training', private: true },
  pusher: { name: 'octocat', email: 'octocat@github.com' },
  head_commit: { id: '0d1a26e6', message: 'Tune learning rate schedule', timestamp: '2026-11-23T09:14:03Z' },
});

async function seed(serve: ServeProcess): Promise<void> {
  const send = (path: string, headers: Array<[string, string]>, body: string) => sendRaw(serve.receiverUrl, { path, headers, body });
  await send(
    '/stripe/events',
    [
      ['Content-Type', 'application/json'],
      ['Stripe-Signature', 't=1732353243,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd'],
    ],
    '{"id":"evt_1Q","type":"invoice.paid","data":{"object":{"amount_paid":4200}}}',
  );
  await send('/slack/commands?team=T024', [['Content-Type', 'application/x-www-form-urlencoded']], 'command=%2Fpredict&text=churn+model&user_name=ada');
  await sendRaw(serve.receiverUrl, { method: 'GET', path: '/healthz' });
  await send('/ci/artifacts', [['Content-Type', 'application/octet-stream']], '\u0000\u0001binary');
  await send(
    '/github/webhook',
    [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'GitHub-Hookshot/2f5e1a7'],
      ['X-GitHub-Event', 'push'],
      ['X-GitHub-Delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958'],
      ['X-Hub-Signature-256', 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'],
    ],
    githubPush,
  );
}

const GH_SECRET = 'github-webhook-secret';
const SLACK_SECRET = 'slack-signing-secret';

async function seedTriggers(serve: ServeProcess): Promise<void> {
  await serve.call('env.save', {
    env: [
      { name: 'GITHUB_WEBHOOK_SECRET', value: GH_SECRET, secret: true },
      { name: 'SLACK_SIGNING_SECRET', value: SLACK_SECRET, secret: true },
      { name: 'WEBHOOK_TOKEN', value: SLACK_SECRET, secret: true },
    ],
  });
  await serve.call('triggers.save', {
    trigger: {
      id: 'deploy-on-push',
      title: 'Deploy on push',
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Hub-Signature-256',
          prefix: 'sha256=',
          secretKey: '{env:GITHUB_WEBHOOK_SECRET}',
          algorithm: 'sha256',
          hmacFormat: '{body}',
        },
      ],
      actions: [
        { type: 'web-response-json', json: { run_id: '{run_id}' } },
        { type: 'run-execution', step: 'deploy' },
      ],
    },
  });
  await serve.call('triggers.save', { trigger: { ...findPreset('slack')!.build(), id: 'slack-predict', title: 'Slack /predict' } });
  const push = githubPush;
  const sig = (body: string) => `sha256=${createHmac('sha256', GH_SECRET).update(body).digest('hex')}`;
  const gh = (body: string, signature: string) =>
    sendRaw(serve.receiverUrl, {
      path: '/api/v0/launch/deploy-on-push/',
      headers: [
        ['Content-Type', 'application/json'],
        ['User-Agent', 'GitHub-Hookshot/2f5e1a7'],
        ['X-GitHub-Event', 'push'],
        ['X-Hub-Signature-256', signature],
      ],
      body,
    });
  await gh(push, sig(push));
  await gh(push, sig(push.replace('main', 'dev')));
  await sendRaw(serve.receiverUrl, {
    path: '/api/v0/launch/deploy-on-pr/',
    headers: [
      ['Content-Type', 'application/json'],
      ['X-GitHub-Event', 'pull_request'],
    ],
    body: '{"action":"opened"}',
  });
  // the Sender launches it too and follows the run: its launch and its polls are marked as Hookbench's own
  await serve.call('sender.send', {
    draft: {
      url: `${serve.receiverUrl}/api/v0/launch/deploy-on-push/`,
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', 'push'],
      ],
      bodyBase64: Buffer.from(push).toString('base64'),
      profile: {
        id: 'gh',
        name: 'GitHub',
        kind: 'hmac',
        secret: '{env:GITHUB_WEBHOOK_SECRET}',
        placement: { namespace: 'header', key: 'X-Hub-Signature-256', prefix: 'sha256=' },
        algorithm: 'sha256',
        encoding: 'hex',
        format: '{body}',
      },
    },
    track: true,
  });
}

test('screenshots for the README', async ({ page }) => {
  test.setTimeout(120_000);
  await mkdir(OUT, { recursive: true });
  const dataDir = await makeTempDir('shots');
  const serve = await startServe(dataDir);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await seed(serve);
    await seedTriggers(serve);
    await openInbox(page, serve.uiUrl);
    await expect(page.locator('[data-sent-by="run-info-poll"]').first()).toBeVisible({ timeout: 15_000 });
    await rowFor(page, '/api/v0/launch/deploy-on-push/')
      .filter({ has: page.locator('[data-outcome="launched"]') })
      .filter({ hasNot: page.getByTestId('row-self') })
      .click();
    await expect(page.getByTestId('capture-detail').getByTestId('trace')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'inbox.png') });
    // the answer the receiver wrote, header block as on the wire
    const answer = page.getByTestId('capture-detail').getByTestId('response');
    await answer.scrollIntoViewIfNeeded();
    await expect(answer.getByTestId('response-head')).toContainText('Keep-Alive');
    await answer.screenshot({ path: join(OUT, 'response-sent.png') });

    // a Slack request whose sender signed minified JSON but sent it pretty-printed
    const event = { type: 'event_callback', event: { type: 'app_mention', text: 'predict churn for account 4411' } };
    const ts = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', SLACK_SECRET)
      .update(`v0:${ts}:${JSON.stringify(event)}`)
      .digest('hex');
    await sendRaw(serve.receiverUrl, {
      path: '/api/v0/launch/slack-predict/',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Slack-Request-Timestamp', String(ts)],
        ['X-Slack-Signature', `v0=${signature}`],
      ],
      body: JSON.stringify(event, null, 2),
    });
    await rowFor(page, '/api/v0/launch/slack-predict/').first().click();
    await page.getByTestId('diagnose').click();
    await expect(page.getByTestId('forensics-sentence').first()).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByTestId('forensics-sentence').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'trace.png') });

    // a body a proxy changed by one character: the comparator finds the byte and clears the secret
    const signed = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention', text: 'predict churn for account 4411', channel: 'C024BE91L' } });
    const delivered = signed.replace('4411', '4417');
    const ts2 = Math.floor(Date.now() / 1000);
    const sig2 = createHmac('sha256', SLACK_SECRET).update(`v0:${ts2}:${signed}`).digest('hex');
    await sendRaw(serve.receiverUrl, {
      path: '/api/v0/launch/slack-predict/?proxy=1',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Slack-Request-Timestamp', String(ts2)],
        ['X-Slack-Signature', `v0=${sig2}`],
      ],
      body: delivered,
    });
    await rowFor(page, '/api/v0/launch/slack-predict/?proxy=1').click();
    const comparator = page.getByTestId('capture-detail').getByTestId('basestring-comparator');
    await comparator.getByTestId('comparator-input').fill(`v0:${ts2}:${signed}`);
    await comparator.getByTestId('comparator-sign').click();
    await expect(comparator.getByTestId('comparator-sign-verdict')).toBeVisible();
    await comparator.scrollIntoViewIfNeeded();
    await comparator.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: join(OUT, 'comparator.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // the Sender: request and response side by side, the JSON body in CodeMirror, export in view
    await page.getByTestId('nav-sender').click();
    await page.getByTestId('history-row').first().click();
    await expect(page.getByTestId('sender-response')).toBeVisible();
    await page.getByTestId('composer-url').fill(`${serve.receiverUrl}/api/v0/launch/deploy-on-push/`);
    await page.getByTestId('export-curl').click();
    await expect(page.getByTestId('export-text')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'sender.png') });

    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-page')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'settings.png') });

    await page.getByTestId('theme-dark').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByTestId('nav-inbox').click();
    await rowFor(page, '/github/webhook').click();
    await expect(page.getByTestId('body-view-json')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'dark.png') });
    await page.getByTestId('nav-sender').click();
    await expect(page.getByTestId('sender-response')).toBeVisible();
    await page.screenshot({ path: join(OUT, 'sender-dark.png') });
  } finally {
    await serve.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
