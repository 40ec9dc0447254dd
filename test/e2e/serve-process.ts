// Starts the real `hookbench serve` (node + tsx, one process so kill -9 really kills it) on
// free ports and parses the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import type { ApiArgs, ApiMethod, ApiResult } from '@shared/contract';
import type { CallEnvelope } from '@shared/transport';

const REPO_ROOT = resolve(__dirname, '../..');

export interface ServeProcess {
  child: ChildProcess;
  receiverUrl: string;
  uiUrl: string;
  origin: string;
  token: string;
  dataDir: string;
  /** a contract call over the control API; throws on ok:false */
  call<M extends ApiMethod>(method: M, args?: ApiArgs<M>): Promise<ApiResult<M>>;
  /** SIGTERM and wait */
  stop(): Promise<void>;
  /** SIGKILL and wait: nothing gets to flush */
  kill9(): Promise<void>;
}

/** `readyTimeoutMs`: how long serve may take to print its URLs (30 s; the bench's million-capture store opens slower) */
export async function startServe(dataDir: string, extraArgs: string[] = [], options: { readyTimeoutMs?: number } = {}): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli/main.ts', 'serve', '--data-dir', dataDir, '--port', '0', '--control-port', '0', ...extraArgs],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let printed: { receiverUrl: string; uiUrl: string };
  try {
    printed = await printedUrls(child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    // never leave a serve running that did not come up (or came up too slowly)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    throw error;
  }
  const { receiverUrl, uiUrl } = printed;
  const ui = new URL(uiUrl);
  const token = ui.searchParams.get('token') ?? '';
  const origin = ui.origin;

  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };

  async function call<M extends ApiMethod>(method: M, args?: ApiArgs<M>): Promise<ApiResult<M>> {
    const res = await fetch(`${origin}/api/call/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args ?? null),
    });
    const envelope = (await res.json()) as CallEnvelope<M>;
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result;
  }

  return {
    child,
    receiverUrl: receiverUrl.replace(/\/$/, ''),
    uiUrl,
    origin,
    token,
    dataDir,
    call,
    stop: () => signal('SIGTERM'),
    kill9: () => signal('SIGKILL'),
  };
}

function printedUrls(child: ChildProcess, timeoutMs: number): Promise<{ receiverUrl: string; uiUrl: string }> {
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URLs within ${timeoutMs / 1000} s:\n${out}\n${err}`)), timeoutMs);
    child.stderr!.on('data', (c: Buffer) => {
      err += c;
      process.stderr.write(c);
    });
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const receiver = /^Receiver:\s+(\S+)/m.exec(out);
      const ui = /^UI:\s+(\S+)/m.exec(out);
      if (receiver && ui) {
        clearTimeout(timer);
        resolvePromise({ receiverUrl: receiver[1], uiUrl: ui[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}

export interface SentRequest {
  status: number;
  body: string;
}

/**
 * Sends one request with exactly these header tuples (duplicates kept, in order) — fetch()
 * would merge duplicates and add its own headers.
 */
export function sendRaw(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Array<[string, string]>; body?: Buffer | string },
): Promise<SentRequest> {
  const url = new URL(opts.path, baseUrl + '/');
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : (opts.body ?? Buffer.alloc(0));
  // with an array of headers Node adds nothing itself: Host and Content-Length go first
  const given = opts.headers ?? [];
  const has = (name: string) => given.some(([n]) => n.toLowerCase() === name);
  const tuples: Array<[string, string]> = [
    ...(has('host') ? [] : [['Host', url.host] as [string, string]]),
    ...(has('content-length') ? [] : [['Content-Length', String(body.length)] as [string, string]]),
    ...given,
  ];
  const flat = tuples.flat();
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: opts.method ?? 'POST', path: url.pathname + url.search, headers: flat }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A server may answer (413) and close before the whole body is written: the answer can
      // still arrive after our write fails, so give it a moment before calling this an error.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') setTimeout(() => reject(err), 1_000);
      else reject(err);
    });
    req.end(body);
  });
}
