// The data commands with and without a serve on the data dir, through the real bundled CLI
// (the build step of `npm run build:cli`): runs and deliveries print the same both ways and,
// without serve, read the files without writing a byte; captures delete and notify test take
// the data dir's lock only for the moment of the change, refuse a data dir another process
// holds, and what they wrote is what the next serve sees; send --follow says what it cannot
// follow instead of failing. Every command's --help lists its exit codes.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';
import { REPO_ROOT, stopChild, type CliResult } from './run-cli';

let bundle: string;
let tmp: string;
let data: string;
let other: string;
let config: string;
let env: NodeJS.ProcessEnv;
let sink: Server;
let sinkUrl: string;
const sinkGot: { url: string; body: string }[] = [];
let serve: ChildProcess | null = null;
let receiverUrl = '';

function hookbench(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: tmp, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hookbench ${args.join(' ')} did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const inData = (args: string[]) => hookbench([...args, '--data-dir', data]);

/** runs the calls a few at a time (the machine may be shared), results in call order */
async function some<T>(items: T[], call: (item: T) => Promise<CliResult>, width = 4): Promise<CliResult[]> {
  const out: CliResult[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await call(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

async function startServe(): Promise<void> {
  const child = spawn(process.execPath, [bundle, 'serve', '--config', config, '--data-dir', data, '--port', '0', '--control-port', '0'], {
    cwd: tmp,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve = child;
  receiverUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URLs in time:\n${out}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const found = /^Receiver:\s+(\S+)[\s\S]*^Press Ctrl\+C/m.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

async function stopServe(): Promise<void> {
  if (serve) expect(await stopChild(serve)).toBe(0);
  serve = null;
  await expect(stat(join(data, 'control.json'))).rejects.toThrow();
}

/** every file under dir with its size and modification time: what a read-only command must leave alone */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    const s = await stat(file);
    out.push(`${file} ${entry.isDirectory() ? 'dir' : `${s.size} ${s.mtimeMs}`}`);
  }
  return out.sort();
}

const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;
const until = async (check: () => Promise<boolean>, what: string, ms = 30_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 150))) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  tmp = await makeTempDir('cli-offline');
  // the same build step as `npm run build:cli`, beside out/cli/hookbench.cjs (so its external
  // packages resolve the same way) under a name of its own, so parallel test files do not race
  const { buildCli } = (await import(join(REPO_ROOT, 'scripts/build-cli.mjs'))) as { buildCli: (out?: string) => Promise<string> };
  bundle = await buildCli(join(REPO_ROOT, 'out/cli', `hookbench.test-${process.pid}.cjs`));
  const web = join(tmp, 'web');
  await mkdir(web);
  await writeFile(join(web, 'index.html'), '<!doctype html><title>Hookbench</title>');
  data = join(tmp, 'data');
  other = join(tmp, 'other');
  await mkdir(join(other, 'captures'), { recursive: true });
  // tracking polls run-info 100 ms after the answer (not 1 s), well inside the 1.5 s simulated step
  env = { HOOKBENCH_WEB_DIR: web, HOOKBENCH_DATA_DIR: join(tmp, 'no-default'), HOOKBENCH_TRACK_INITIAL_MS: '100' };
  sink = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      sinkGot.push({ url: req.url ?? '', body });
      if (req.url === '/hang') return; // never answers: the delivery attempt times out
      res.statusCode = req.url === '/down' ? 500 : 200;
      res.end(req.url === '/down' ? 'down' : 'ok');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;
  await cp(join(REPO_ROOT, 'test/fixtures/cli-offline'), join(tmp, 'project'), { recursive: true });
  config = join(tmp, 'project', 'hookbench.json');
  await writeFile(config, (await readFile(config, 'utf8')).replaceAll('http://127.0.0.1:9', sinkUrl));
  await startServe();
}, 90_000);

afterAll(async () => {
  if (serve) await stopChild(serve);
  sink.closeAllConnections();
  await new Promise((r) => sink.close(r));
  if (bundle) await rm(bundle, { force: true });
  await removeTempDir(tmp);
});

describe('the data commands, with and without serve', () => {
  const reads: string[][] = [];
  const withServe: CliResult[] = [];
  let executionId = '';
  let pipelineId = '';
  let deletedWithServe = '';

  it('with serve: send --follow follows what the trigger run launched; notify test and captures delete go through its control API', async () => {
    const sent = await inData(['send', '--url', `${receiverUrl}/api/v0/launch/ci/`, '--body', '{"n":1}', '--follow']);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
    executionId = /^execution (\S+) \(build\): completed$/m.exec(sent.stdout)?.[1] ?? '';
    pipelineId = /^pipeline (\S+) \(release\): completed$/m.exec(sent.stdout)?.[1] ?? '';
    expect([executionId, pipelineId].every(Boolean), sent.stdout).toBe(true);
    // the routing sends execution_completed to the "ok" channel: the build and the pipeline's node
    await until(
      async () => json<{ status: string }[]>(await inData(['notify', 'deliveries', '--json'])).filter((d) => d.status === 'succeeded').length >= 2,
      'two deliveries',
    );

    const ok = await inData(['notify', 'test', 'ok']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^delivery \S+ to OK hook: succeeded \(HTTP 200\)$/m);
    const down = await inData(['notify', 'test', 'Down hook']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/to Down hook: failed \(HTTP 500\) HTTP 500/);
    const nope = await inData(['notify', 'test', 'nope']);
    expect([nope.code, nope.stderr]).toEqual([1, 'hookbench: no channel "nope" (ok, down, hang)\n']);

    const captures = json<{ items: { id: string; path: string }[] }>(await inData(['captures', 'list', '--json']));
    deletedWithServe = captures.items.find((c) => c.path.endsWith('/run/'))!.id;
    const del = await inData(['captures', 'delete', deletedWithServe, 'no-such-capture', '--json']);
    expect(del.code).toBe(1);
    expect(json(del)).toEqual({ deleted: 1, notFound: ['no-such-capture'] });
    expect(del.stderr).toBe('');
    expect(json<{ items: { id: string }[] }>(await inData(['captures', 'list', '--json'])).items.map((c) => c.id)).not.toContain(deletedWithServe);

    reads.push(
      ['runs', 'list'],
      ['runs', 'list', '--json'],
      ['runs', 'list', '--trigger', 'ci', '--limit', '1', '--json'],
      ['runs', 'show', executionId],
      ['runs', 'show', executionId, '--json'],
      ['runs', 'show', pipelineId],
      ['runs', 'show', pipelineId, '--json'],
      ['runs', 'logs', executionId],
      ['runs', 'logs', executionId, '--json'],
      ['runs', 'logs', executionId, '--follow'],
      ['runs', 'show', 'no-such-run'],
      ['runs', 'logs', 'no-such-run'],
      ['notify', 'deliveries'],
      ['notify', 'deliveries', '--json'],
      ['notify', 'deliveries', '--status', 'failed', '--json'],
      ['notify', 'deliveries', '--channel', 'ok', '--limit', '2', '--json'],
    );
    withServe.push(...(await some(reads, inData)));
    const deliveries = json<{ id: string; target: { channelId: string } }[]>(withServe[13]);
    const failed = deliveries.find((d) => d.target.channelId === 'down')!.id;
    const good = deliveries.find((d) => d.target.channelId === 'ok')!.id;
    for (const args of [
      ['notify', 'delivery', failed],
      ['notify', 'delivery', good, '--json'],
      ['notify', 'delivery', 'no-such-delivery'],
    ]) {
      reads.push(args);
      withServe.push(await inData(args));
    }
    // what each read said with serve: the run completed, its log, the failed delivery's exit code
    expect(withServe.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1]);
    expect(withServe[3].stdout).toMatch(/step build {2}completed \(simulated run completed\) {2}mode simulate/);
    expect(withServe[7].stdout).toMatch(/^\[system\] completed: simulated run completed$/m);
    expect(withServe[10].stderr).toMatch(/no execution or pipeline has id no-such-run/);
    expect(withServe[11].stderr).toMatch(/no execution has id no-such-run/);
    expect(withServe[16].stdout).toMatch(/attempt 2 .* 500 .*HTTP 500/);
  }, 180_000);

  it('without serve: every read prints exactly what it printed with serve, and writes nothing', async () => {
    await stopServe();
    const before = await snapshot(data);
    // several at once: readers take no lock and do not get in each other's way
    const local = await some(reads, inData);
    for (const [i, args] of reads.entries()) expect({ args, ...local[i] }).toEqual({ args, ...withServe[i] });
    expect(await snapshot(data)).toEqual(before);
  }, 180_000);

  it('without serve: notify test journals the delivery under the lock; captures delete writes the deletion; both release the lock', async () => {
    const ok = await inData(['notify', 'test', 'OK hook', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const delivery = json<{ id: string; status: string; origin: string; attempts: { responseStatus: number }[] }>(ok);
    expect(delivery).toMatchObject({ status: 'succeeded', origin: 'test', attempts: [{ responseStatus: 200 }] });
    expect(sinkGot.filter((g) => g.url === '/ok').at(-1)!.body).toContain('"type":"execution_completed"');
    const down = await inData(['notify', 'test', 'down']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/to Down hook: failed \(HTTP 500\)/);
    expect((await inData(['notify', 'test', 'nope'])).stderr).toBe('hookbench: no channel "nope" (ok, down, hang)\n');
    expect((await inData(['notify', 'test', 'ok', '--event', 'bogus'])).code).toBe(2);
    // not finished at --timeout: exit 1, the lock is released, and the delivery stays pending for the next serve
    const hang = await inData(['notify', 'test', 'hang', '--timeout', '1', '--json']);
    expect(hang.code).toBe(1);
    const pending = json<{ id: string; status: string; attemptCount: number }>(hang);
    expect(pending).toMatchObject({ status: 'pending', attemptCount: 0 });
    expect(hang.stderr).toMatch(
      /had not finished when --timeout ran out; it stays in the delivery log and the next serve on this data dir makes the remaining attempts/,
    );
    // the journaled delivery is there for the read-only commands at once
    const shown = await inData(['notify', 'delivery', delivery.id, '--json']);
    expect(json(shown)).toEqual(delivery);

    const captures = json<{ items: { id: string }[] }>(await inData(['captures', 'list', '--json'])).items;
    const gone = captures[0].id;
    const del = await inData(['captures', 'delete', gone]);
    expect([del.code, del.stdout, del.stderr]).toEqual([0, 'deleted 1 of 1\n', '']);
    const again = await inData(['captures', 'delete', gone, 'no-such-capture']);
    expect([again.code, again.stdout, again.stderr]).toEqual([1, 'deleted 0 of 2\n', `hookbench: no capture has id ${gone}, no-such-capture\n`]);
    expect((await inData(['captures', 'delete'])).code).toBe(2);
    expect(json<{ items: { id: string }[] }>(await inData(['captures', 'list', '--json'])).items.map((c) => c.id)).not.toContain(gone);
    await expect(stat(join(data, 'hookbench.lock'))).rejects.toThrow();

    // the next serve sees both: the deletion and the delivery
    await startServe();
    const served = json<{ items: { id: string }[] }>(await inData(['captures', 'list', '--json'])).items.map((c) => c.id);
    expect(served).toEqual(captures.slice(1).map((c) => c.id));
    expect(json(await inData(['notify', 'delivery', delivery.id, '--json']))).toEqual(delivery);
    await until(
      async () => json<{ attemptCount: number }>(await inData(['notify', 'delivery', pending.id, '--json'])).attemptCount >= 1,
      'the next serve to attempt the pending delivery',
    );
    await stopServe();
  }, 180_000);

  it('a data dir held by a process without a control API (the desktop app): reads still work, changes are refused with its pid', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      // a lock without a start time, naming a live node process: the app's, as far as the lock can tell
      await writeFile(join(data, 'hookbench.lock'), `${holder.pid}\n\nhookbench\n`);
      expect((await inData(['runs', 'list'])).code).toBe(0);
      expect((await inData(['notify', 'deliveries'])).code).toBe(0);
      const started = Date.now();
      for (const args of [
        ['captures', 'delete', 'x'],
        ['notify', 'test', 'ok'],
      ]) {
        const r = await inData(args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`in use by another Hookbench process \\(pid ${holder.pid}\\) that offers the CLI no control API`));
      }
      // each waited a moment for a serve that might still be starting, not more
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await readFile(join(data, 'hookbench.lock'), 'utf8')).toBe(`${holder.pid}\n\nhookbench\n`);
    } finally {
      holder.kill();
      await rm(join(data, 'hookbench.lock'), { force: true });
    }
  }, 120_000);

  it('send --follow: a trigger URL whose runs are not in --data-dir gets them listed as not followed; a data dir held without a control API is followed on disk', async () => {
    await startServe();
    try {
      const url = `${receiverUrl}/api/v0/launch/ci/`;
      const r = await hookbench(['send', '--url', url, '--body', '{}', '--follow', '--data-dir', other]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^run \S+: completed .*execution \S+ \(build\), pipeline \S+ \(release\)$/m);
      expect(r.stdout).toMatch(/^execution \S+ \(build\): launched, not followed$/m);
      expect(r.stdout).toMatch(/^pipeline \S+ \(release\): launched, not followed$/m);
      expect(r.stderr).toMatch(
        /followed the trigger run \(completed\) but not what it launched: nothing runs on .*other and its run records have no execution/,
      );
      const j = await hookbench(['send', '--url', url, '--body', '{}', '--follow', '--json']);
      expect(j.code).toBe(0);
      const lines = j.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{"kind"'))
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.kind, l.status])).toEqual([
        ['execution', 'not-followed'],
        ['pipeline', 'not-followed'],
      ]);
      expect(lines[0].reason).toMatch(/no Hookbench data dir at .*no-default/);

      // a live process holds the data dir but offers no control API (as the desktop app does):
      // what the run launched is followed in its run records on disk, read afresh until it ends
      await rm(join(data, 'control.json'));
      const followed = await inData(['send', '--url', url, '--body', '{}', '--follow']);
      expect(followed.code, followed.stdout + followed.stderr).toBe(0);
      // the simulated step takes 1.5 s, longer than the trigger run takes to settle: seen running, then done
      expect(followed.stdout).toMatch(/^execution \S+ \(build\): started$/m);
      const executionId = /^execution (\S+) \(build\): completed$/m.exec(followed.stdout)?.[1];
      expect(followed.stdout).toMatch(/^pipeline \S+ \(release\): completed$/m);
      const logs = await inData(['runs', 'logs', executionId!, '--follow']);
      expect([logs.code, logs.stdout.trim().split('\n').at(-1)]).toEqual([0, '[system] completed: simulated run completed']);
    } finally {
      await stopServe();
    }
  }, 180_000);
});

describe('--help of every command', () => {
  it('lists its exit codes 0, 1 and 2', async () => {
    const names = ['serve', 'validate', 'send', 'replay', 'captures', 'triggers', 'log', 'runs', 'notify'];
    const helps = await some(names, (name) => hookbench([name, '--help']));
    for (const [i, r] of helps.entries()) {
      expect(r.code, names[i]).toBe(0);
      const codes = r.stdout.slice(r.stdout.indexOf('Exit codes:'));
      expect(codes, names[i]).toMatch(/^Exit codes:/);
      for (const code of ['0', '1', '2']) expect(codes, `${names[i]} exit ${code}`).toMatch(new RegExp(`(^|\\s)${code}\\s`));
    }
    const top = await hookbench(['--help']);
    expect(top.stdout).toMatch(/^Exit codes: 0 done, 1 failed \(each command says when\), 2 usage error\.$/m);
  }, 120_000);
});
