// A long inbox: the list knows every match (the scrollbar spans them all), End and a drag of
// the scrollbar reach the oldest capture directly, and the main search box looks into bodies.
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { capturesDir, openCaptureStore } from '../../src/main/engine/store/capture-store';
import { newCaptureId } from '../../src/main/engine/store/capture-id';
import { openInbox } from './inbox-page';
import { startServe, type ServeProcess } from './serve-process';
import { makeTempDir } from '../support/temp-dir';

const COUNT = 5000;
let serve: ServeProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = await makeTempDir('long');
  const store = await openCaptureStore(capturesDir(dataDir), { maxCaptures: 100_000, maxBytes: 1024 ** 3 });
  for (let i = 0; i < COUNT; i += 500) {
    await Promise.all(
      Array.from({ length: 500 }, (_, k) => {
        const n = i + k;
        const now = Date.now();
        return store.append({
          request: {
            id: newCaptureId(now),
            receivedAt: now,
            method: 'POST',
            url: `/long/${n}/end`,
            httpVersion: '1.1',
            rawHeaders: [['Content-Type', 'application/json']],
            body: Buffer.from(JSON.stringify({ n, event: n % 1000 === 7 ? 'Invoice.Paid' : 'push' })),
            remoteAddress: '127.0.0.1',
            remotePort: 1,
            timings: { startedAt: now, headersMs: 0, bodyMs: 0 },
          },
          decision: { kind: 'inbox', response: { status: 200, headers: [], body: 'ok' } },
        });
      }),
    );
  }
  await store.close();
  serve = await startServe(dataDir);
});

test.afterAll(async () => {
  await serve?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** the list's row height as rendered (rows are two lines since the row badges) */
const rowHeight = (page: import('@playwright/test').Page) =>
  page
    .getByTestId('capture-row')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);

const row = (page: import('@playwright/test').Page, n: number) => page.getByTestId('capture-row').filter({ hasText: `/long/${n}/end` });

test('the scrollbar spans every capture and End shows the oldest', async ({ page }) => {
  await openInbox(page, serve.uiUrl);
  await expect(page.getByTestId('capture-count')).toHaveText(`${COUNT.toLocaleString('en-US')} requests`);
  const list = page.getByTestId('capture-list');
  const height = await list.evaluate((el) => el.scrollHeight);
  expect(height).toBeGreaterThanOrEqual(COUNT * (await rowHeight(page)));
  await row(page, COUNT - 1).click();
  await page.keyboard.press('End');
  await expect(row(page, 0)).toBeVisible();
  await expect(row(page, 0)).toHaveAttribute('aria-selected', 'true');
  // and back up: j/k move from there, Home goes to the newest
  await page.keyboard.press('k');
  await expect(row(page, 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(row(page, COUNT - 1)).toHaveAttribute('aria-selected', 'true');
});

test('dragging the scrollbar to the middle loads the rows that are there', async ({ page }) => {
  await openInbox(page, serve.uiUrl);
  const list = page.getByTestId('capture-list');
  await expect(page.getByTestId('capture-row').first()).toBeVisible();
  await list.evaluate(
    (el, top) => {
      el.scrollTop = top;
    },
    (COUNT / 2) * (await rowHeight(page)),
  );
  // the row at list index COUNT/2 is capture number COUNT - 1 - COUNT/2
  await expect(row(page, COUNT - 1 - COUNT / 2)).toBeVisible();
  await expect(page.getByTestId('capture-row-pending')).toHaveCount(0);
});

test('the search box finds text in bodies, and a new match arrives live', async ({ page }) => {
  await openInbox(page, serve.uiUrl);
  await page.getByTestId('search-input').fill('invoice.paid');
  await expect(page.getByTestId('capture-count')).toHaveText('5 requests');
  await expect(page.getByTestId('capture-row')).toHaveCount(5);
  await fetch(`${serve.receiverUrl}/long/live/end`, { method: 'POST', body: '{"event":"INVOICE.PAID"}' });
  await expect(page.getByTestId('capture-count')).toHaveText('6 requests');
});
