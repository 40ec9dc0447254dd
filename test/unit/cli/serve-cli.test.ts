import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, stopChild, waitForUrls } from './run-cli';
import { makeTempDir } from '../../support/temp-dir';

let tmp: string;
let webDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = await makeTempDir('cli');
  webDir = join(tmp, 'web');
  await mkdir(webDir);
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Hookbench</title>');
  env = { HOOKBENCH_WEB_DIR: webDir, HOOKBENCH_DATA_DIR: join(tmp, 'default-data') };
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function expectOneLineError(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hookbench: /);
  return lines[0];
}

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

describe('hookbench CLI: help and usage', () => {
  it('prints the commands for --help', async () => {
    const result = await runCli(['--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: hookbench <command>/);
    expect(result.stdout).toMatch(/serve\s+run the receiver/);
  });

  it('prints the serve options for serve --help', async () => {
    const result = await runCli(['serve', '--help'], env);
    expect(result.code).toBe(0);
    for (const flag of ['--config', '--data-dir', '--port', '--control-port', '--host', '--open']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('rejects an unknown command or option with one line and exit code 2', async () => {
    const unknown = await runCli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown.stderr)).toContain('unknown command "frobnicate"');
    const badOption = await runCli(['serve', '--bogus'], env);
    expect(badOption.code).toBe(2);
    expect(expectOneLineError(badOption.stderr)).toContain('--bogus');
    const badPort = await runCli(['serve', '--port', 'eighty'], env);
    expect(badPort.code).toBe(2);
    expect(expectOneLineError(badPort.stderr)).toContain('--port');
  });
});

describe('hookbench serve: refuses to start, with one line', () => {
  it('names the JSON path of a bad config', async () => {
    const config = join(tmp, 'bad.json');
    await writeFile(
      config,
      JSON.stringify({ version: 1, env: [], triggers: [{ id: 'ok', title: 't', enabled: true, conditions: [], actions: [], colour: 'red' }] }),
    );
    const result = await runCli(['serve', '--config', config, '--data-dir', join(tmp, 'd1')], env);
    expect(result.code).toBe(1);
    const line = expectOneLineError(result.stderr);
    expect(line).toContain('invalid config');
    expect(line).toContain('triggers[0].colour');
  });

  it('reports the line of a config that is not JSON', async () => {
    const config = join(tmp, 'broken.json');
    await writeFile(config, '{\n  "version": 1,\n  oops\n}');
    const result = await runCli(['serve', '--config', config, '--data-dir', join(tmp, 'd2')], env);
    expect(result.code).toBe(1);
    expect(expectOneLineError(result.stderr)).toMatch(/line 3/);
  });

  it('reports a data dir it cannot create or write', async () => {
    // a path under a regular file fails even for root, who ignores permission bits
    const file = join(tmp, 'plain-file');
    await writeFile(file, 'x');
    const result = await runCli(['serve', '--data-dir', join(file, 'data')], env);
    expect(result.code).toBe(1);
    expect(expectOneLineError(result.stderr)).toMatch(/data dir .*plain-file\/data is not writable/);
    if (process.getuid?.() !== 0) {
      const locked = join(tmp, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o500);
      const denied = await runCli(['serve', '--data-dir', locked], env);
      expect(expectOneLineError(denied.stderr)).toMatch(/not writable \(EACCES\)/);
    }
  });

  it('tells the user to build the web UI when it is missing', async () => {
    const result = await runCli(['serve', '--data-dir', join(tmp, 'd3')], { ...env, HOOKBENCH_WEB_DIR: join(tmp, 'nothing-here') });
    expect(result.code).toBe(1);
    expect(expectOneLineError(result.stderr)).toContain('npm run build:web');
  });

  it('reports a busy control port', async () => {
    const { server, port } = await listening();
    try {
      const result = await runCli(['serve', '--data-dir', join(tmp, 'd4'), '--port', '0', '--control-port', String(port)], env);
      expect(result.code).toBe(1);
      expect(expectOneLineError(result.stderr)).toContain(`control port ${port} is busy`);
    } finally {
      server.close();
    }
  });

  it('reports a busy receiver port', async () => {
    const { server, port } = await listening();
    try {
      const result = await runCli(['serve', '--data-dir', join(tmp, 'd5'), '--port', String(port), '--control-port', '0'], env);
      expect(result.code).toBe(1);
      expect(expectOneLineError(result.stderr)).toContain(String(port));
    } finally {
      server.close();
    }
  });
});

describe('hookbench serve: running', () => {
  it('prints the receiver and UI URLs, loads the config, serves calls and stops cleanly on SIGTERM', async () => {
    const config = join(tmp, 'good.json');
    await writeFile(
      config,
      JSON.stringify({ version: 1, env: [], triggers: [{ id: 'from-config', title: 'From config', enabled: true, conditions: [], actions: [] }] }),
    );
    const child = spawnCli(['serve', '--config', config, '--data-dir', join(tmp, 'd6'), '--port', '0', '--control-port', '0'], env);
    try {
      const { receiverUrl, uiUrl } = await waitForUrls(child);
      expect(receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      const ui = new URL(uiUrl);
      const token = ui.searchParams.get('token')!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const res = await fetch(`${ui.origin}/api/call/engine.info`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: 'null',
      });
      const envelope = await res.json();
      expect(envelope).toMatchObject({ ok: true, result: { mode: 'headless', receiverError: null } });
      const triggers = await fetch(`${ui.origin}/api/call/triggers.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: 'null',
      }).then((r) => r.json());
      expect(triggers.result.map((t: { id: string }) => t.id)).toEqual(['from-config']);
      expect((await fetch(`${receiverUrl.replace(/\/$/, '')}/hello`, { method: 'POST', body: 'hi' })).status).toBeLessThan(500);
    } finally {
      expect(await stopChild(child)).toBe(0);
    }
  });

  it('treats a burst of signals (Ctrl+C relayed by npm and npm start) as one request and still stops cleanly', async () => {
    const child = spawnCli(['serve', '--data-dir', join(tmp, 'd7'), '--port', '0', '--control-port', '0'], env);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c));
    await waitForUrls(child);
    // the signal handlers are in place once this line is out (same tick)
    for (let i = 0; i < 200 && !out.includes('Press Ctrl+C'); i++) await new Promise((r) => setTimeout(r, 50));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    child.kill('SIGINT');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.match(/stopping…/g)).toHaveLength(1);
  });
});
