// The built desktop renderer (out/renderer, from electron-vite build) under the exact policy the
// Electron main sends as a header (read from the main bundle run with the stand-in electron
// module) plus the meta in index.html, in Chromium: the Sender's CodeMirror editor renders with
// its styles and the page reports no CSP violation. window.hookbench is a stand-in bridge whose
// calls go to a real `hookbench serve` (as the preload's calls go to the engine over IPC).
import { expect, test } from '@playwright/test';
import { readFile, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { makeTempDir } from '../support/temp-dir';
import { startServe, type ServeProcess } from '../e2e/serve-process';
import { ROOT, runMainBundle } from './main-bundle-run';

test.use({
  browserName: 'chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  launchOptions: { executablePath: process.env.HOOKBENCH_CHROMIUM || '/usr/bin/chromium' },
});

const ORIGIN = 'http://hookbench.desktop';
const RENDERER = join(ROOT, 'out/renderer');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

let serve: ServeProcess;
let dataDir: string;
let headerCsp: string;

test.beforeAll(async () => {
  const userData = await makeTempDir('renderer-csp-main');
  try {
    const findings = await runMainBundle(userData);
    headerCsp = String(findings.find((f) => f.kind === 'csp')?.headers['Content-Security-Policy'] ?? '');
  } finally {
    await rm(userData, { recursive: true, force: true });
  }
  dataDir = await makeTempDir('renderer-csp');
  serve = await startServe(dataDir);
});

test.afterAll(async () => {
  await serve?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('the desktop renderer runs the Sender and its CodeMirror editor under the desktop CSP without a violation', async ({ page }) => {
  expect(headerCsp).toContain("style-src 'self'");
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(await readFile(join(RENDERER, 'index.html'), 'utf8'))?.[1];
  expect(meta).toBeTruthy();

  // the renderer's files with the header main adds; the stand-in bridge's calls go to serve
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__bridge/')) {
      const res = await fetch(`${serve.origin}/api/call/${url.pathname.slice('/__bridge/'.length)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' },
        body: route.request().postData() ?? 'null',
      });
      return route.fulfill({ status: 200, contentType: 'application/json', body: await res.text() });
    }
    const file = normalize(join(RENDERER, decodeURIComponent(url.pathname)));
    if (!file.startsWith(RENDERER)) return route.fulfill({ status: 404 });
    const body = await readFile(file).catch(() => null);
    if (!body) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      body,
      headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': headerCsp },
    });
  });
  await page.addInitScript(() => {
    const seen: Array<{ directive: string; blocked: string; sample: string; source: string }> = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` }),
    );
    const call = (method: string) => async (args: unknown) =>
      (await fetch(`/__bridge/${method}`, { method: 'POST', body: JSON.stringify(args ?? null) })).json();
    (window as unknown as { hookbench: unknown }).hookbench = {
      calls: new Proxy({}, { get: (_t, method) => call(String(method)) }),
      onEvents: () => () => undefined,
    };
  });
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });

  await page.goto(`${ORIGIN}/index.html`);
  await page.getByTestId('nav-sender').click();
  await expect(page.getByTestId('sender-page')).toBeVisible();
  const editor = page.getByTestId('composer').locator('.cm-editor');
  await expect(editor).toBeVisible();
  await expect(editor.locator('.cm-content')).toContainText('"hello"');
  // CodeMirror's own stylesheet (a <style> element it adds) applied: the editor is a flex column
  // and its JSON is highlighted
  await expect(editor).toHaveCSS('display', 'flex');
  await expect(editor).toHaveCSS('flex-direction', 'column');
  expect(await editor.locator('.cm-line span').count()).toBeGreaterThan(0);
  // typing works under the policy too
  await editor.locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.getByTestId('nav-inbox').click();
  await page.getByTestId('nav-sender').click();
  await expect(page.getByTestId('composer').locator('.cm-editor')).toHaveCSS('display', 'flex');

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations)).toEqual([]);
  expect(consoleCsp).toEqual([]);
});
