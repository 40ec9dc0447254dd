// The headless user's day, every step through the real CLI process: one hookbench.json with
// triggers, a linked valohai.yaml, a Slack and a custom channel with routings and signing
// profiles; validate, serve (--watch), send --example github:push --scheme github --follow,
// captures list, two replays at once to a local sink, and the run and the delivery read back.
import { createHmac } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, spawnCli, stopChild, waitForUrls } from './run-cli';
import type { ChildProcess } from 'node:child_process';
import { makeTempDir } from '../../support/temp-dir';

const SECRET = "It's a Secret to Everybody";
let tmp: string;
let env: NodeJS.ProcessEnv;
let serve: ChildProcess;
let receiverUrl: string;
let sink: Server;
let sinkUrl: string;
const sunk: { url: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
const slackGot: unknown[] = [];
const customGot: { headers: IncomingHttpHeaders; body: string }[] = [];
let data: string;
let configFile: string;
let serveErr = '';
let serveOut = '';

beforeAll(async () => {
  tmp = await makeTempDir('workflow');
  const webDir = join(tmp, 'web');
  await mkdir(webDir);
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Hookbench</title>');
  data = join(tmp, 'data');
  env = { HOOKBENCH_WEB_DIR: webDir, HOOKBENCH_DATA_DIR: join(tmp, 'nowhere') };
  // one local server plays the Slack webhook, the custom channel and the replay sink
  sink = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/slack') slackGot.push(JSON.parse(body.toString()));
      else if (req.url === '/ci') customGot.push({ headers: req.headers, body: body.toString() });
      else sunk.push({ url: req.url ?? '', headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;
  // the user's project folder: hookbench.json next to valohai.yaml and the step's script
  const project = join(tmp, 'project');
  await cp(join(REPO_ROOT, 'test/fixtures/workspace-v2'), project, { recursive: true });
  configFile = join(project, 'hookbench.json');
  const text = (await readFile(configFile, 'utf8')).replaceAll('http://127.0.0.1:9', sinkUrl);
  await writeFile(configFile, text);
}, 30_000);

afterAll(async () => {
  if (serve) await stopChild(serve);
  await new Promise((r) => sink.close(r));
  await rm(tmp, { recursive: true, force: true });
});

const cli = (args: string[], timeoutMs = 60_000) => runCli(args, env, timeoutMs);

describe('a headless user, from one hookbench.json to the delivery log', () => {
  it('validates the file, and names path and line:column of a broken copy (exit 1)', async () => {
    const ok = await cli(['validate', configFile]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/valid \(version 2: 1 trigger\(s\), 2 env variable\(s\), project, notifications, signingProfiles, settings\)/);
    const broken = join(tmp, 'broken.json');
    await writeFile(broken, (await readFile(configFile, 'utf8')).replace('"concurrency": 2', '"concurrency": 0'));
    const bad = await cli(['validate', broken, '--json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.problems[0]).toMatchObject({ path: 'project.concurrency', message: 'must be a whole number from 1 to 64' });
    const line = (await readFile(broken, 'utf8')).split('\n').findIndex((l) => l.includes('"concurrency": 0')) + 1;
    expect(report.problems[0].line).toBe(line);
    expect((await cli(['validate'])).code).toBe(2);
  });

  it('refuses a data dir that does not exist instead of making an empty one', async () => {
    const r = await cli(['captures', 'list', '--data-dir', join(tmp, 'typo')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no Hookbench data dir at .*typo/);
    await expect(stat(join(tmp, 'typo'))).rejects.toThrow();
  });

  it('serves it: control file 0600, every section applied', async () => {
    serve = spawnCli(['serve', '--config', configFile, '--watch', '--data-dir', data, '--port', '0', '--control-port', '0'], env);
    serve.stdout!.on('data', (c: Buffer) => (serveOut += c));
    serve.stderr!.on('data', (c: Buffer) => (serveErr += c));
    ({ receiverUrl } = await waitForUrls(serve, 60_000));
    expect((await stat(join(data, 'control.json'))).mode & 0o777).toBe(0o600);
    const triggers = await cli(['triggers', 'list', '--data-dir', data]);
    expect(triggers.stdout).toMatch(/gh-push\s+on\s+\/api\/v0\/launch\/gh-push\//);
    // the receiver settings from the file: a path that is not a trigger gets its answer
    const inbox = await fetch(`${receiverUrl}/hello`, { method: 'POST', body: 'x' });
    expect([inbox.status, await inbox.text()]).toEqual([202, 'noted']);
  }, 90_000);

  it('send --example github:push --scheme github --follow: signed, launched, the step ran to completion', async () => {
    const r = await cli(
      [
        'send',
        '--url',
        `${receiverUrl}/api/v0/launch/gh-push/`,
        '--example',
        'github:push',
        '--scheme',
        'github',
        '--secret',
        SECRET,
        '--follow',
        '--data-dir',
        data,
      ],
      120_000,
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^HTTP 200/m);
    expect(r.stdout).toMatch(/execution \S+ \(handle-push\): completed/);
    // a wrong secret is rejected by the trigger: exit 1
    const wrong = await cli(['send', '--url', `${receiverUrl}/api/v0/launch/gh-push/`, '--example', 'github:push', '--scheme', 'github', '--secret', 'nope']);
    expect(wrong.code).toBe(1);
  }, 150_000);

  it('captures list finds the capture; two replays at the same time reach the sink byte for byte', async () => {
    const list = await cli(['captures', 'list', '--trigger', 'gh-push', '--json', '--data-dir', data]);
    const launched = JSON.parse(list.stdout).items.filter((c: { outcome?: string; path: string }) => c.outcome === 'launched');
    expect(launched.length).toBeGreaterThan(0);
    const capture = launched[launched.length - 1];
    const shown = await cli(['captures', 'show', capture.id, '--json', '--data-dir', data]);
    const detail = JSON.parse(shown.stdout);
    const body = Buffer.from(detail.bodyBase64, 'base64');
    const headers = Object.fromEntries(detail.rawHeaders.map(([k, v]: [string, string]) => [k.toLowerCase(), v]));
    expect(headers['x-github-event']).toBe('push');
    expect(headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
    const [a, b] = await Promise.all([1, 2].map((n) => cli(['replay', capture.id, '--to', `${sinkUrl}/sink-${n}`, '--data-dir', data])));
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    for (const n of [1, 2]) {
      const got = sunk.find((s) => s.url === `/sink-${n}`)!;
      expect(got.body.equals(body)).toBe(true);
      expect(got.headers['x-hub-signature-256']).toBe(headers['x-hub-signature-256']);
    }
  }, 120_000);

  it('reads the run, its log and the deliveries to the Slack and the custom channel', async () => {
    const runs = JSON.parse((await cli(['runs', 'list', '--json', '--data-dir', data])).stdout);
    const execution = runs.items.find((i: { kind: string }) => i.kind === 'execution').execution;
    expect(execution).toMatchObject({ step: 'handle-push', status: 'completed', triggerId: 'gh-push' });
    const show = await cli(['runs', 'show', execution.id, '--data-dir', data]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('step handle-push  completed');
    const logs = await cli(['runs', 'logs', execution.id, '--data-dir', data]);
    expect(logs.stdout).toMatch(/push to refs\/\S+ by Codertocat/);
    let deliveries: { id: string; status: string; target: { channelName: string } }[] = [];
    for (let i = 0; i < 100; i++) {
      deliveries = JSON.parse((await cli(['notify', 'deliveries', '--json', '--data-dir', data])).stdout);
      if (deliveries.filter((d) => d.status === 'succeeded').length >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(deliveries.map((d) => `${d.target.channelName}:${d.status}`).sort()).toEqual(['CI hook:succeeded', 'Team Slack:succeeded']);
    expect(slackGot.length).toBeGreaterThan(0);
    // the custom channel signs with the secret from env, as the file says
    const ci = customGot[0];
    expect(ci.headers['x-team']).toBe('webhooks');
    expect(ci.headers['x-hookbench-signature']).toBe(`sha256=${createHmac('sha256', 'custom-signing-secret').update(ci.body).digest('hex')}`);
    const one = await cli(['notify', 'delivery', deliveries[0].id, '--data-dir', data]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/attempt 1 .* 200 /);
    const test = await cli(['notify', 'test', 'slack', '--data-dir', data]);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/succeeded \(HTTP 200\)/);
    const log = await cli(['log', '--trigger', 'gh-push', '--data-dir', data]);
    expect(log.stdout).toMatch(/gh-push {2}launched {2}200 {2}run \S+ {2}capture \S+/);
  }, 120_000);

  it('serve --watch reloads a saved change, reports a broken save with path and line:column, keeps the last good config', async () => {
    const good = await readFile(configFile, 'utf8');
    await writeFile(configFile, good.replace('"title": "GitHub push"', '"title": "GitHub push v2"'));
    for (let i = 0; i < 100 && !/reloaded/.test(serveOut); i++) await new Promise((r) => setTimeout(r, 100));
    expect(serveOut).toMatch(/reloaded .*hookbench\.json: 1 trigger/);
    await writeFile(configFile, good.replace('"maxAttempts": 3', '"maxAttempts": 0'));
    for (let i = 0; i < 100 && !/keeping the last good config/.test(serveErr); i++) await new Promise((r) => setTimeout(r, 100));
    const line = good.split('\n').findIndex((l) => l.includes('"maxAttempts": 3')) + 1;
    expect(serveErr).toMatch(
      new RegExp(
        `notifications\\.delivery\\.maxAttempts: must be a whole number from 1 to 20 \\(line ${line}, column \\d+\\) \\(keeping the last good config\\)`,
      ),
    );
    const triggers = JSON.parse((await cli(['triggers', 'list', '--json', '--data-dir', data])).stdout);
    expect(triggers[0].title).toBe('GitHub push v2');
  }, 60_000);

  it('when serve has stopped: captures, the log and the runs are read read-only, replay still works', async () => {
    expect(await stopChild(serve)).toBe(0);
    await expect(stat(join(data, 'control.json'))).rejects.toThrow();
    const list = await cli(['captures', 'list', '--json', '--data-dir', data]);
    expect(list.code).toBe(0);
    const capture = JSON.parse(list.stdout).items.find((c: { outcome?: string }) => c.outcome === 'launched');
    const [a, b] = await Promise.all([3, 4].map((n) => cli(['replay', capture.id, '--to', `${sinkUrl}/sink-${n}`, '--data-dir', data])));
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(sunk.filter((s) => s.url === '/sink-3' || s.url === '/sink-4')).toHaveLength(2);
    const log = await cli(['log', '--data-dir', data]);
    expect(log.stdout).toContain('gh-push  launched');
    // --json leaves the app: HMAC traces keep what was received, never the signature expected
    const json = await cli(['log', '--json', '--data-dir', data]);
    const hmac = json.stdout
      .trim()
      .split('\n')
      .flatMap((l) => JSON.parse(l).conditions)
      .filter((c: { trace?: { kind: string } }) => c.trace?.kind === 'hmac');
    expect(hmac.length).toBeGreaterThan(0);
    for (const c of hmac) expect(c.trace).not.toHaveProperty('expected');
    // runs are read from the run records, read-only (test/unit/cli/offline-cli.test.ts compares both ways)
    const runs = await cli(['runs', 'list', '--data-dir', data]);
    expect(runs.code, runs.stderr).toBe(0);
    expect(runs.stdout).toMatch(/execution\s+handle-push\s+completed\s+gh-push/);
  }, 120_000);
});

describe('send: usage errors exit 2', () => {
  it.each([
    [['send', '--url', 'not a url'], /--url must be an absolute/],
    [['send', '--url', 'http://127.0.0.1:9/', '--hmac', 's:sha256:base64'], /would be signed as literal text.*--encoding hex\|base64/],
    [['send', '--url', 'http://127.0.0.1:9/', '--scheme', 'acme', '--secret', 's'], /--scheme must be one of github, slack, stripe/],
    [['send', '--url', 'http://127.0.0.1:9/', '--scheme', 'stripe', '--secret', 's', '--encoding', 'hex'], /signs its own way/],
    [['send', '--url', 'http://127.0.0.1:9/', '--secret', 's', '--encoding', 'b64'], /--encoding must be hex or base64/],
    [['send', '--url', 'http://127.0.0.1:9/', '--jwt-key', '@/nonexistent.pem'], /cannot read the key file/],
    [['send', '--url', 'http://127.0.0.1:9/', '--example', 'github:nope'], /no GitHub example "nope"/],
  ])('%j', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
