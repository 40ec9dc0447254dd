// The control server of headless mode: the renderer build, the contract over HTTP and the
// event stream over a WebSocket, on 127.0.0.1 only, behind a per-launch token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_QUERY_PARAM } from '@shared/transport';
import { WEB_CALL_PREFIX, WEB_EVENTS_PATH } from '@shared/contract';
import type { Engine } from '../../engine/ports';
import { bearerToken, createToken, hostOriginProblem, tokenMatches } from './access';
import { handleCall, sendError } from './call-route';
import { createEventSocket, rejectUpgrade } from './events-socket';
import { openStaticSite } from './static-files';

/** Big enough for a workspace import; calls are otherwise small. */
export const DEFAULT_CALL_BODY_LIMIT = 30 * 1024 * 1024;

export interface ControlServerOptions {
  engine: Pick<Engine, 'handlers' | 'events'>;
  /** only loopback makes sense: the Host check accepts 127.0.0.1 and localhost */
  host?: '127.0.0.1';
  /** 0 picks a free port */
  port: number;
  /** default: 32 random bytes, base64url */
  token?: string;
  /** the renderer build (out/web) */
  staticDir: string;
  bodyLimitBytes?: number;
}

export interface ControlServer {
  /** the UI address, token included */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_CALL_BODY_LIMIT;
  const site = await openStaticSite(options.staticDir);
  const handlers = options.engine.handlers;
  let port = options.port;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const refused = hostOriginProblem(req.headers, port);
    if (refused) {
      sendError(res, 403, { code: 'forbidden', message: refused });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(token, bearerToken(req.headers))) {
        sendError(res, 401, { code: 'unauthorized', message: 'missing or wrong token' });
        return;
      }
      if (url.pathname.startsWith(WEB_CALL_PREFIX)) {
        await handleCall(req, res, url.pathname.slice(WEB_CALL_PREFIX.length), handlers, bodyLimit);
        return;
      }
      sendError(res, 404, { code: 'not_found', message: `no such route: ${url.pathname}` });
      return;
    }
    await site.serve(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      console.error('hookbench: control request failed:', err);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;

  const events = createEventSocket(options.engine.events);
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refused = hostOriginProblem(req.headers, port);
    if (refused) return rejectUpgrade(socket, 403, refused);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== WEB_EVENTS_PATH) return rejectUpgrade(socket, 404, 'not found');
    if (!tokenMatches(token, url.searchParams.get(TOKEN_QUERY_PARAM))) {
      return rejectUpgrade(socket, 401, 'missing or wrong token');
    }
    events.accept(req, socket, head);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  }).catch(async (err: unknown) => {
    await events.close();
    throw err;
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= (async () => {
      await events.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    })();
    return closing;
  }

  const url = `http://${host}:${port}/?${TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`;
  return { url, port, token, close };
}
