import { rm } from 'node:fs/promises';
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw, startServe } from './serve-process';
import { makeTempDir } from '../support/temp-dir';

test('captures survive kill -9 and a restart on the same data dir', async ({ page }) => {
  const dataDir = await makeTempDir('kill9');
  try {
    const first = await startServe(dataDir);
    const paths = [uniquePath('durable-a'), uniquePath('durable-b'), uniquePath('durable-c')];
    for (const [i, path] of paths.entries()) {
      const sent = await sendRaw(first.receiverUrl, { path, headers: [['Content-Type', 'text/plain']], body: `body ${i}` });
      expect(sent.status).toBe(200);
    }
    // answered means stored: no grace period before the kill
    await first.kill9();

    const second = await startServe(dataDir);
    try {
      expect((await second.call('captures.list', {})).total).toBe(3);
      await openInbox(page, second.uiUrl);
      for (const path of paths) await expect(rowFor(page, path)).toBeVisible();
      await rowFor(page, paths[1]).click();
      await page.getByTestId('capture-detail').getByTestId('tab-raw').click();
      await expect(page.getByTestId('body-view-raw')).toHaveText('body 1');
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
