import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor, shownHeaders } from './inbox-page';
import { sendRaw } from './serve-process';

test.beforeEach(async ({ page, hookbench }) => {
  await openInbox(page, hookbench.uiUrl);
});

test('a webhook appears within a second and opens with its exact body and headers', async ({ page, hookbench }) => {
  const path = uniquePath('json');
  const body = '{"event":"push","ref":"refs/heads/main","n":1,"nested":{"ok":true}}';
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['X-Hookbench-Test', 'first'],
    ['x-hookbench-test', 'second'],
    ['X-Signature-256', 'sha256=abc123'],
  ];
  const sent = await sendRaw(hookbench.receiverUrl, { path: `${path}?delivery=42`, headers, body });
  expect(sent.status).toBe(200);

  const row = rowFor(page, path);
  await expect(row).toBeVisible({ timeout: 1_000 });
  await row.click();

  const detail = page.getByTestId('capture-detail');
  await expect(detail.getByTestId('request-line')).toContainText(`${path}?delivery=42`);
  const shown = await shownHeaders(page);
  // every header we sent, in order, with its case and duplicates kept
  const ours = shown.filter(([name]) => headers.some(([sentName]) => sentName === name));
  expect(ours).toEqual(headers);

  await detail.getByTestId('tab-raw').click();
  await expect(detail.getByTestId('body-view-raw')).toHaveText(body);
});

test('a binary body is shown as hex', async ({ page, hookbench }) => {
  const path = uniquePath('binary');
  const bytes = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f, 0x41, 0x42, 0x43, 0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xba, 0xbe, 0x01]);
  const sent = await sendRaw(hookbench.receiverUrl, { path, headers: [['Content-Type', 'application/octet-stream']], body: bytes });
  expect(sent.status).toBe(200);

  const row = rowFor(page, path);
  await expect(row).toBeVisible({ timeout: 1_000 });
  await row.click();
  const detail = page.getByTestId('capture-detail');
  const hexTab = detail.getByTestId('tab-hex');
  if (await hexTab.isVisible()) await hexTab.click();
  const hex = detail.getByTestId('body-view-hex');
  await expect(hex).toContainText('00 ff 10 80 7f 41 42 43  de ad be ef ca fe ba be');
  await expect(hex).toContainText('00000010');
  await expect(detail.getByTestId('body-size')).toContainText('17 bytes');
});

test('a 30 MB body gets 413 and nothing is stored', async ({ page, hookbench }) => {
  const warmup = uniquePath('before-413');
  await sendRaw(hookbench.receiverUrl, { path: warmup, body: 'x' });
  await expect(rowFor(page, warmup)).toBeVisible();
  const before = (await hookbench.call('captures.list', { limit: 1 })).total;
  const countBefore = await page.getByTestId('capture-count').innerText();

  const path = uniquePath('too-large');
  const sent = await sendRaw(hookbench.receiverUrl, {
    path,
    headers: [['Content-Type', 'application/octet-stream']],
    body: Buffer.alloc(30 * 1024 * 1024, 0x61),
  });
  expect(sent.status).toBe(413);

  // give a wrongly stored capture the time to show up before asserting it did not
  await page.waitForTimeout(750);
  await expect(rowFor(page, path)).toHaveCount(0);
  await expect(page.getByTestId('capture-count')).toHaveText(countBefore);
  expect((await hookbench.call('captures.list', { limit: 1 })).total).toBe(before);
});
