// Runs one server under test in its own process, so the load generator never shares its core.
// argv: bare | bare-hmac | mockttp | engine <dataDir> [keep]. Prints {"url": ...} once listening;
// stops on SIGTERM. With BENCH_PROFILE=<file>, SIGUSR2 starts the CPU profiler and SIGTERM
// writes the profile of just that window (bench/profile.ts uses this).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import { createEngine } from '../src/main/engine/engine';
import { BENCH_HMAC, benchWorkspace } from './bench-trigger';

function listen(server: http.Server): Promise<string> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

function readAll(req: http.IncomingMessage, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => done(Buffer.concat(chunks)));
}

/** node:http reading the body and answering 200: the floor of any Node receiver */
function bare(): Promise<string> {
  return listen(
    http.createServer((req, res) => {
      readAll(req, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2 });
        res.end('ok');
      });
    }),
  );
}

/** node:http verifying the same HMAC header the trigger checks, and nothing else */
function bareHmac(): Promise<string> {
  const header = BENCH_HMAC.header.toLowerCase();
  return listen(
    http.createServer((req, res) => {
      readAll(req, (body) => {
        const given = String(req.headers[header] ?? '');
        const expected = createHmac('sha256', BENCH_HMAC.secret).update(body).digest();
        const got = Buffer.from(given.startsWith(BENCH_HMAC.prefix) ? given.slice(BENCH_HMAC.prefix.length) : '', 'hex');
        const ok = got.length === expected.length && timingSafeEqual(got, expected);
        res.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2 });
        res.end(ok ? 'ok' : 'no');
      });
    }),
  );
}

/** mockttp (npm), a peer tool that also records every request it answers */
async function mockttp(): Promise<string> {
  const { getLocal } = await import('mockttp');
  const server = getLocal();
  await server.start();
  // explicit headers are sent as given: without a length the body would end only at connection close
  await server.forAnyRequest().thenReply(200, 'ok', { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '2' });
  process.on('SIGTERM', () => void server.stop().finally(() => process.exit(0)));
  return server.url.replace('localhost', '127.0.0.1');
}

// The whole engine as `hookbench serve` runs it (routers, trigger emulator, event bus, stores),
// not just the receiver: that is what a sender's webhook goes through.
// With `keep`, retention holds that many captures (and trigger-log entries and runs): a run past
// it measures every request also evicting, as a long session's does.
async function engine(dataDir: string, keep?: number): Promise<string> {
  const engine = createEngine({ dataDir, mode: 'headless', settingsOverride: { receiver: { port: 0 } }, workspace: benchWorkspace() });
  await engine.start();
  if (keep) await engine.handlers['settings.update']({ retention: { maxCaptures: keep } });
  engine.events.subscribe(() => undefined);
  process.on('SIGTERM', () => {
    void engine.stop().then(() => process.exit(0));
  });
  return engine.info().receiverUrl;
}

/** profiles from SIGUSR2 until exit, so start-up does not pollute the figures */
function profileOnSignal(file: string): void {
  const session = new Session();
  session.connect();
  let started = false;
  process.on('SIGUSR2', () => {
    session.post('Profiler.enable', () =>
      session.post('Profiler.start', () => {
        started = true;
      }),
    );
  });
  const write = () => {
    if (!started) return;
    started = false;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
    });
  };
  process.prependListener('SIGTERM', write);
}

async function main(): Promise<void> {
  const [mode, dataDir, keep] = process.argv.slice(2);
  if (process.env.BENCH_PROFILE) profileOnSignal(process.env.BENCH_PROFILE);
  if (mode !== 'engine' && mode !== 'mockttp') process.on('SIGTERM', () => process.exit(0));
  const url =
    mode === 'bare'
      ? await bare()
      : mode === 'bare-hmac'
        ? await bareHmac()
        : mode === 'mockttp'
          ? await mockttp()
          : mode === 'engine'
            ? await engine(dataDir, keep ? Number(keep) : undefined)
            : Promise.reject(new Error(`unknown server mode ${mode}`));
  process.stdout.write(`${JSON.stringify({ url })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
