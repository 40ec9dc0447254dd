// What a new user gets from the README's two commands, on a fresh clone:
//  1. no Electron binary can be fetched → `npm start` says what failed and how to fix it, and
//     serves the same UI headless on the desktop app's data dir: checked in Chromium;
//  2. a reachable mirror (a local one serving a stand-in Electron zip, checksummed) → Electron's
//     installer downloads it with progress, `electron-vite preview` builds and launches that
//     binary; a second `npm start` downloads nothing;
//  3. the real Electron download, where the network allows it (else skipped with the reason).
// The clone is of the committed HEAD. Each `npm start` runs in its own process group with a
// temp HOME, killed at the end whatever happens.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary.cjs';
import { requiredNodeRange, satisfies } from '../../scripts/node-version.cjs';
import { closedPort, cloneAndInstall, NpmStart, runToEnd, tempDir, userEnv } from './fresh-clone';
import { storedZip } from './stored-zip';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let clone: Awaited<ReturnType<typeof cloneAndInstall>>;
let electronVersion: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  clone = await cloneAndInstall();
  electronVersion = JSON.parse(await readFile(join(clone.dir, 'node_modules/electron/package.json'), 'utf8')).version;
});

test.afterAll(async () => {
  await clone?.cleanup();
});

test('fresh clone: npm install prints no engine warnings on the stated Node', async () => {
  expect(clone.install.code, clone.install.output).toBe(0);
  const range = requiredNodeRange(clone.dir);
  test.skip(!satisfies(process.versions.node, range), `this is Node ${process.versions.node}, not the ${range} the project states (.ci/run installs it)`);
  expect(clone.install.output).not.toContain('EBADENGINE');
});

test('fresh clone offline: npm start explains the failed download and serves the UI headless on the desktop data dir', async ({ page }) => {
  const home = await tempDir('hookbench-first-run-home-');
  const opened = join(home, 'opened-urls.txt');
  const browser = join(home, 'record-browser.sh');
  await writeFile(browser, `#!/bin/sh\necho "$1" >> '${opened}'\n`, { mode: 0o755 });
  // On this machine GitHub cannot be reached, which is the real failure a user gets offline.
  // Where it can be, a mirror that refuses connections makes the download fail the same way.
  const githubReachable = await lookup('github.com').then(
    () => true,
    () => false,
  );
  const env = userEnv(home, {
    electron_config_cache: join(home, 'electron-cache'),
    ELECTRON_MIRROR: githubReachable ? `http://127.0.0.1:${await closedPort()}/` : undefined,
    BROWSER: browser,
    HOOKBENCH_RECEIVER_PORT: '0',
    HOOKBENCH_CONTROL_PORT: '0',
  });
  test.info().annotations.push({ type: 'download', description: githubReachable ? 'refused by a closed local mirror' : 'GitHub unreachable (real)' });

  const started = Date.now();
  const app = new NpmStart(clone.dir, env);
  try {
    const [, uiUrl] = await app.waitFor(/^UI:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m, 120_000);
    const seconds = (Date.now() - started) / 1000;
    test.info().annotations.push({ type: 'npm start → UI URL', description: `${seconds.toFixed(1)} s` });

    // the few lines: what failed, how to fix it, what happens instead
    expect(app.output).toContain(`Electron ${electronVersion} is not downloaded yet`);
    expect(app.output).toMatch(
      new RegExp(
        `the desktop app cannot start: downloading Electron ${electronVersion.replace(/\./g, '\\.')} failed: GET \\S+electron-v${electronVersion.replace(/\./g, '\\.')}-\\S+\\.zip: \\S`,
      ),
    );
    expect(app.output).toContain('npx install-electron');
    expect(app.output).toContain('ELECTRON_MIRROR');
    // and whether this Node is the one the project states (it is under .ci/run)
    const range = requiredNodeRange(clone.dir);
    if (satisfies(process.versions.node, range)) expect(app.output).toContain(`  Node ${process.versions.node} is fine (${range}).`);
    else expect(app.output).toContain(`  Node ${process.versions.node} does not meet this project's requirement (${range}; .nvmrc: 22)`);
    expect(app.output).toContain('Starting headless mode instead');
    expect(app.output).not.toMatch(/^\s+at /m); // no stack trace
    // the desktop app's data dir: <appData>/hookbench/data
    expect(app.output).toContain(`Data:     ${join(home, '.config', 'hookbench', 'data')}`);

    // a working UI at the printed URL, in Chromium, receiving a webhook live
    const [, receiverUrl] = app.output.match(/^Receiver:\s+(http:\/\/127\.0\.0\.1:\d+)$/m)!;
    await page.goto(uiUrl);
    await expect(page.getByTestId('nav-inbox')).toBeVisible({ timeout: 20_000 });
    const path = `/first-run-${Date.now()}`;
    const res = await fetch(`${receiverUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"first":"run"}' });
    expect(res.status).toBe(200);
    await expect(page.getByTestId('capture-row').filter({ hasText: path })).toBeVisible({ timeout: 10_000 });

    // the default browser was asked to open that URL (xdg-open hands it to $BROWSER)
    if (existsSync('/usr/bin/xdg-open') || process.platform === 'darwin') {
      await expect.poll(async () => (existsSync(opened) ? (await readFile(opened, 'utf8')).trim() : ''), { timeout: 10_000 }).toBe(uiUrl);
    } else {
      test.info().annotations.push({ type: 'browser', description: 'no xdg-open here: opening the browser not checked' });
    }
  } finally {
    await app.stop();
    await test.info().attach('npm start output', { body: app.output, contentType: 'text/plain' });
  }
  // `npm run dev` needs the window (hot reload): it says why it cannot and stops
  const dev = await runToEnd('npm', ['run', 'dev'], { cwd: clone.dir, env, timeoutMs: 120_000 });
  expect(dev.code, dev.output).toBe(1);
  expect(dev.output).toContain('the desktop app cannot start: downloading Electron');
  expect(dev.output).toContain('then `npm run dev` again');
  expect(dev.output).toContain('`npm start -- --headless`');
  // SIGTERM to the whole group (npm relays it too) is one clean stop, on the desktop app's data dir
  expect(app.output.match(/SIGTERM: stopping…/g)).toHaveLength(1);
  expect(app.output).not.toContain('headless mode exited with code');
  expect(existsSync(join(home, '.config', 'hookbench', 'data', 'workspace.json'))).toBe(true);
});

test('fresh clone with a reachable mirror: npm start downloads Electron once, with progress, and launches it', async () => {
  test.skip(
    process.platform !== 'linux' || process.arch !== 'x64',
    `the stand-in Electron zip is a linux-x64 one (this is ${process.platform}-${process.arch})`,
  );
  const home = await tempDir('hookbench-first-run-mirror-');
  const record = join(home, 'electron-launches.txt');
  // a stand-in Electron: records that electron-vite launched it, from where and with what
  const fakeElectron = `#!/bin/sh\n{ echo "launch cwd=$PWD args=$*"; [ -f "$PWD/out/main/index.js" ] && echo "main bundle built"; } >> '${record}'\n`;
  const zipName = `electron-v${electronVersion}-linux-x64.zip`;
  const zip = storedZip([
    { name: 'electron', data: Buffer.from(fakeElectron), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${electronVersion}`) },
    { name: 'resources/padding.bin', data: Buffer.alloc(3 * 1024 * 1024, 1) }, // big enough to show progress
  ]);
  const shasums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  const requests: string[] = [];
  const mirror: Server = createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === `/v${electronVersion}/${zipName}`) {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
      res.end(zip);
    } else if (req.url === `/v${electronVersion}/SHASUMS256.txt`) {
      res.end(shasums);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  const env = userEnv(home, {
    ELECTRON_MIRROR: `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`,
    // the stand-in's checksum comes from the mirror, not from electron's checksums.json
    electron_use_remote_checksums: '1',
    electron_config_cache: join(home, 'electron-cache'),
    DISPLAY: ':0',
  });
  try {
    const first = new NpmStart(clone.dir, env);
    try {
      expect(await Promise.race([first.exited, new Promise((r) => setTimeout(() => r('timeout'), 300_000))]), first.output).toBe(0);
    } finally {
      await first.stop();
      await test.info().attach('first npm start output', { body: first.output, contentType: 'text/plain' });
    }
    expect(first.output).toContain(`Electron ${electronVersion} is not downloaded yet`);
    expect(first.output).toMatch(new RegExp(`Downloading ${zipName.replace(/\./g, '\\.')}: 3\\.0 / 3\\.0 MB \\(100%\\)`));
    expect(first.output).not.toContain('cannot start');
    expect(requests.filter((u) => u.endsWith('.zip'))).toHaveLength(1);
    const binary = findElectronBinary({ root: clone.dir, env: {} });
    expect(binary).toEqual({ path: join(clone.dir, 'node_modules/electron/dist/electron'), version: electronVersion });
    // root needs Chromium's --no-sandbox, which npm start asks electron-vite for
    expect(await readFile(record, 'utf8')).toMatch(new RegExp(`^launch cwd=${clone.dir} args=\\.( --no-sandbox)?\nmain bundle built\n$`));

    const second = new NpmStart(clone.dir, env);
    try {
      expect(await Promise.race([second.exited, new Promise((r) => setTimeout(() => r('timeout'), 300_000))]), second.output).toBe(0);
    } finally {
      await second.stop();
      await test.info().attach('second npm start output', { body: second.output, contentType: 'text/plain' });
    }
    expect(second.output).not.toContain('not downloaded yet');
    expect(requests.filter((u) => u.endsWith('.zip'))).toHaveLength(1); // nothing fetched again
    expect((await readFile(record, 'utf8')).match(/^launch /gm)).toHaveLength(2);
  } finally {
    await new Promise((r) => mirror.close(r));
  }
});

test('the real Electron download, where the network allows it', async () => {
  const url = `https://github.com/electron/electron/releases/download/v${electronVersion}/SHASUMS256.txt`;
  const reachable = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000) }).then(
    (r) => (r.ok ? null : `HEAD ${url} answered ${r.status}`),
    (err: Error) => `${url} is unreachable from here (${(err.cause as Error | undefined)?.message ?? err.message})`,
  );
  test.skip(reachable !== null, `no network for the Electron download: ${reachable}`);
  const home = await tempDir('hookbench-first-run-real-');
  // the clone's node_modules/electron may hold the stand-in from the mirror test: start clean
  const electronDir = join(clone.dir, 'node_modules', 'electron');
  await rm(join(electronDir, 'path.txt'), { force: true });
  await rm(join(electronDir, 'dist'), { recursive: true, force: true });
  const script =
    "const { downloadElectron } = await import('./scripts/electron-download.mjs'); const why = await downloadElectron(); if (why) { console.error(why); process.exit(1); }";
  const download = await runToEnd(process.execPath, ['--input-type=module', '-e', script], {
    cwd: clone.dir,
    env: userEnv(home, { electron_config_cache: join(home, 'electron-cache') }),
    timeoutMs: 540_000,
  });
  expect(download.code, download.output).toBe(0);
  expect(download.output).toMatch(/Downloading electron-v\S+\.zip: [\d.]+ \/ [\d.]+ MB \(100%\)/);
  const binary = findElectronBinary({ root: clone.dir, env: {} });
  expect('path' in binary, JSON.stringify(binary)).toBe(true);
});
