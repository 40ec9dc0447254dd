// WCAG 2.1 AA in the headless UI: axe-core on every page, light and dark, with data on screen
// (captures, a trigger with a launch and a rejection, a run, a notification channel). Any
// serious or critical violation fails, listed with its rule, target and summary.
import { createHmac } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { sendRaw, type ServeProcess } from './serve-process';
import { PAGES } from '../../src/renderer/src/app/pages';

const SECRET = 'a11y-slack-signing-secret';

async function seed(serve: ServeProcess, tag: string): Promise<string> {
  const triggerId = `a11y-${tag}`;
  await serve.call('env.save', { env: [{ name: 'SLACK_SIGNING_SECRET', value: SECRET, secret: true }] });
  await serve.call('triggers.save', {
    trigger: {
      id: triggerId,
      title: `Slack a11y ${tag}`,
      enabled: true,
      conditions: [
        {
          type: 'web-auth',
          authType: 'hmac',
          namespace: 'header',
          key: 'X-Slack-Signature',
          prefix: 'v0=',
          secretKey: '{env:SLACK_SIGNING_SECRET}',
          algorithm: 'sha256',
          hmacFormat: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
        },
      ],
      actions: [
        { type: 'web-response-json', json: { run_id: '{run_id}' } },
        { type: 'run-execution', step: 'predict', payloadInputName: 'payload' },
      ],
    },
  });
  const launch = `/api/v0/launch/${triggerId}/`;
  const body = 'command=%2Fpredict&text=shark';
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const form: Array<[string, string]> = [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['X-Slack-Request-Timestamp', ts],
  ];
  expect((await sendRaw(serve.receiverUrl, { path: launch, headers: [...form, ['X-Slack-Signature', sig]], body })).status).toBe(200);
  expect((await sendRaw(serve.receiverUrl, { path: `${launch}?tampered=1`, headers: [...form, ['X-Slack-Signature', sig]], body: body + 'x' })).status).toBe(
    400,
  );
  await sendRaw(serve.receiverUrl, {
    path: `/a11y/${tag}/json`,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-GitHub-Event', 'push'],
    ],
    body: '{"ref":"refs/heads/main"}',
  });
  await sendRaw(serve.receiverUrl, { method: 'GET', path: `/a11y/${tag}/get` });
  return launch;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`));
}

for (const theme of ['light', 'dark'] as const) {
  test(`every page passes axe (WCAG 2.1 AA, serious and critical) in ${theme} mode`, async ({ page, hookbench }) => {
    test.setTimeout(120_000);
    const tag = `${theme}-${Math.random().toString(36).slice(2, 7)}`;
    const launch = await seed(hookbench, tag);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openInbox(page, hookbench.uiUrl);
    await hookbench.call('settings.update', { theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    const found: string[] = [];
    // the inbox with a rejected trigger request open: trace, visualiser and detail tabs
    await rowFor(page, `${launch}?tampered=1`).click();
    await expect(page.getByTestId('capture-detail').getByTestId('trace')).toBeVisible();
    found.push(...(await seriousViolations(page)).map((v) => `inbox: ${v}`));
    for (const entry of PAGES.filter((p) => p.id !== 'inbox')) {
      await page.getByTestId(`nav-${entry.id}`).click();
      await expect(page.getByRole('heading', { level: 1, name: entry.label })).toBeAttached();
      // open something in master/detail pages so the detail is judged too
      if (entry.id === 'triggers')
        await page
          .getByTestId('trigger-item')
          .filter({ hasText: `a11y-${tag}` })
          .click();
      if (entry.id === 'trigger-log') await page.getByTestId('log-row').first().click();
      // let lists load before judging them
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page)).map((v) => `${entry.id}: ${v}`));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('rows are reached with Tab, move with the arrow keys, and the focused control shows a ring', async ({ page, hookbench }) => {
  const tag = Math.random().toString(36).slice(2, 7);
  await seed(hookbench, `keys-${tag}`);
  await openInbox(page, hookbench.uiUrl);
  const search = page.getByTestId('search-input');
  await search.focus();
  const ring = await search.evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle, color: style.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).not.toBe(ring.bg);

  // Tab from the search box lands on a row of the list (one tab stop for the whole list)
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'capture-row');
  }
  expect(reached).toBe(true);
  const first = await page.evaluate(() => document.activeElement?.getAttribute('data-capture-id'));
  const focusedOutline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(focusedOutline).toBe('solid');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-capture-id'))).not.toBe(first);
  const second = await page.evaluate(() => document.activeElement?.getAttribute('data-capture-id'));
  await expect(page.locator(`[data-capture-id="${second}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('capture-detail')).toHaveAttribute('data-capture-id', second!);
});
