// The whole chain: webhook → trigger with a run action → simulated local execution completes →
// notification delivered to the app's own inbox (a Custom channel at <receiver>/notify/…) →
// visible in the Notifications delivery log and in the Inbox.
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw } from './serve-process';

test('a finished local run is notified to the inbox and logged as delivered', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const step = `Train model e2e-${tag}`;
  const notifyPath = uniquePath('notify').replace('/e2e/', '/notify/');

  await hookbench.call('triggers.save', {
    trigger: {
      id: `e2e-notify-${tag}`,
      title: 'E2E notify',
      enabled: true,
      conditions: [],
      actions: [
        { type: 'web-response-text', text: 'launched {run_id}' },
        { type: 'run-execution', step },
      ],
    },
  });
  await hookbench.call('notifications.saveSettings', { delivery: { timeoutMs: 5_000, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 500 } });
  await hookbench.call('notifications.saveChannel', {
    channel: {
      id: `inbox-${tag}`,
      name: `Own inbox ${tag}`,
      type: 'custom',
      url: `${hookbench.receiverUrl}${notifyPath}`,
      headers: [{ name: 'X-E2E', value: tag }],
      signing: null,
    },
  });
  await hookbench.call('notifications.saveRouting', {
    routing: { id: `done-${tag}`, event: 'execution_completed', channelIds: [`inbox-${tag}`], filters: { step }, enabled: true },
  });

  const launched = await sendRaw(hookbench.receiverUrl, {
    path: `/api/v0/launch/e2e-notify-${tag}/`,
    headers: [['Content-Type', 'application/json']],
    body: JSON.stringify({ ref: 'refs/heads/main' }),
  });
  expect(launched.status).toBe(200);

  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-notifications').click();
  await page.getByTestId('tab-log').click();
  const row = page.getByTestId('delivery-row').filter({ hasText: `Own inbox ${tag}` });
  // the simulated run takes a couple of seconds; then one attempt
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  await row.click();
  const detail = page.getByTestId('delivery-detail');
  await expect(detail.getByTestId('delivery-detail-status')).toHaveText('succeeded');
  await expect(detail.getByTestId('delivery-request-body')).toContainText('"type": "execution_completed"');
  await expect(detail.getByTestId('delivery-request-body')).toContainText(step);
  await expect(detail.getByTestId('delivery-attempt').first()).toContainText('HTTP 200');

  await page.getByTestId('tab-channels').click();
  const channel = page.getByTestId('channel-row').filter({ hasText: `Own inbox ${tag}` });
  await expect(channel.getByTestId('channel-success-rate')).toHaveText('100% of 1');
  await expect(channel.getByTestId('health-chart')).toBeVisible();

  await page.getByTestId('nav-inbox').click();
  const inboxRow = rowFor(page, notifyPath);
  await expect(inboxRow).toBeVisible();
  await inboxRow.click();
  await expect(page.getByTestId('capture-detail')).toContainText('execution_completed');
});

test('the simulator previews the exact request and sends it', async ({ page, hookbench }) => {
  const path = uniquePath('sim');
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-notifications').click();
  await page.getByTestId('tab-simulator').click();
  await page.getByTestId('sim-event').selectOption('pipeline_failed');
  await expect(page.getByTestId('sim-payload')).toHaveValue(/"type": "pipeline_failed"/);
  await page.getByTestId('sim-url').fill(`${hookbench.receiverUrl}${path}`);
  const preview = page.getByTestId('sim-preview-request');
  await expect(preview).toContainText(`POST ${hookbench.receiverUrl}${path}`);
  await expect(preview).toContainText('X-Hookbench-Event: pipeline_failed');
  await expect(page.getByTestId('sim-schema-problems')).toHaveCount(0);
  await page.getByTestId('sim-send').click();
  await expect(page.getByTestId('sim-note')).toContainText('Sent as delivery');
  await page.getByTestId('nav-inbox').click();
  await expect(rowFor(page, path)).toBeVisible();
});
