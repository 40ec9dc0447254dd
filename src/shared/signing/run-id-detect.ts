// Finding the run id in a launch response: the {run_id} placeholder's output in text or in any
// JSON string, or at a path the user points at.
import { findJsonPath } from '../triggers/lookup';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function walk(value: unknown, visit: (s: string) => string | null): string | null {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = walk(v, visit);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    // keys that name a run win over other strings
    const entries = Object.entries(value);
    for (const [k, v] of entries) if (/^run([_-]?id)?$/i.test(k) && typeof v === 'string' && v.trim()) return v.trim();
    for (const [, v] of entries) {
      const hit = walk(v, visit);
      if (hit) return hit;
    }
  }
  return null;
}

export function findRunId(body: string, jsonPath?: string): string | null {
  let doc: unknown;
  let isJson = false;
  try {
    doc = JSON.parse(body);
    isJson = true;
  } catch {
    // plain text
  }
  if (jsonPath) {
    if (!isJson) return null;
    const hit = findJsonPath(doc, jsonPath);
    return hit.found && typeof hit.value === 'string' && hit.value ? hit.value : null;
  }
  if (isJson) return walk(doc, (s) => UUID.exec(s)?.[0] ?? null);
  return UUID.exec(body)?.[0] ?? null;
}

/** `<launch-url>/run/`: the run-info endpoint of a launch URL (query dropped, trailing slash kept). */
export function runInfoUrl(launchUrl: string): string {
  const u = new URL(launchUrl);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.pathname += 'run/';
  return u.toString();
}

export type LaunchTarget = { launch: true; triggerId: string } | { launch: false; reason: string };

/**
 * Whether a URL looks like a trigger launch URL (`…/api/v0/launch/<id>/`), the only kind of
 * target whose answer names a run to follow; otherwise why tracking would have nothing to do.
 */
export function launchTarget(url: string): LaunchTarget {
  const text = url.trim();
  if (!text) return { launch: false, reason: 'no URL yet' };
  let path: string;
  try {
    path = new URL(text).pathname;
  } catch {
    return { launch: false, reason: 'not a complete URL yet' };
  }
  const launch = /\/api\/v0\/launch\/([^/]+)\/?$/.exec(path);
  if (launch) return { launch: true, triggerId: safeDecode(launch[1]) };
  if (/\/api\/v0\/launch\/[^/]+\/run\/?$/.test(path)) return { launch: false, reason: 'a run-info URL: it reports on a run, it starts none' };
  return { launch: false, reason: 'not a trigger launch URL (…/api/v0/launch/<id>/), so its answer names no run' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
