// How the e2e specs drive the Inbox, in one place: test ids come from src/renderer/TESTIDS.md.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the UI and waits until the list is loaded and the event stream is live. */
export async function openInbox(page: Page, uiUrl: string): Promise<void> {
  await page.goto(uiUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await expect(page.getByTestId('capture-list').or(page.getByTestId('empty-inbox')).first()).toBeVisible();
}

export function rowFor(page: Page, path: string): Locator {
  return page.getByTestId('capture-row').filter({ hasText: path });
}

/** Header rows of the open capture as [name, value], in the order shown. */
export async function shownHeaders(page: Page): Promise<Array<[string, string]>> {
  const rows = page.getByTestId('capture-detail').getByTestId('headers-table').locator('tbody tr');
  const names = await rows.locator('.pairs-name').allInnerTexts();
  const values = await rows.locator('.pairs-value').allInnerTexts();
  return names.map((name, i) => [name, values[i]]);
}
