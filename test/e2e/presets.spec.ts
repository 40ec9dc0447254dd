// Issue 14 item 7: presets name their provider's secret (no shared WEBHOOK_TOKEN), and a missing
// variable is defined right in the trigger editor.
import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw } from './serve-process';
import { findPreset } from '@shared/triggers/presets';

test('GitHub and Slack presets use their own secrets; "Define it" sets the missing one and the trigger launches', async ({ page, hookbench }) => {
  const secretOf = (id: string) => (findPreset(id)!.build().conditions[0] as { secretKey: string }).secretKey;
  expect(secretOf('github')).toBe('{env:GITHUB_WEBHOOK_SECRET}');
  expect(secretOf('slack')).toBe('{env:SLACK_SIGNING_SECRET}');

  const id = `gh-define-${Math.random().toString(36).slice(2, 8)}`;
  const name = 'GITHUB_WEBHOOK_SECRET';
  await hookbench.call('env.save', { env: (await hookbench.call('env.list')).filter((v) => v.name !== name) });
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-triggers').click();
  await page.getByTestId('new-from-preset').selectOption('github');
  const editor = page.getByTestId('trigger-editor');
  await editor.getByTestId('input-id').fill(id);
  await expect(editor.getByTestId('warning-conditions[0].secretKey')).toContainText('not defined');
  await editor.getByTestId(`define-env-${name}`).click();
  await editor.getByTestId(`define-env-value-${name}`).fill('s3cret-from-the-editor');
  await editor.getByTestId(`define-env-save-${name}`).click();
  await expect(editor.getByText(`{env:${name}} → secret variable`)).toBeVisible();
  await expect(editor.getByTestId('warning-conditions[0].secretKey')).toHaveCount(0);
  await editor.getByTestId('save-trigger').click();
  await expect(page.getByTestId('trigger-item').filter({ hasText: id })).toBeVisible();

  const body = '{"zen":"Design for failure."}';
  const sig = `sha256=${createHmac('sha256', 's3cret-from-the-editor').update(body).digest('hex')}`;
  const res = await sendRaw(hookbench.receiverUrl, {
    path: `/api/v0/launch/${id}/`,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-GitHub-Event', 'ping'],
      ['X-Hub-Signature-256', sig],
    ],
    body,
  });
  expect(res.status).toBe(200);
  await page.getByTestId('nav-inbox').click();
  await expect(rowFor(page, `/api/v0/launch/${id}/`).getByTestId('row-trigger')).toHaveAttribute('data-outcome', 'launched');
});

test('Delete in the inbox can be undone, and happens for real when the undo window closes', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const keep = `/undo/${tag}/keep`;
  const drop = `/undo/${tag}/drop`;
  await sendRaw(hookbench.receiverUrl, { path: keep, body: 'a' });
  await sendRaw(hookbench.receiverUrl, { path: drop, body: 'b' });
  await openInbox(page, hookbench.uiUrl);
  await rowFor(page, keep).click();
  await page.keyboard.press('Delete');
  await expect(rowFor(page, keep)).toHaveCount(0);
  await page.getByTestId('undo-delete').click();
  await expect(rowFor(page, keep)).toHaveCount(1);
  // the engine never deleted it
  const listed = await hookbench.call('captures.list', { filter: { path: keep } });
  expect(listed.total).toBe(1);

  await rowFor(page, drop).click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('undo-toast')).toContainText('Deleted 1 request');
  await expect(page.getByTestId('undo-toast')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => (await hookbench.call('captures.list', { filter: { path: drop } })).total, { timeout: 10_000 }).toBe(0);
});
