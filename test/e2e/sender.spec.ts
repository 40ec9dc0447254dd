// A captured Slack request, replayed from the Inbox re-signed like a local trigger: the run it
// creates reaches `completed` on the Sender's timeline.
import { createHmac } from 'node:crypto';
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';

const SECRET = 'e2e-slack-signing-secret';

test('replay a captured Slack request re-signed to a local trigger and watch the run complete', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const triggerId = `e2e-slack-${tag}`;
  await hookbench.call('env.save', { env: [{ name: 'SLACK_SIGNING_SECRET', value: SECRET, secret: true }] });
  await hookbench.call('triggers.save', {
    trigger: {
      id: triggerId,
      title: `Slack ${tag}`,
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Slack-Signature',
          prefix: 'v0=',
          secretKey: '{env:SLACK_SIGNING_SECRET}',
          algorithm: 'sha256',
          hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
        },
        { type: 'web-timestamp', namespace: 'header', key: 'X-Slack-Request-Timestamp', tolerance: 60 },
      ],
      actions: [
        { type: 'web-response-json', json: { run_id: '{run_id}' } },
        { type: 'run-execution', step: 'predict', payloadInputName: 'payload' },
      ],
    },
  });

  // what Slack sent an hour ago, captured by the inbox: its timestamp is long stale now
  const path = uniquePath('slack');
  const body = 'token=x&team_id=T1&command=%2Fpredict&text=shark';
  const ts = String(Math.floor(Date.now() / 1000) - 3600);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const res = await fetch(`${hookbench.receiverUrl}${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': signature },
  });
  expect(res.status).toBe(200);

  await openInbox(page, hookbench.uiUrl);
  await rowFor(page, path).click();
  await page.getByTestId('replay-capture-button').click();

  const panel = page.getByTestId('replay-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('replay-capture')).toContainText(path);
  await panel.getByTestId('replay-to').fill(`${hookbench.receiverUrl}/api/v0/launch/${triggerId}/`);
  await panel.getByTestId('sign-like-trigger').selectOption(triggerId);
  await expect(panel.getByTestId('profile-format')).toHaveValue('v0:{header:X-Slack-Request-Timestamp}:{body}');
  await panel.getByTestId('replay-send').click();

  const response = page.getByTestId('sender-response');
  await expect(response).toContainText('200');
  await expect(response.getByTestId('header-diff')).toContainText('X-Slack-Request-Timestamp');
  const timeline = page.getByTestId('track-timeline');
  await expect(timeline).toHaveAttribute('data-status', 'completed', { timeout: 20_000 });
  await expect(timeline.getByTestId('timeline-entry').last()).toHaveAttribute('data-status', 'completed');
  await expect(timeline).toContainText('predict');
  await expect(page.getByTestId('history-row').first()).toContainText(triggerId);
});
