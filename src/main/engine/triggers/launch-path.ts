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
  // absolute-form request targets ("http://host/api/...") are legal HTTP/1.1 (an origin-form one starts with "/")
  const abs = pathname.charCodeAt(0) === 0x2f ? null : pathname.match(/^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i);
  if (abs) pathname = abs[1] ?? '/';
  if (!pathname.startsWith(LAUNCH_PREFIX)) return null;
  // <id>[/] launches, <id>/run[/] is run-info; one trailing slash is optional
  const end = pathname.endsWith('/') ? pathname.length - 1 : pathname.length;
  const slash = pathname.indexOf('/', LAUNCH_PREFIX.length);
  const triggerId = pathname.slice(LAUNCH_PREFIX.length, slash < 0 || slash > end ? end : slash);
  if (!triggerId) return { kind: 'unknown', triggerId };
  if (slash < 0 || slash >= end) return { kind: 'launch', triggerId };
  return pathname.slice(slash + 1, end) === 'run' ? { kind: 'run-info', triggerId } : { kind: 'unknown', triggerId };
}
