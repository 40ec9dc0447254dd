// Serves the renderer build read-only: known content types, no way out of the build folder,
// and index.html for client-side routes.
import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { cspFromHtml, FALLBACK_CSP, narrowWebSocketSources } from '../csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  readonly csp: string;
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

export async function openStaticSite(staticDir: string): Promise<StaticSite> {
  const root = await fs.realpath(resolve(staticDir));
  const indexPath = resolve(root, 'index.html');
  const indexHtml = await fs.readFile(indexPath, 'utf8');
  const csp = cspFromHtml(indexHtml) ?? FALLBACK_CSP;

  async function resolveFile(pathname: string): Promise<string | null> {
    const candidate = resolve(root, '.' + pathname);
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    try {
      // realpath: a symlink inside the build must not lead outside it either
      const real = await fs.realpath(candidate);
      if (real !== root && !real.startsWith(root + sep)) return null;
      const stat = await fs.stat(real);
      return stat.isFile() ? real : null;
    } catch {
      return null;
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path');
      return;
    }
    const found = decoded.endsWith('/') ? null : await resolveFile(decoded);
    // Client-side routes (no extension) get the app; a missing asset is a plain 404, never
    // HTML in place of a script.
    const file = found ?? (extname(decoded) === '' ? indexPath : null);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const isHtml = type.startsWith('text/html');
    const stat = await fs.stat(file);
    const headers: Record<string, string | number> = {
      'content-type': type,
      'content-length': stat.size,
      // hashed assets may be cached; the page itself must always be fresh
      'cache-control': isHtml ? 'no-store' : 'public, max-age=3600',
    };
    // the Host was checked before (127.0.0.1:<port> or localhost:<port>)
    if (isHtml) headers['content-security-policy'] = narrowWebSocketSources(csp, req.headers.host ?? null);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  return { csp, serve };
}
