// A damaged journal and a data dir others can read: the UI says so in a banner, with the
// damaged file, offset and bytes skipped under Details, while every intact capture is listed.
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listSegments, segmentPath } from '../../src/main/engine/store/segment-files';
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw, startServe } from './serve-process';
import { makeTempDir } from '../support/temp-dir';

test('damaged storage and wide permissions show a banner; intact captures stay listed', async ({ page }, testInfo) => {
  const dataDir = await makeTempDir('banner');
  try {
    const first = await startServe(dataDir);
    const paths = Array.from({ length: 6 }, (_, i) => uniquePath(`banner-${i}`));
    for (const path of paths)
      expect((await sendRaw(first.receiverUrl, { path, headers: [['Content-Type', 'text/plain']], body: `body of ${path}` })).status).toBe(200);
    await first.stop();

    const captures = join(dataDir, 'captures');
    const [segment] = await listSegments(captures);
    const file = segmentPath(captures, segment);
    const bytes = await readFile(file);
    // damage inside one record's body (the third), so exactly one frame fails its CRC whatever
    // the records' lengths are
    const at = bytes.indexOf(Buffer.from(`body of ${paths[2]}`));
    expect(at).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) bytes[at + i] ^= 0xff;
    await writeFile(file, bytes);
    await chmod(dataDir, 0o755);

    const second = await startServe(dataDir);
    try {
      expect((await second.call('captures.list', {})).total).toBe(5);
      await openInbox(page, second.uiUrl);
      const banner = page.getByTestId('storage-banner');
      await expect(banner).toContainText('Damaged storage: 1 damaged range');
      await expect(banner).toContainText('Data dir permissions');
      await banner.getByText('Details').click();
      await expect(banner).toContainText(file);
      await expect(banner).toContainText('chmod 700');
      await page.screenshot({ path: testInfo.outputPath('storage-banner.png') });
      let listed = 0;
      for (const path of paths) listed += (await rowFor(page, path).count()) > 0 ? 1 : 0;
      expect(listed).toBe(5);
      await banner.getByRole('button', { name: 'Dismiss' }).click();
      await expect(banner).toBeHidden();
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
