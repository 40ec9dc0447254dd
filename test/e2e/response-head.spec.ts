// Issue 14 item 9: "Response sent" shows the header block the receiver wrote, byte for byte as a
// raw socket reads it (Date, Connection, Keep-Alive, Content-Length…), not a reconstruction; a
// capture stored before the block was recorded still shows, labelled as reconstructed.
import net from 'node:net';
import { rm } from 'node:fs/promises';
import { capturesDir, openCaptureStore } from '../../src/main/engine/store/capture-store';
import { newCaptureId } from '../../src/main/engine/store/capture-id';
import { makeTempDir } from '../support/temp-dir';
import { expect, test, uniquePath } from './fixtures';
import { openInbox, rowFor } from './inbox-page';
import { startServe } from './serve-process';

/** one keep-alive request over a raw socket; the answer's head as read (through the blank line) */
function rawHead(receiverUrl: string, path: string): Promise<string> {
  const { hostname, port } = new URL(receiverUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let got = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('data', (c) => {
      got = Buffer.concat([got, c]);
      const end = got.indexOf('\r\n\r\n');
      if (end !== -1) {
        socket.destroy();
        resolve(got.subarray(0, end + 4).toString('latin1'));
      }
    });
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
  });
}

test('"Response sent" is the header block as the receiver wrote it', async ({ page, hookbench }) => {
  const path = uniquePath('head');
  const head = await rawHead(hookbench.receiverUrl, path);
  expect(head).toMatch(/\r\nDate: .+\r\nConnection: keep-alive\r\nKeep-Alive: timeout=\d+\r\n\r\n$/);
  await openInbox(page, hookbench.uiUrl);
  await rowFor(page, path).click();
  const shown = page.getByTestId('capture-detail').getByTestId('response-head');
  await expect(shown).toBeVisible();
  // every line, in order, as read off the socket
  expect((await shown.innerText()).trim()).toBe(head.trim().split('\r\n').join('\n'));
  await expect(page.getByTestId('capture-detail').getByTestId('response-headers-note')).toContainText('exactly as the receiver wrote them');
});

test('a capture stored before the block was recorded shows its headers, labelled as reconstructed', async ({ page }) => {
  const dataDir = await makeTempDir('e2e-old-head');
  const store = await openCaptureStore(capturesDir(dataDir), { maxCaptures: 100, maxBytes: 1024 ** 2 });
  const now = Date.now();
  await store.append({
    request: {
      id: newCaptureId(now),
      receivedAt: now,
      method: 'POST',
      url: '/old/capture',
      httpVersion: '1.1',
      rawHeaders: [['Content-Type', 'text/plain']],
      body: Buffer.from('old'),
      remoteAddress: '127.0.0.1',
      remotePort: 1,
      timings: { startedAt: now, headersMs: 0, bodyMs: 0 },
    },
    decision: { kind: 'inbox', response: { status: 200, headers: [['X-Old', 'yes']], body: 'ok' } },
  });
  await store.close();
  const serve = await startServe(dataDir);
  try {
    await openInbox(page, serve.uiUrl);
    await rowFor(page, '/old/capture').click();
    const detail = page.getByTestId('capture-detail');
    await expect(detail.getByTestId('response-head')).toHaveCount(0);
    await expect(detail.getByTestId('response-headers-table')).toContainText('X-Old');
    await expect(detail.getByTestId('response-headers-note')).toHaveAttribute('data-reconstructed', 'true');
    await expect(detail.getByTestId('response-headers-note')).toContainText('Reconstructed');
  } finally {
    await serve.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
