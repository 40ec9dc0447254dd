// Issue 14 item 5: the Sender laid out like an API client — request and response side by side,
// each scrolling on its own; a CodeMirror JSON body with Format and validation; export in view.
import { expect, test } from './fixtures';
import { openInbox } from './inbox-page';

test('the Sender: two panes that scroll on their own, a JSON editor that formats and validates, export output in view', async ({ page, hookbench }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openInbox(page, hookbench.uiUrl);
  await page.getByTestId('nav-sender').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sender' })).toBeVisible();

  const request = page.getByTestId('sender-request-pane');
  const response = page.getByTestId('sender-response-pane');
  const left = await request.boundingBox();
  const right = await response.boundingBox();
  expect(left && right && right.x >= left.x + left.width - 1).toBe(true);
  expect(Math.abs((left?.y ?? 0) - (right?.y ?? 1))).toBeLessThan(2);

  await page.getByTestId('composer-url').fill(`${hookbench.receiverUrl}/sender-layout?x=1`);
  const editor = page.getByTestId('composer-body');
  const input = editor.getByTestId('composer-body-input');
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('{"b":[1,2],"a":{"c":true}}');
  await expect(editor.getByTestId('json-status')).toHaveText('Valid JSON');
  await editor.getByTestId('body-format').click();
  await expect(input).toContainText('"b": [');
  await expect(editor.locator('.cm-line')).toHaveCount(JSON.stringify({ b: [1, 2], a: { c: true } }, null, 2).split('\n').length);
  await input.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(',');
  await expect(editor.getByTestId('json-status')).toContainText('Invalid JSON');
  await expect(editor).toHaveAttribute('data-valid', 'false');
  await page.keyboard.press('Backspace');
  await expect(editor).toHaveAttribute('data-valid', 'true');

  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('sender-response')).toContainText('200');
  // the page itself never scrolls; each pane does
  const scrolls = await page.evaluate(() => ({ doc: document.scrollingElement!.scrollHeight <= window.innerHeight + 1 }));
  expect(scrolls.doc).toBe(true);
  for (const pane of [request, response]) expect(await pane.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');

  await page.getByTestId('export-curl').click();
  await expect(page.getByTestId('export-text')).toBeInViewport();
  await expect(page.getByTestId('export-text')).not.toContainText('set -e');

  // replay: the To field takes the pane's width
  await page.getByRole('tab', { name: 'Replay' }).click();
  const to = page.getByTestId('replay-to');
  expect((await to.boundingBox())!.width).toBeGreaterThan(400);
});
