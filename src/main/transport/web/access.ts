// Who may talk to the control API: a per-launch token, and only our own Host/Origin, so a
// web page the user happens to visit cannot reach it (CSRF, DNS rebinding).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time: both sides are hashed first so their lengths never leak either. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** The token of a call: `Authorization: Bearer <token>`. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : null;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** null when Host (and Origin, when sent) name this server; otherwise why not. */
export function hostOriginProblem(headers: IncomingHttpHeaders, port: number): string | null {
  const hosts = allowedHosts(port);
  const host = headers.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return `Host must be one of ${hosts.join(', ')}`;
  const origin = headers.origin;
  if (origin !== undefined) {
    const origins = hosts.map((h) => `http://${h}`);
    if (!origins.includes(origin.toLowerCase())) return `Origin must be one of ${origins.join(', ')}`;
  }
  return null;
}
