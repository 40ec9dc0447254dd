// What `serve` guarantees about its data dir at start, seen from outside: a damaged journal is
// reported in one line per damaged range and in engine.info (the UI banner), with every other
// capture still there; a data dir other users can read is warned about; and under umask 000
// everything it creates is owner-only.
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { listSegments, segmentPath } from '../../../src/main/engine/store/segment-files';
import type { EngineInfo } from '@shared/contract';
import { stopChild } from '../cli/run-cli';
import { startServeChild, type ServeChild } from './serve-child';
import { listModes } from '../../support/file-modes';
import { makeTempDir } from '../../support/temp-dir';

let root: string;
let serve: ServeChild | null = null;
beforeEach(async () => {
  root = await makeTempDir('start');
});
afterEach(async () => {
  if (serve) await stopChild(serve.child, 'SIGKILL');
  serve = null;
  await rm(root, { recursive: true, force: true });
});

async function post(url: string, body: string): Promise<number> {
  return (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).status;
}

it('creates the data dir, its parents and everything in it owner-only under umask 000', async () => {
  const dataDir = path.join(root, 'new', 'parents', 'data');
  serve = await startServeChild(dataDir, 'umask 000;');
  for (let i = 0; i < 5; i++) expect(await post(`${serve.receiverUrl}/hook`, JSON.stringify({ i }))).toBeLessThan(500);
  expect((await serve.call('env.save', { env: [{ name: 'TOKEN', value: 's3cret', secret: true }] })).status).toBe(200);
  await stopChild(serve.child);
  serve = null;
  for (const dir of [path.join(root, 'new'), path.join(root, 'new', 'parents'), dataDir]) expect((await stat(dir)).mode & 0o777).toBe(0o700);
  const entries = await listModes(dataDir);
  expect(entries.some((e) => e.file.endsWith('.journal'))).toBe(true);
  expect(entries.some((e) => e.file.endsWith('workspace.json'))).toBe(true);
  for (const e of entries) expect(`${e.file} ${e.mode.toString(8)}`).toBe(`${e.file} ${e.isDir ? '700' : '600'}`);
}, 60_000);

it('reports damaged journal ranges at start (one line each) and in engine.info, and warns about a wide data dir', async () => {
  const dataDir = path.join(root, 'data');
  serve = await startServeChild(dataDir);
  for (let i = 0; i < 40; i++) expect(await post(`${serve.receiverUrl}/hook/${i}`, JSON.stringify({ i, pad: 'p'.repeat(200) }))).toBeLessThan(500);
  await stopChild(serve.child);
  serve = null;

  const captures = path.join(dataDir, 'captures');
  const [segment] = await listSegments(captures);
  const file = segmentPath(captures, segment);
  const bytes = await readFile(file);
  const at = Math.floor(bytes.length / 2);
  for (let i = 0; i < 4; i++) bytes[at + i] ^= 0xa5;
  await writeFile(file, bytes);
  await chmod(dataDir, 0o755);

  serve = await startServeChild(dataDir);
  const lines = serve.stderr().split('\n');
  const damageLines = lines.filter((l) => l.includes('journal damage'));
  expect(damageLines).toHaveLength(1);
  expect(damageLines[0]).toMatch(
    new RegExp(`^hookbench: journal damage in ${file} at offset \\d+: skipped \\d+ bytes; \\d+ intact records recovered from this file$`),
  );
  expect(lines.some((l) => l.startsWith(`hookbench: warning: ${dataDir} is readable by other users (mode 755)`))).toBe(true);

  const info = await serve.call('engine.info');
  expect(info.envelope.ok).toBe(true);
  const storage = (info.envelope as { result: EngineInfo }).result.storage;
  expect(storage.damage).toHaveLength(1);
  expect(storage.damage[0]).toMatchObject({ file, action: 'skipped' });
  expect(storage.damage[0].offset).toBeLessThanOrEqual(at);
  expect(storage.damage[0].offset + storage.damage[0].bytesSkipped).toBeGreaterThan(at + 3);
  expect(storage.warnings).toEqual([expect.stringContaining(`${dataDir} is readable by other users (mode 755)`)]);
  const page = await serve.call('captures.list', { limit: 1000 });
  expect((page.envelope as { result: { total: number } }).result.total).toBe(39);
  expect((await stat(file)).size).toBe(bytes.length);
}, 60_000);
