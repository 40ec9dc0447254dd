// Issue 3 in the browser: a Slack trigger built from its preset, a valid and a tampered
// request, the trace with the basestring visualiser, and forensics naming the sender's mistake.
import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw } from './serve-process';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

function slackHeaders(signedBody: string, timestamp: number): Array<[string, string]> {
  // Slack's documented scheme, computed here independently of Hookbench's code
  const signature = createHmac('sha256', SECRET).update(`v0:${timestamp}:${signedBody}`).digest('hex');
  return [
    ['Content-Type', 'application/json'],
    ['X-Slack-Request-Timestamp', String(timestamp)],
    ['X-Slack-Signature', `v0=${signature}`],
  ];
}

test('a Slack trigger from its preset launches a valid request and explains a tampered one', async ({ page, hookbench }) => {
  const id = `slack-${Date.now().toString(36)}`;
  await hookbench.call('env.save', { env: [{ name: 'SLACK_SIGNING_SECRET', value: SECRET, secret: true }] });

  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-triggers').click();
  await page.getByTestId('new-from-preset').selectOption('slack');
  const editor = page.getByTestId('trigger-editor');
  await editor.getByTestId('input-id').fill(id);
  await editor.getByTestId('save-trigger').click();
  await expect(page.getByTestId('trigger-item').filter({ hasText: id })).toBeVisible();

  const launchPath = `/api/v0/launch/${id}/`;
  const payload = { type: 'event_callback', event: { type: 'app_mention', text: 'predict https://example.com/cat.jpg' } };
  const minified = JSON.stringify(payload);
  const pretty = JSON.stringify(payload, null, 2);
  const now = Math.floor(Date.now() / 1000);

  const valid = await sendRaw(hookbench.receiverUrl, { path: launchPath, headers: slackHeaders(minified, now), body: minified });
  expect(valid.status).toBe(200);
  // the sender signs the minified JSON but sends it pretty-printed
  const tampered = await sendRaw(hookbench.receiverUrl, { path: `${launchPath}?attempt=2`, headers: slackHeaders(minified, now), body: pretty });
  expect(tampered.status).toBe(400);
  expect(tampered.body).toBe('Bad Request');

  await page.getByTestId('nav-inbox').click();
  await rowFor(page, `${launchPath}?attempt=2`).click();
  const trace = page.getByTestId('capture-detail').getByTestId('trace');
  await expect(trace).toHaveAttribute('data-outcome', 'rejected');
  const hmac = trace.locator('[data-testid="condition-result"][data-type="web-auth"]');
  await expect(hmac).toHaveAttribute('data-passed', 'false');
  await expect(hmac.getByTestId('condition-reason')).toContainText('HMAC mismatch');
  const timestampCheck = trace.locator('[data-testid="condition-result"][data-type="web-timestamp"]');
  await expect(timestampCheck).toHaveAttribute('data-passed', 'true');

  const visualiser = trace.getByTestId('basestring-visualiser');
  await expect(visualiser).toBeVisible();
  await expect(visualiser.getByTestId('vis-row').filter({ hasText: 'X-Slack-Request-Timestamp' })).toContainText(String(now));
  await expect(visualiser.getByTestId('basestring-length')).toContainText(String(Buffer.byteLength(`v0:${now}:${pretty}`)));
  await expect(trace.getByTestId('signature-compare')).toHaveAttribute('data-match', 'false');

  await trace.getByTestId('diagnose').click();
  await expect(trace.getByTestId('forensics-sentence').first()).toContainText(/minified/i);

  await rowFor(page, launchPath).filter({ hasNotText: 'attempt=2' }).click();
  await expect(page.getByTestId('capture-detail').getByTestId('trace')).toHaveAttribute('data-outcome', 'launched');
});
