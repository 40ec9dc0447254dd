// UI tests: 'headless' drives the web build (hookbench serve) in Debian's Chromium; 'electron'
// drives the desktop app and skips itself where no Electron binary is installed.
import { defineConfig } from '@playwright/test';

const chromium = process.env.HOOKBENCH_CHROMIUM || '/usr/bin/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  // each worker runs its own `serve`; the machines have 2 cores
  workers: process.env.CI ? 1 : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['./test/skip-reasons-reporter.ts']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'headless',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromium },
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
    {
      // a fresh clone + npm install + npm start, as a new user would (slow: minutes)
      name: 'first-run',
      testDir: 'test/first-run',
      timeout: 600_000,
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: chromium },
      },
    },
  ],
});
