import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/settings';
import type { SecretCodec } from '../../../src/main/engine/ports';
import { openWorkspaceStore } from '../../../src/main/engine/store/workspace-store';
import { makeTempDir } from '../../support/temp-dir';

let dataDir: string;
let file: string;
beforeEach(async () => {
  dataDir = await makeTempDir('workspace');
  file = path.join(dataDir, 'workspace.json');
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const reversing: SecretCodec = { encrypted: true, encrypt: (s) => `enc:${[...s].reverse().join('')}`, decrypt: (s) => [...s.slice(4)].reverse().join('') };

async function expectBrokenFile(content: string, message: RegExp) {
  await fs.writeFile(file, content);
  await expect(openWorkspaceStore(dataDir)).rejects.toThrow(message);
  expect(await fs.readFile(file, 'utf8')).toBe(content);
}

describe('workspace store', () => {
  it('starts from defaults, writes an owner-only file and persists updates', async () => {
    const store = await openWorkspaceStore(dataDir);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(store.secretsEncrypted).toBe(false);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const settings = await store.updateSettings({ receiver: { port: 9000 }, theme: 'dark' });
    expect(settings.receiver).toEqual({ host: '127.0.0.1', port: 9000, maxConnections: 512 });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await store.update((w) => {
      w.triggers.push({ id: 'deploy', title: 'Deploy', enabled: true, conditions: [], actions: [] });
      w.env.push({ name: 'TOKEN', value: 's3cret', secret: true });
    });
    const again = await openWorkspaceStore(dataDir);
    expect(again.settings().theme).toBe('dark');
    expect(again.settings().receiver.port).toBe(9000);
    expect(again.get().triggers.map((t) => t.id)).toEqual(['deploy']);
    expect(again.get().env[0].value).toBe('s3cret');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 1, secretEncoding: 'plain' });
  });

  it('passes secret values through the codec on disk only', async () => {
    const store = await openWorkspaceStore(dataDir, reversing);
    await store.update((w) => {
      w.env.push({ name: 'TOKEN', value: 'abc', secret: true }, { name: 'PLAIN', value: 'xyz', secret: false });
    });
    const onDisk = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(onDisk.secretEncoding).toBe('os');
    expect(onDisk.env).toEqual([
      { name: 'TOKEN', value: 'enc:cba', secret: true },
      { name: 'PLAIN', value: 'xyz', secret: false },
    ]);
    expect((await openWorkspaceStore(dataDir, reversing)).get().env[0].value).toBe('abc');
    await expect(openWorkspaceStore(dataDir)).rejects.toThrow(/workspace\.json: env\[0\] "TOKEN" was encrypted/);
  });

  it('rejects invalid settings naming the field and writes nothing', async () => {
    const store = await openWorkspaceStore(dataDir);
    const before = await fs.readFile(file, 'utf8');
    await expect(store.updateSettings({ receiver: { port: 70000 } })).rejects.toThrow('settings.receiver.port must be an integer 0-65535');
    await expect(store.updateSettings({ receiver: { port: 1.5 } })).rejects.toThrow('settings.receiver.port');
    await expect(store.updateSettings({ receiver: { host: ' ' } })).rejects.toThrow('settings.receiver.host must be a non-empty string');
    await expect(store.updateSettings({ bodyLimitBytes: 0 })).rejects.toThrow('settings.bodyLimitBytes');
    await expect(store.updateSettings({ bodyLimitBytes: 2 * 1024 ** 3 })).rejects.toThrow('settings.bodyLimitBytes');
    await expect(store.updateSettings({ retention: { maxCaptures: 0 } })).rejects.toThrow('settings.retention.maxCaptures must be a positive integer');
    await expect(store.updateSettings({ retention: { maxBytes: -1 } })).rejects.toThrow('settings.retention.maxBytes');
    await expect(store.updateSettings({ inboxResponse: { status: 99 } })).rejects.toThrow('settings.inboxResponse.status must be an integer 100-599');
    await expect(store.updateSettings({ theme: 'neon' as never })).rejects.toThrow('settings.theme must be one of system, light, dark');
    await expect(
      store.update((w) => {
        w.triggers.push({ id: 'bad id', title: '', enabled: true, conditions: [], actions: [] });
      }),
    ).rejects.toThrow('triggers[0].id');
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect((await store.updateSettings({ receiver: { port: 0 }, inboxResponse: { status: 599 } })).receiver.port).toBe(0);
  });

  it('reports a broken file with its name and position and leaves it untouched', async () => {
    await expectBrokenFile('{\n  "schemaVersion": 1,\n  "settings": {\n    "theme": "dark",\n  }\n}\n', /workspace\.json: .* at line 5 column 3$/);
    await expectBrokenFile('{"schemaVersion": 1, "settings": {"theme": tru}}', /workspace\.json: Unexpected token } at line 1 column 47$/);
    await expectBrokenFile('{"schemaVersion": 1', /workspace\.json: .*at end of file$/);
    await expectBrokenFile('[]', /workspace\.json: the top level must be a JSON object/);
    await expectBrokenFile(
      '{"schemaVersion": 1, "settings": {"receiver": {"port": "80"}}}',
      /workspace\.json: settings\.receiver\.port must be an integer 0-65535$/,
    );
    await expectBrokenFile('{"schemaVersion": 1, "env": [{"name": "A", "value": 1, "secret": false}]}', /workspace\.json: env\[0\]\.value must be a string/);
    await expectBrokenFile('{"schemaVersion": 7}', /workspace\.json: schemaVersion 7 is newer/);
  });

  it('runs migrations from the file version up, keeping a backup of the old file', async () => {
    const old = JSON.stringify({ settings: { theme: 'light' }, env: [], triggers: [], legacyName: 'x' });
    await fs.writeFile(file, old);
    const seen: number[] = [];
    const migrations = [
      (doc: Record<string, unknown>) => {
        seen.push(0);
        return { ...doc, schemaVersion: 1 };
      },
      (doc: Record<string, unknown>) => {
        seen.push(1);
        const { legacyName, ...rest } = doc;
        return { ...rest, env: [{ name: 'LEGACY', value: String(legacyName), secret: false }] };
      },
    ];
    const store = await openWorkspaceStore(dataDir, undefined, { migrations, schemaVersion: 2 });
    expect(seen).toEqual([0, 1]);
    expect(store.get().schemaVersion).toBe(2);
    expect(store.get().env).toEqual([{ name: 'LEGACY', value: 'x', secret: false }]);
    expect(store.settings().theme).toBe('light');
    expect(await fs.readFile(`${file}.v0.bak`, 'utf8')).toBe(old);
    expect(JSON.parse(await fs.readFile(file, 'utf8')).schemaVersion).toBe(2);
    seen.length = 0;
    await openWorkspaceStore(dataDir, undefined, { migrations, schemaVersion: 2 });
    expect(seen).toEqual([]);
  });
});
