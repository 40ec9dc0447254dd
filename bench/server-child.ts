// Runs one server under test in its own process, so the load generator never shares its core.
// argv: bare | receiver <dataDir>. Prints {"url": ...} once listening; stops on SIGTERM.
import http from 'node:http';
import { createEventBus } from '../src/main/engine/events/event-bus';
import { createInboxRouter, createReceiver } from '../src/main/engine/receiver';
import { capturesDir, openCaptureStore } from '../src/main/engine/store/capture-store';
import { DEFAULT_SETTINGS } from '../src/shared/settings';

async function bare(): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Buffer.concat(chunks);
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2 });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  process.on('SIGTERM', () => process.exit(0));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

async function receiver(dataDir: string): Promise<string> {
  const settings = DEFAULT_SETTINGS;
  const store = await openCaptureStore(capturesDir(dataDir), settings.retention);
  const bus = createEventBus();
  const rx = createReceiver({
    host: '127.0.0.1',
    port: 0,
    bodyLimitBytes: () => settings.bodyLimitBytes,
    router: createInboxRouter(() => settings.inboxResponse),
    store,
    onCapture: (capture) => bus.emit({ type: 'capture.received', at: Date.now(), capture }),
  });
  const { url } = await rx.listen();
  process.on('SIGTERM', () => {
    void rx.close().then(() => store.close()).then(() => process.exit(0));
  });
  return url;
}

async function main(): Promise<void> {
  const [mode, dataDir] = process.argv.slice(2);
  const url = mode === 'bare' ? await bare() : await receiver(dataDir);
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
