// A real loopback receiver for trigger tests: node:http on 127.0.0.1:0, the trigger router,
// real journal-backed log and run stores in a temp dir, and a tiny in-memory capture stub
// (the capture store is not what these tests are about).
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { CaptureSummary, HeaderTuple } from '@shared/capture';
import type { EngineEvent } from '@shared/events';
import type { Condition, EnvVariable, Trigger, WebAuthCondition } from '@shared/trigger';
import type { IncomingRequest } from '../../../src/main/engine/ports';
import { createLaunchHistory } from '../../../src/main/engine/triggers/launch-history';
import { createTriggerRouter, type TriggerRouterDeps } from '../../../src/main/engine/triggers/router';
import { openTriggerLogStore, type TriggerLogStore } from '../../../src/main/engine/triggers/trigger-log-store';
import { openTriggerRunStore, type TriggerRunStore } from '../../../src/main/engine/triggers/trigger-run-store';
import { makeTempDir } from '../../support/temp-dir';

export interface Harness {
  url: string;
  dataDir: string;
  triggers: Map<string, Trigger>;
  env: EnvVariable[];
  log: TriggerLogStore;
  runs: TriggerRunStore;
  events: EngineEvent[];
  captures: CaptureSummary[];
  clock: { offsetMs: number };
  close(opts?: { keepDir?: boolean }): Promise<void>;
}

function toTuples(raw: string[]): HeaderTuple[] {
  const out: HeaderTuple[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

export async function startHarness(
  opts: {
    triggers?: Trigger[];
    env?: EnvVariable[];
    dataDir?: string;
    bodyLimit?: number;
    router?: Partial<TriggerRouterDeps>;
  } = {},
): Promise<Harness> {
  const dataDir = opts.dataDir ?? (await makeTempDir('triggers'));
  const log = await openTriggerLogStore(dataDir);
  const runs = await openTriggerRunStore(dataDir, log);
  const triggers = new Map((opts.triggers ?? []).map((t) => [t.id, t]));
  const env = opts.env ?? [];
  const events: EngineEvent[] = [];
  const captures: CaptureSummary[] = [];
  const clock = { offsetMs: 0 };
  const now = () => Date.now() + clock.offsetMs;
  const route = createTriggerRouter({
    getTrigger: (id) => triggers.get(id),
    env: () => env,
    log,
    runs,
    history: createLaunchHistory(log.summaries(), now),
    onEvent: (e) => events.push(e),
    now,
    ...opts.router,
  });
  const limit = opts.bodyLimit ?? 1024 * 1024;
  let seq = 0;

  const server = http.createServer((req, res) => {
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooLarge) {
        res.writeHead(413, { 'Content-Type': 'text/plain' }).end('Payload Too Large');
        return;
      }
      const request: IncomingRequest = {
        id: randomUUID(),
        receivedAt: startedAt,
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        httpVersion: req.httpVersion,
        rawHeaders: toTuples(req.rawHeaders),
        body: Buffer.concat(chunks),
        remoteAddress: req.socket.remoteAddress ?? '',
        remotePort: req.socket.remotePort ?? 0,
        timings: { startedAt, headersMs: 0, bodyMs: Date.now() - startedAt },
      };
      void (async () => {
        const decision = await route(request);
        if (!decision) {
          res.writeHead(200, { 'Content-Type': 'text/plain' }).end('inbox');
          return;
        }
        const summary: CaptureSummary = {
          id: request.id,
          seq: ++seq,
          receivedAt: request.receivedAt,
          method: request.method,
          url: request.url,
          path: request.url.split('?')[0],
          status: decision.response.status,
          bodySize: request.body.length,
          contentType: req.headers['content-type'] ?? null,
          remoteAddress: request.remoteAddress,
          kind: decision.kind,
          triggerId: decision.triggerId,
          outcome: decision.outcome,
        };
        captures.push(summary);
        await decision.commit?.(Promise.resolve(summary));
        for (const [name, value] of decision.response.headers) res.setHeader(name, value);
        res.writeHead(decision.response.status);
        res.end(decision.response.body);
      })().catch((err: Error) => {
        res.writeHead(500).end(`harness error: ${err.message}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    triggers,
    env,
    log,
    runs,
    events,
    captures,
    clock,
    async close(o = {}) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await log.close();
      await runs.close();
      if (!o.keepDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const launchUrl = (h: Harness, id: string, suffix = '/'): string => `${h.url}/api/v0/launch/${id}${suffix}`;

export async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

export const lastEntry = async (h: Harness) => (await h.log.list(undefined, 1))[0];

export const TEST_TOKEN = 's3cret-token-value';
export const staticAuth: WebAuthCondition = {
  type: 'web-auth',
  authType: 'static',
  namespace: 'header',
  key: 'Authorization',
  secretKey: '{env:WEBHOOK_TOKEN}',
};
export const makeTrigger = (id: string, conditions: Condition[], actions: Trigger['actions'] = [], enabled = true): Trigger => ({
  id,
  title: id,
  enabled,
  conditions,
  actions,
});

/** For one test file: starts a harness with WEBHOOK_TOKEN in env, and closes it after each test. */
export function harnessPerTest(): (triggers: Trigger[], extra?: Parameters<typeof startHarness>[0]) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (triggers, extra = {}) =>
    (current = await startHarness({ triggers, env: [{ name: 'WEBHOOK_TOKEN', value: TEST_TOKEN, secret: true }], ...extra }));
}
