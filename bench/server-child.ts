// Runs one server under test in its own process, so the load generator never shares its core.
// argv: bare | receiver <dataDir>. Prints {"url": ...} once listening; stops on SIGTERM.
import http from 'node:http';
import { createEngine } from '../src/main/engine/engine';

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

// The whole engine as `hookbench serve` runs it (routers, trigger emulator, event bus, stores),
// not just the receiver: that is what a sender's webhook goes through.
async function receiver(dataDir: string): Promise<string> {
  const engine = createEngine({ dataDir, mode: 'headless', settingsOverride: { receiver: { port: 0 } } });
  await engine.start();
  engine.events.subscribe(() => undefined);
  process.on('SIGTERM', () => {
    void engine.stop().then(() => process.exit(0));
  });
  return engine.info().receiverUrl;
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
