// files.reveal: only run folders and the linked project, resolved through symlinks, and only
// where the desktop shell can show a file manager.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testEngine } from '../../support/test-engine';
import type { Engine } from '../../../src/main/engine/ports';
import { makeTempDir } from '../../support/temp-dir';

let dataDir: string;
let engine: Engine;
let revealed: string[];

beforeEach(async () => {
  dataDir = await makeTempDir('reveal');
  revealed = [];
  engine = testEngine(dataDir, { mode: 'electron', desktop: { reveal: (p) => revealed.push(p) } });
  await engine.start();
});
afterEach(async () => {
  await engine.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('reveals a file inside a run folder', async () => {
  const file = path.join(dataDir, 'runs', 'exec-1', 'outputs', 'model.txt');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, 'x');
  expect(await engine.handlers['files.reveal']({ path: file })).toEqual({ ok: true });
  expect(revealed).toHaveLength(1);
  expect(revealed[0].endsWith(path.join('exec-1', 'outputs', 'model.txt'))).toBe(true);
});

it('refuses paths outside run folders, also through a symlink', async () => {
  await expect(engine.handlers['files.reveal']({ path: '/etc/hostname' })).rejects.toMatchObject({ code: 'forbidden' });
  await mkdir(path.join(dataDir, 'runs', 'exec-2'), { recursive: true });
  const link = path.join(dataDir, 'runs', 'exec-2', 'escape');
  await symlink('/etc', link);
  await expect(engine.handlers['files.reveal']({ path: link })).rejects.toMatchObject({ code: 'forbidden' });
  await expect(engine.handlers['files.reveal']({ path: 'relative/file' })).rejects.toMatchObject({ code: 'invalid' });
  expect(revealed).toEqual([]);
});

it('answers with a reason in headless mode', async () => {
  const headless = testEngine(path.join(dataDir, 'h'));
  await headless.start();
  try {
    expect(await headless.handlers['files.reveal']({ path: dataDir })).toMatchObject({ ok: false, reason: expect.stringContaining('desktop app') });
  } finally {
    await headless.stop();
  }
});
