// A disk that refuses writes: settings.update and env.save answer a 5xx with code
// storage_error (never 400 invalid), leave no temp file, keep workspace.json as it was, and
// the process stays up. The refusal is real: the serve process runs under `ulimit -f`, so the
// kernel fails writes past the limit with EFBIG (SIGXFSZ ignored, as for a full disk's ENOSPC).
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { stopChild } from '../cli/run-cli';
import { startServeChild, type ServeChild } from './serve-child';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let serve: ServeChild | null = null;
beforeEach(async () => {
  dir = await makeTempDir('storage-err');
});
afterEach(async () => {
  if (serve) await stopChild(serve.child, 'SIGKILL');
  serve = null;
  await rm(dir, { recursive: true, force: true });
});

it('answers storage_error with a 5xx, leaves no temp file and keeps the workspace intact', async () => {
  // 64 blocks of 512 bytes: room for the workspace and journals of an idle engine, not for a 100 KB value
  serve = await startServeChild(dir, "trap '' XFSZ; ulimit -f 64;");
  const small = await serve.call('env.save', { env: [{ name: 'A', value: 'short', secret: false }] });
  expect(small.status).toBe(200);
  const before = await readFile(path.join(dir, 'workspace.json'), 'utf8');

  const big = await serve.call('env.save', { env: [{ name: 'A', value: 'x'.repeat(100_000), secret: false }] });
  expect(big.status).toBeGreaterThanOrEqual(500);
  expect(big.envelope).toMatchObject({ ok: false, error: { code: 'storage_error' } });
  expect(big.envelope.ok ? '' : big.envelope.error.message).toMatch(/EFBIG/);

  const settings = await serve.call('settings.update', { inboxResponse: { status: 200, headers: [], body: 'y'.repeat(100_000) } });
  expect(settings.status).toBeGreaterThanOrEqual(500);
  expect(settings.envelope).toMatchObject({ ok: false, error: { code: 'storage_error' } });

  expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(await readFile(path.join(dir, 'workspace.json'), 'utf8')).toBe(before);
  // still up, and what is stored is what was last written successfully
  const env = await serve.call('env.list');
  expect(env.envelope).toMatchObject({ ok: true, result: [{ name: 'A', value: 'short' }] });
}, 60_000);

it('serves with durability power-loss ($HOOKBENCH_DURABILITY) and keeps what it answered', async () => {
  serve = await startServeChild(dir, '', { HOOKBENCH_DURABILITY: 'power-loss' });
  for (let i = 0; i < 20; i++) expect((await fetch(`${serve.receiverUrl}/hook/${i}`, { method: 'POST', body: `{"i":${i}}` })).status).toBe(200);
  await stopChild(serve.child, 'SIGKILL');
  serve = await startServeChild(dir);
  const page = await serve.call('captures.list', { limit: 100 });
  expect((page.envelope as { result: { total: number } }).result.total).toBe(20);
}, 60_000);
