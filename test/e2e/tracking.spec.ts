// Issue 14 item 6: tracking says why it is off when the response names no run, and follows the
// executions a run launched to their own end (run-info "completed" is not the end of the work).
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

test('no run id: tracking is off with the reason; a launched execution is followed until it finishes', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  await hookbench.call('triggers.save', { trigger: { id: `plain-${tag}`, title: 'Plain', enabled: true, conditions: [], actions: [{ type: 'web-response-text', text: 'ok' }] } });
  await hookbench.call('triggers.save', {
    trigger: { id: `exec-${tag}`, title: 'Exec', enabled: true, conditions: [], actions: [{ type: 'web-response-json', json: { run_id: '{run_id}' } }, { type: 'run-execution', step: `train-${tag}` }] },
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
