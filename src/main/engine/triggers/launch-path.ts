// Which trigger URL a request target names.

export const LAUNCH_PREFIX = '/api/v0/launch/';

export type LaunchTarget = { kind: 'launch'; triggerId: string } | { kind: 'run-info'; triggerId: string } | { kind: 'unknown'; triggerId: string };

/** null when the path is not under /api/v0/launch/ (the inbox answers those). */
/** true when parseLaunchPath(url) is certainly null: an origin-form target ("/hooks/x") not under the prefix */
export const outsideLaunchPrefix = (url: string): boolean => url.charCodeAt(0) === 0x2f && !url.startsWith(LAUNCH_PREFIX);

export function parseLaunchPath(url: string): LaunchTarget | null {
  if (outsideLaunchPrefix(url)) return null;
  const q = url.search(/[?#]/);
  let pathname = q < 0 ? url : url.slice(0, q);
  // absolute-form request targets ("http://host/api/...") are legal HTTP/1.1
  const abs = pathname.match(/^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i);
  if (abs) pathname = abs[1] ?? '/';
  if (!pathname.startsWith(LAUNCH_PREFIX)) return null;
  const parts = pathname.slice(LAUNCH_PREFIX.length).split('/');
  if (parts[parts.length - 1] === '') parts.pop(); // the trailing slash is optional
  const triggerId = parts[0] ?? '';
  if (parts.length === 1 && triggerId) return { kind: 'launch', triggerId };
  if (parts.length === 2 && parts[1] === 'run' && triggerId) return { kind: 'run-info', triggerId };
  return { kind: 'unknown', triggerId };
}
