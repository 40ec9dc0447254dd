// Issue 14 item 6: tracking says why it is off when the response names no run, and follows the
// executions a run launched to their own end (run-info "completed" is not the end of the work).
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

test('no run id: tracking is off with the reason; a launched execution is followed until it finishes', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  await hookbench.call('triggers.save', {
    trigger: { id: `plain-${tag}`, title: 'Plain', enabled: true, conditions: [], actions: [{ type: 'web-response-text', text: 'ok' }] },
  });
  await hookbench.call('triggers.save', {
    trigger: {
      id: `exec-${tag}`,
      title: 'Exec',
      enabled: true,
      conditions: [],
      actions: [
        { type: 'web-response-json', json: { run_id: '{run_id}' } },
        { type: 'run-execution', step: `train-${tag}` },
      ],
    },
  });
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-sender').click();
  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/api/v0/launch/plain-${tag}/`);
  await expect(page.getByTestId('composer-track')).toBeChecked();
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('track-note')).toContainText('tracking is off: the response names no run id');
  await expect(page.getByTestId('track-timeline')).toHaveCount(0);

  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/api/v0/launch/exec-${tag}/`);
  await page.getByTestId('composer-send').click();
  const timeline = page.getByTestId('track-timeline');
  await expect(timeline).toHaveAttribute('data-work', 'finished', { timeout: 30_000 });
  await expect(timeline).toHaveAttribute('data-status', 'completed');
  await expect(timeline.getByTestId('launched-work')).toHaveAttribute('data-status', 'completed');
  await expect(timeline.getByTestId('track-state')).toContainText('everything it launched has finished');
});

test('"Track the run" is on only for a launch URL: elsewhere it is off with the reason, and a send tracks nothing', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  await hookbench.call('triggers.save', {
    trigger: { id: `auto-${tag}`, title: 'Auto', enabled: true, conditions: [], actions: [{ type: 'web-response-json', json: { run_id: '{run_id}' } }] },
  });
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-sender').click();
  const track = page.getByTestId('composer-track');
  const hint = page.getByTestId('composer-track-hint');

  // before any URL, and for a plain inbox URL: off, and the line says why
  await page.getByTestId('composer-url').fill('');
  await expect(track).not.toBeChecked();
  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/hooks/plain-${tag}`);
  await expect(track).not.toBeChecked();
  await expect(hint).toHaveAttribute('data-launch', 'false');
  await expect(hint).toContainText('off: not a trigger launch URL');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('sender-response')).toContainText(`/hooks/plain-${tag}`);
  await expect(page.getByTestId('track-note')).toHaveCount(0);
  await expect(page.getByTestId('track-timeline')).toHaveCount(0);

  // a run-info URL is not a launch either
  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/api/v0/launch/auto-${tag}/run/`);
  await expect(track).not.toBeChecked();
  await expect(hint).toContainText('run-info URL');

  // the launch URL: on, and the run its answer names is followed
  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/api/v0/launch/auto-${tag}/`);
  await expect(track).toBeChecked();
  await expect(hint).toHaveAttribute('data-launch', 'true');
  await expect(hint).toContainText(`launch URL of trigger auto-${tag}`);
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('track-timeline')).toHaveAttribute('data-state', /polling|settled/);

  // the user's choice sticks: ticked by hand on a non-launch URL, it says tracking waits for a run id
  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/hooks/plain-${tag}`);
  await expect(track).not.toBeChecked();
  await track.check();
  await expect(hint).toContainText('tracking starts only if the answer names a run id');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('track-note')).toContainText('tracking is off: the response names no run id');
});
