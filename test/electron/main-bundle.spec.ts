// The built desktop main process (out/main/index.js) run in plain Node with a stand-in for the
// 'electron' module: where no Electron binary exists this still proves what main sets up —
// the locked-down window, one IPC handler per contract call with the sender check, secrets
// sealed with safeStorage, denied permissions, navigation guards, the CSP header, events to
// the window, and a clean stop on quit. The real-binary test is app.spec.ts.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannelFor } from '@shared/contract';
import { makeTempDir } from '../support/temp-dir';
import { ROOT, runMainBundle } from './main-bundle-run';

test('the desktop main bundle sets up a locked-down window and the whole contract over IPC', async () => {
  const userData = await makeTempDir('main-bundle');
  try {
    const findings = await runMainBundle(userData);
    const one = (kind: string) => {
      const found = findings.find((f) => f.kind === kind);
      expect(found, `no "${kind}" finding in ${JSON.stringify(findings.map((f) => f.kind))}`).toBeTruthy();
      return found!;
    };
    expect(findings.find((f) => f.kind === 'driveError')).toBeUndefined();

    expect(one('window').webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(one('window').webPreferences.preload).toBe(join(ROOT, 'out/preload/index.js'));
    expect(one('load').file).toBe(join(ROOT, 'out/renderer/index.html'));
    expect(one('window').icon).toBe(join(ROOT, 'resources/icon.png'));
    expect(existsSync(one('window').icon)).toBe(true);

    expect(new Set(one('channels').channels)).toEqual(new Set(API_METHODS.map(ipcChannelFor)));
    expect(one('info').envelope).toMatchObject({ ok: true, result: { mode: 'electron', receiverError: null } });
    expect(one('info').envelope.result.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(one('foreign').envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(one('envSaved').envelope.ok).toBe(true);
    const workspace = await readFile(join(userData, 'data', 'workspace.json'), 'utf8');
    expect(workspace).not.toContain('plain-secret-value');
    expect(workspace).toContain('"secretEncoding": "os"');

    expect(one('permissions').allowed).toEqual({ media: false, geolocation: false, notifications: false, 'clipboard-sanitized-write': true });
    expect(one('navigate')).toMatchObject({ prevented: true, openHandler: { action: 'deny' } });
    expect(findings.filter((f) => f.kind === 'openExternal').map((f) => f.url)).toEqual(['https://example.com/phish', 'https://example.com/']);
    const csp = String(one('csp').headers['Content-Security-Policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('ws:');

    expect(one('webhook').status).toBe(200);
    expect(one('webhook').sent).toContainEqual({ channel: IPC_EVENT_CHANNEL, types: expect.arrayContaining(['capture.received']) });
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['quitDeferred', 'quit']));
  } finally {
    await rm(userData, { recursive: true, force: true });
  }
});
