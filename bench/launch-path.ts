// `npx tsx bench/launch-path.ts [launches] [rounds]`: the trigger launch path in one process,
// without HTTP — the bench's HMAC trigger through the router, the capture store, the trigger log
// and runs and the event bus, 50 launches per turn as a loaded receiver sees them — and its CPU
// time per launch (process.cpuUsage, after a warm-up of 5,000). Far less noisy than req/s on a
// shared machine, so a change to the engine can be compared run against run: check out each
// tree, run this in turn a few times, compare the medians. It does not replace `npm run bench`
// (no sockets, no node:http parsing or answers).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineEvent } from '@shared/events';
import type { IncomingRequest } from '../src/main/engine/ports';
import { createEventBus } from '../src/main/engine/events/event-bus';
import { newCaptureId } from '../src/main/engine/store/capture-id';
import { openCaptureStore } from '../src/main/engine/store/capture-store';
import { createTriggerRouter, openTriggerStores } from '../src/main/engine/triggers';
import { benchSignature, benchWorkspace, BENCH_HMAC } from './bench-trigger';
import { BODY } from './load';

const LAUNCHES = Number(process.argv[2] ?? 60_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const PER_TURN = 50;
const RESPONSE_HEAD =
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nDate: Mon, 07 Dec 2026 00:00:00 GMT\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n';

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hookbench-launch-path-'));
  const retention = { maxEntries: () => 100_000 };
  const captures = await openCaptureStore(path.join(root, 'captures'), { maxCaptures: 100_000, maxBytes: 2 * 1024 ** 3 });
  const triggers = await openTriggerStores(root, Date.now, retention);
  const events = createEventBus();
  events.subscribe(() => undefined);
  const trigger = benchWorkspace().triggers[0];
  const route = createTriggerRouter({
    getTrigger: (id) => (id === trigger.id ? trigger : undefined),
    env: () => [],
    log: triggers.log,
    runs: triggers.runs,
    history: triggers.history,
    onEvent: (event: EngineEvent) => events.emit(event),
  });
  const signature = benchSignature(BODY);
  const url = `/api/v0/launch/${BENCH_HMAC.triggerId}/`;

  async function launch(): Promise<void> {
    const startedAt = Date.now();
    const request: IncomingRequest = {
      id: newCaptureId(startedAt),
      receivedAt: startedAt,
      method: 'POST',
      url,
      httpVersion: '1.1',
      rawHeaders: [
        ['host', '127.0.0.1:7780'],
        ['content-type', 'application/json'],
        [BENCH_HMAC.header, signature],
        ['content-length', String(Buffer.byteLength(BODY))],
      ],
      body: Buffer.from(BODY),
      remoteAddress: '127.0.0.1',
      remotePort: 50_000,
      timings: { startedAt, headersMs: 0, bodyMs: 0 },
    };
    const decision = (await route(request))!;
    if (decision.outcome !== 'launched') throw new Error(`the bench trigger answered ${decision.outcome}`);
    const captured = captures.append({
      request,
      decision: { kind: decision.kind, response: decision.response, triggerId: decision.triggerId, outcome: decision.outcome },
      responseHead: RESPONSE_HEAD,
    });
    await Promise.all([captured, decision.commit!(captured)]);
  }
  const launches = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i += PER_TURN) {
      await Promise.all(Array.from({ length: PER_TURN }, launch));
      await new Promise((r) => setImmediate(r)); // the committed launches start
    }
  };

  try {
    await launches(5_000);
    for (let round = 1; round <= ROUNDS; round++) {
      const before = process.cpuUsage();
      const started = performance.now();
      await launches(LAUNCHES);
      const cpu = process.cpuUsage(before);
      const wall = performance.now() - started;
      console.log(
        `round ${round}/${ROUNDS}: ${LAUNCHES} launches, ${((cpu.user + cpu.system) / LAUNCHES).toFixed(1)} µs CPU and ${((wall * 1000) / LAUNCHES).toFixed(1)} µs wall per launch`,
      );
    }
  } finally {
    events.flush();
    await captures.close();
    await triggers.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
