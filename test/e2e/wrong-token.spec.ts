// Issue 14 item 9: a wrong token says to open the printed URL instead of reconnecting forever.
import { expect, test } from './fixtures';

test('a wrong token stops with the printed-URL advice instead of reconnecting forever', async ({ page, hookbench }) => {
  await page.goto(`${hookbench.origin}/?token=not-the-token`);
  const banner = page.getByTestId('disconnected-banner');
  await expect(banner).toContainText('access token was refused', { timeout: 15_000 });
  await expect(banner).toContainText('Open the UI URL');
  await expect(banner).not.toContainText('Reconnecting');
  // and it stays that way: no retry loop
  await page.waitForTimeout(2_500);
  await expect(banner).not.toContainText('Reconnecting');
});
