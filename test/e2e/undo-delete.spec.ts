// Issue 14 item 8: no delete in the UI is instant and final. A signing profile goes with a 6 s
// Undo (the engine deletes it only when the window closes); triggers ask once before deleting.
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

test('deleting a signing profile can be undone; the engine deletes it only once the undo window closes', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const profile = {
    id: `undo-${tag}`,
    name: `Undo me ${tag}`,
    kind: 'hmac',
    secret: 'shh',
    algorithm: 'sha256',
    encoding: 'hex',
    format: '{body}',
    placement: { namespace: 'header', key: 'X-Signature' },
  } as const;
  await hookbench.call('signing.saveProfile', { profile });
  const stored = async () => (await hookbench.call('signing.listProfiles')).some((p) => p.id === profile.id);

  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-sender').click();
  const picker = page.getByTestId('composer').getByTestId('profile-picker');
  await picker.selectOption(profile.id);
  await page.getByTestId('composer').getByTestId('delete-profile').click();

  // gone from the UI at once, still in the engine, with an Undo
  await expect(picker.locator('option', { hasText: profile.name })).toHaveCount(0);
  await expect(page.getByTestId('undo-bar')).toContainText(`Deleted signing profile “${profile.name}”`);
  expect(await stored()).toBe(true);
  await page.getByTestId('undo-bar-undo').click();
  await expect(page.getByTestId('undo-bar')).toHaveCount(0);
  await expect(picker.locator('option', { hasText: profile.name })).toHaveCount(1);
  expect(await stored()).toBe(true);

  // without Undo, the window closes and the engine deletes it
  await picker.selectOption(profile.id);
  await page.getByTestId('composer').getByTestId('delete-profile').click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(page.getByTestId('undo-bar')).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(stored).toBe(false);
  await expect(picker.locator('option', { hasText: profile.name })).toHaveCount(0);
});

test('deleting a trigger asks once; the trigger stays until the confirm', async ({ page, hookbench }) => {
  const id = `confirm-${Math.random().toString(36).slice(2, 8)}`;
  await hookbench.call('triggers.save', {
    trigger: { id, title: `Confirm ${id}`, enabled: true, conditions: [], actions: [{ type: 'web-response-text', text: 'ok' }] },
  });
  const exists = async () => (await hookbench.call('triggers.list')).some((t) => t.id === id);
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-triggers').click();
  await page.getByTestId('trigger-item').filter({ hasText: id }).click();
  await page.getByTestId('delete-trigger').click();
  expect(await exists()).toBe(true);
  await page.getByTestId('delete-trigger-confirm').click();
  await expect.poll(exists).toBe(false);
  await expect(page.getByTestId('trigger-item').filter({ hasText: id })).toHaveCount(0);
});
