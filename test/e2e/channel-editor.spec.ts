// The channel editor: each type shows its own fields (Custom: URL, headers, signing; Slack: webhook
// URL; Trigger: a trigger select), switching type keeps what still applies, and what is saved is
// the channel the fields describe.
import type { NotificationChannel, NotificationsView } from '@shared/notifications';
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

test('the channel editor shows the fields of each type and saves what they describe', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 8);
  await hookbench.call('triggers.save', { trigger: { id: `e2e-chan-${tag}`, title: `Chan target ${tag}`, enabled: true, conditions: [], actions: [] } });
  const saved = async (id: string): Promise<NotificationChannel | undefined> =>
    ((await hookbench.call('notifications.get', undefined)) as NotificationsView).channels.find((c) => c.id === id);

  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-notifications').click();
  await page.getByTestId('tab-channels').click();

  // Custom: URL, headers and signing
  await page.getByTestId('channel-new').click();
  const editor = page.getByTestId('channel-editor');
  await expect(editor.getByTestId('channel-type')).toHaveValue('custom');
  await expect(editor.getByTestId('channel-url')).toHaveAttribute('placeholder', 'https://example.com/hooks/valohai');
  await expect(editor.getByTestId('channel-trigger')).toHaveCount(0);
  await editor.getByTestId('channel-name').fill(`Custom ${tag}`);
  await editor.getByTestId('channel-id').fill(`custom-${tag}`);
  await editor.getByTestId('channel-url').fill('http://127.0.0.1:9/hook');
  await editor.getByTestId('channel-headers-add').click();
  await editor.getByTestId('channel-headers-name').fill('X-Team');
  await editor.getByTestId('channel-headers-value').fill('ml');
  await editor.getByTestId('channel-signing-toggle').check();
  await expect(editor.getByTestId('channel-signing-format')).toHaveValue('v0:{header:X-Hookbench-Timestamp}:{body}');
  await editor.getByTestId('channel-signing-format').fill('{body}');
  await editor.getByTestId('channel-save').click();
  await expect(editor).toHaveCount(0);
  const custom = await saved(`custom-${tag}`);
  expect(custom).toMatchObject({ type: 'custom', url: 'http://127.0.0.1:9/hook', headers: [{ name: 'X-Team', value: 'ml' }] });
  expect(custom?.type === 'custom' && custom.signing).toMatchObject({ header: 'X-Hookbench-Signature', prefix: 'sha256=', format: '{body}' });

  // to Slack: the URL stays, headers and signing go
  await page
    .getByTestId('channel-row')
    .filter({ hasText: `Custom ${tag}` })
    .getByTestId('channel-edit')
    .click();
  await editor.getByTestId('channel-type').selectOption('slack');
  await expect(editor.getByTestId('channel-url')).toHaveValue('http://127.0.0.1:9/hook');
  await expect(editor.getByTestId('channel-url')).toHaveAttribute('placeholder', 'https://hooks.slack.com/services/T00…/B00…/xxxx');
  await expect(editor.getByTestId('channel-headers')).toHaveCount(0);
  await expect(editor.getByTestId('channel-signing-toggle')).toHaveCount(0);
  await editor.getByTestId('channel-save').click();
  await expect(editor).toHaveCount(0);
  expect(await saved(`custom-${tag}`)).toEqual({ id: `custom-${tag}`, name: `Custom ${tag}`, type: 'slack', url: 'http://127.0.0.1:9/hook' });

  // Trigger: a trigger select instead of a URL
  await page.getByTestId('channel-new').click();
  await editor.getByTestId('channel-type').selectOption('trigger');
  await expect(editor.getByTestId('channel-url')).toHaveCount(0);
  await editor.getByTestId('channel-name').fill(`Local ${tag}`);
  await editor.getByTestId('channel-id').fill(`local-${tag}`);
  await editor.getByTestId('channel-trigger').selectOption({ label: `Chan target ${tag}` });
  await editor.getByTestId('channel-save').click();
  await expect(editor).toHaveCount(0);
  expect(await saved(`local-${tag}`)).toEqual({ id: `local-${tag}`, name: `Local ${tag}`, type: 'trigger', triggerId: `e2e-chan-${tag}` });
});
