// The real executable: the CLI bundled to one plain-JS file (no tsx at run time), started with node.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './run-cli';
import { serveListeningMs } from '../../../bench/cli-start-figure';
import { makeTempDir } from '../../support/temp-dir';

let bundle: string;
let tmp: string;

function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  tmp = await makeTempDir('bundle');
  // the same build step `npm run build:cli` (and prepare) runs
  const { buildCli, CLI_BUNDLE } = (await import(join(REPO_ROOT, 'scripts/build-cli.mjs'))) as {
    buildCli: (out?: string) => Promise<string>;
    CLI_BUNDLE: string;
  };
  bundle = await buildCli(CLI_BUNDLE);
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the bundled hookbench executable', () => {
  it('is plain JavaScript with a node shebang, named in package.json bin, and loads no TypeScript loader', async () => {
    const text = await readFile(bundle, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(text).not.toMatch(/require\(["']tsx/);
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(join(REPO_ROOT, pkg.bin.hookbench)).toBe(bundle);
    expect(pkg.scripts.hookbench).toBe('node out/cli/hookbench.cjs');
    expect(pkg.scripts.prepare).toContain('build:cli');
  });

  it('runs commands: --help, validate, send --example usage errors', async () => {
    const help = await node([bundle, '--help']);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'validate', 'send', 'replay', 'captures', 'triggers', 'log', 'runs', 'notify'])
      expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const valid = await node([bundle, 'validate', 'test/fixtures/workspace-v2/hookbench.json']);
    expect(valid.code, valid.stderr).toBe(0);
    const example = await node([bundle, 'send', '--url', 'http://127.0.0.1:9/', '--example', 'github:nope']);
    expect(example.code).toBe(2);
    expect(example.stderr).toMatch(/no GitHub example "nope"; events: .*push/);
  }, 60_000);

  it('serve listens (the time from spawn is measured in npm run bench; here only reported)', async () => {
    const { wall, cpu } = await serveListeningMs(bundle, join(tmp, 'data'), { HOOKBENCH_WEB_DIR: join(REPO_ROOT, 'out/web') });
    expect(wall).toBeGreaterThan(0);
    console.log(`bundled serve listening after ${Math.round(wall)} ms (${Math.round(cpu)} ms CPU)`);
  }, 60_000);
});
