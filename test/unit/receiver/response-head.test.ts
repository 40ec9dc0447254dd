// The capture keeps the response head exactly as the receiver wrote it: compared with the bytes a
// raw socket reads (status line, every header in order, Date, Connection, Keep-Alive,
// Content-Length or Transfer-Encoding, the blank line).
import { promises as fs } from 'node:fs';
import net from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaptureSummary } from '@shared/capture';
import type { CaptureStore, RequestRouter } from '../../../src/main/engine/ports';
import { createInboxRouter, createReceiver, type Receiver, type ReceiverOptions } from '../../../src/main/engine/receiver';
import { openCaptureStore } from '../../../src/main/engine/store/capture-store';
import { makeTempDir } from '../../support/temp-dir';

let dir: string;
let store: CaptureStore;
let receiver: Receiver | null;
let port: number;
const captured: CaptureSummary[] = [];
const inbox = createInboxRouter(() => ({ status: 202, contentType: 'text/plain', body: 'accepted' }));

async function start(overrides: Partial<ReceiverOptions> = {}): Promise<void> {
  receiver = createReceiver({ host: '127.0.0.1', port: 0, bodyLimitBytes: () => 1024, router: inbox, store, onCapture: (s) => captured.push(s), ...overrides });
  await receiver.listen();
  port = receiver.address()!.port;
}

beforeEach(async () => {
  dir = await makeTempDir('response-head');
  store = await openCaptureStore(dir, { maxCaptures: 1000, maxBytes: 1024 ** 3 });
  captured.length = 0;
  receiver = null;
});
afterEach(async () => {
  await receiver?.close();
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Sends requests one after another on one connection; each answer's head as read off the socket (through the blank line). */
async function heads(requests: string[]): Promise<string[]> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  let buffered = Buffer.alloc(0);
  socket.on('data', (c) => {
    buffered = Buffer.concat([buffered, c]);
  });
  const out: string[] = [];
  for (const request of requests) {
    socket.write(request);
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end !== -1) {
        const head = buffered.subarray(0, end + 4).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        const chunked = /\r\ntransfer-encoding: *chunked/i.test(head);
        const bodyEnd = chunked ? buffered.indexOf('0\r\n\r\n', end + 4) + 5 : end + 4 + length;
        if ((chunked && bodyEnd > 4) || (!chunked && buffered.length >= bodyEnd)) {
          out.push(head);
          buffered = buffered.subarray(bodyEnd);
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  socket.destroy();
  return out;
}

const post = (path: string, extra = '') => `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n${extra}\r\nhi`;

it('keeps the head of a keep-alive answer and of a closing one exactly as read off the socket', async () => {
  await start();
  const [first, last] = await heads([post('/a'), post('/b', 'Connection: close\r\n')]);
  expect(captured.map((c) => c.path)).toEqual(['/a', '/b']);
  const a = (await store.get(captured[0].id))!;
  const b = (await store.get(captured[1].id))!;
  expect(a.responseHead).toBe(first);
  expect(b.responseHead).toBe(last);
  // every header node adds is there, in the order written
  const names = (head: string) =>
    head
      .split('\r\n')
      .slice(1, -2)
      .map((l) => l.slice(0, l.indexOf(':')));
  expect(first.startsWith('HTTP/1.1 202 Accepted\r\n')).toBe(true);
  expect(names(first)).toEqual(['Content-Type', 'Content-Length', 'Date', 'Connection', 'Keep-Alive']);
  expect(first).toMatch(/\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n$/);
  expect(first).toMatch(/\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\n/);
  expect(names(last)).toEqual(['Content-Type', 'Content-Length', 'Date', 'Connection']);
  expect(last).toMatch(/\r\nConnection: close\r\n\r\n$/);
});

it('keeps a trigger-style answer with its own Transfer-Encoding and duplicate headers as written', async () => {
  const router: RequestRouter = async () => ({
    kind: 'inbox',
    response: {
      status: 200,
      headers: [
        ['X-Dup', '1'],
        ['x-dup', '2'],
        ['Transfer-Encoding', 'chunked'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"ok":true}',
    },
  });
  await start({ router });
  const [head] = await heads([post('/te')]);
  const detail = (await store.get(captured[0].id))!;
  expect(detail.responseHead).toBe(head);
  expect(head).toContain('\r\nX-Dup: 1\r\nx-dup: 2\r\nTransfer-Encoding: chunked\r\n');
  expect(head).not.toMatch(/content-length/i);
});

it('a head formed for an answer that could not be stored is replaced by the 500, byte for byte clean', async () => {
  const failingStore = {
    ...store,
    append: async () => {
      throw new Error('disk full');
    },
  } as CaptureStore;
  await start({ store: failingStore });
  const [head] = await heads([post('/y')]);
  expect(head.slice(0, head.indexOf('\r\n'))).toBe('HTTP/1.1 500 Internal Server Error');
  expect(head.match(/content-length/gi)).toHaveLength(1);
  expect(head).not.toContain('Accepted');
  expect(head).toContain('Content-Type: text/plain; charset=utf-8');
});
