// One `hookbench serve` per Playwright worker, on free ports with its own temp data dir.
import { test as base, expect } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { startServe, type ServeProcess } from './serve-process';
import { makeTempDir } from '../support/temp-dir';

export const test = base.extend<object, { hookbench: ServeProcess }>({
  hookbench: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = await makeTempDir('e2e');
      const serve = await startServe(dataDir);
      await use(serve);
      await serve.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** A path no other test uses, so tests sharing a worker's serve never see each other's rows. */
export function uniquePath(label: string): string {
  return `/e2e/${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
