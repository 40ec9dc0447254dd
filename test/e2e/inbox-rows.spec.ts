// Issue 14 item 3: inbox rows say what a request was — the trigger it hit by title with what
// the trigger did, the provider event, and a marker on requests Hookbench itself sent.
import { createHmac } from 'node:crypto';
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw } from './serve-process';

test('rows show trigger title and outcome, the provider event, and what Hookbench sent itself', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const id = `rows-${tag}`;
  const secret = `rows-secret-${tag}`;
  await hookbench.call('env.save', { env: [{ name: 'GITHUB_WEBHOOK_SECRET', value: secret, secret: true }] });
  await hookbench.call('triggers.save', {
    trigger: {
      id,
      title: `Deploy on push ${tag}`,
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
      actions: [{ type: 'web-response-json', json: { run_id: '{run_id}' } }],
    },
  });
  const launch = `/api/v0/launch/${id}/`;
  const body = JSON.stringify({ ref: 'refs/heads/main', action: 'opened' });
  const sig = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const gh = (path: string, signature: string) =>
    sendRaw(hookbench.receiverUrl, {
      path,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', 'pull_request'],
        ['X-Hub-Signature-256', signature],
      ],
      body,
    });
  expect((await gh(`${launch}?ok=1`, sig)).status).toBe(200);
  expect((await gh(`${launch}?bad=1`, 'sha256=00')).status).toBe(400);
  expect((await sendRaw(hookbench.receiverUrl, { path: `/api/v0/launch/nope-${tag}/` })).status).toBe(404);
  const stripePath = uniquePath('stripe');
  await sendRaw(hookbench.receiverUrl, {
    path: stripePath,
    headers: [
      ['Content-Type', 'application/json'],
      ['Stripe-Signature', 't=1,v1=ab'],
    ],
    body: '{"id":"evt_1","type":"invoice.paid"}',
  });
  const slackPath = uniquePath('slack');
  await sendRaw(hookbench.receiverUrl, {
    path: slackPath,
    headers: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['X-Slack-Signature', 'v0=ab'],
      ['X-Slack-Request-Timestamp', '1'],
    ],
    body: 'command=%2Fpredict&text=churn',
  });

  // the Sender sends a signed launch and tracks its run: the launch is Hookbench's own, and so are the polls
  const sent = await hookbench.call('sender.send', {
    draft: {
      url: `${hookbench.receiverUrl}${launch}?from=sender`,
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', 'pull_request'],
      ],
      bodyBase64: Buffer.from(body).toString('base64'),
      profile: {
        id: `p-${tag}`,
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
  expect(sent.response?.status).toBe(200);

  await openInbox(page, hookbench.uiUrl);
  const launched = rowFor(page, `${launch}?ok=1`);
  await expect(launched.getByTestId('row-trigger')).toHaveAttribute('data-outcome', 'launched');
  await expect(launched.getByTestId('row-trigger')).toContainText(`Deploy on push ${tag}`);
  await expect(launched.getByTestId('row-trigger')).toContainText('launched');
  await expect(launched.getByTestId('row-event')).toHaveText('pull_request.opened');
  await expect(launched.getByTestId('row-self')).toHaveCount(0);
  await expect(rowFor(page, `${launch}?bad=1`).getByTestId('row-trigger')).toContainText('rejected');
  await expect(rowFor(page, `/api/v0/launch/nope-${tag}/`).getByTestId('row-trigger')).toContainText('not found');
  await expect(rowFor(page, stripePath).getByTestId('row-event')).toHaveText('invoice.paid');
  await expect(rowFor(page, slackPath).getByTestId('row-event')).toHaveText('/predict');

  const fromSender = rowFor(page, `${launch}?from=sender`);
  await expect(fromSender.getByTestId('row-self')).toHaveAttribute('data-sent-by', 'sender');
  await expect(fromSender.getByTestId('row-trigger')).toContainText('launched');
  const poll = page
    .getByTestId('capture-row')
    .filter({ has: page.locator('[data-sent-by="run-info-poll"]') })
    .first();
  await expect(poll).toBeVisible({ timeout: 15_000 });
  await expect(poll.getByTestId('row-trigger')).toContainText('run info');
  await expect(poll.getByTestId('row-trigger')).toContainText(`Deploy on push ${tag}`);
});
