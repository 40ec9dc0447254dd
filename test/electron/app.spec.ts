import { _electron as electron, expect, test } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { API_METHODS } from '@shared/contract';
import { findElectronBinary } from './electron-binary';
import { makeTempDir } from '../support/temp-dir';

const binary = findElectronBinary();

test('the desktop app shows the Inbox, receives webhooks and exposes only the contract', async () => {
  test.skip('missing' in binary, `Electron binary not installed: ${'missing' in binary ? binary.missing : ''}`);
  if (!('path' in binary)) return;
  const userData = await makeTempDir('electron');
  const app = await electron.launch({
    executablePath: binary.path,
    // Chromium refuses to run as root with its OS sandbox (CI containers); the page-level
    // isolation this test checks does not depend on it
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, HOOKBENCH_USER_DATA_DIR: userData, HOOKBENCH_RECEIVER_PORT: '0' } as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('nav-inbox')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('capture-list').or(page.getByTestId('empty-inbox')).first()).toBeVisible();

    const surface = await page.evaluate(() => {
      const bridge = (window as unknown as { hookbench: Record<string, unknown> }).hookbench;
      return {
        keys: Object.keys(bridge).sort(),
        calls: Object.keys(bridge.calls as object).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(surface).toEqual({ keys: ['calls', 'onEvents'], calls: [...API_METHODS].sort(), require: 'undefined', process: 'undefined' });

    const receiverUrl = (await page.getByTestId('receiver-url').innerText()).replace(/\/$/, '');
    const path = `/electron-e2e-${Date.now()}`;
    const res = await fetch(`${receiverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'from the test' });
    expect(res.status).toBe(200);
    await expect(page.getByTestId('capture-row').filter({ hasText: path })).toBeVisible({ timeout: 2_000 });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
