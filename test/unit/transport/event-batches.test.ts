// The real event bus behind the web transport: a burst of events reaches a WebSocket client
// as one message, not one message per event.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startControlServer, type ControlServer } from '../../../src/main/transport/web/server';
import { createEventBus } from '../../../src/main/engine/events/event-bus';
import type { EngineEvent } from '@shared/events';
import { fakeEngine } from './fake-engine';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let server: ControlServer;
const events = createEventBus({ intervalMs: 50 });

beforeAll(async () => {
  dir = await makeTempDir('batches');
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  server = await startControlServer({ engine: { handlers: fakeEngine().handlers, events }, port: 0, staticDir: dir });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

it('delivers a burst of events as one batch message', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events?token=${server.token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const messages: EngineEvent[][] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));

  const burst: EngineEvent[] = Array.from({ length: 50 }, (_, i) => ({ type: 'captures.deleted', at: i, ids: [`c${i}`] }));
  burst.forEach((event) => events.emit(event));
  await new Promise((r) => setTimeout(r, 300));
  expect(messages).toEqual([burst]);
  ws.close();
});
