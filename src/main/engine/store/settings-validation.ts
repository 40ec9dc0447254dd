// Settings checks shared by the workspace file loader and the Settings page's updates.
// Each problem names the JSON path of the offending value.
import type { Settings, SettingsPatch, ThemePreference } from '../../../shared/settings';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const GIB = 1024 ** 3;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function isInt(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** the first problem with a full settings object, or null */
export function settingsProblem(s: unknown, at = 'settings'): string | null {
  if (!isObject(s)) return `${at} must be an object`;
  const receiver = s.receiver;
  if (!isObject(receiver)) return `${at}.receiver must be an object`;
  if (typeof receiver.host !== 'string' || !receiver.host.trim()) return `${at}.receiver.host must be a non-empty string`;
  if (!isInt(receiver.port, 0, 65535)) return `${at}.receiver.port must be an integer 0-65535`;
  if (!isInt(receiver.maxConnections, 1, 100_000)) return `${at}.receiver.maxConnections must be an integer from 1 to 100000`;
  if (!isInt(s.bodyLimitBytes, 1, GIB)) return `${at}.bodyLimitBytes must be an integer from 1 to ${GIB} (1 GiB)`;
  const retention = s.retention;
  if (!isObject(retention)) return `${at}.retention must be an object`;
  if (!isInt(retention.maxCaptures, 1, Number.MAX_SAFE_INTEGER)) return `${at}.retention.maxCaptures must be a positive integer`;
  if (!isInt(retention.maxBytes, 1, Number.MAX_SAFE_INTEGER)) return `${at}.retention.maxBytes must be a positive integer`;
  const inbox = s.inboxResponse;
  if (!isObject(inbox)) return `${at}.inboxResponse must be an object`;
  if (!isInt(inbox.status, 100, 599)) return `${at}.inboxResponse.status must be an integer 100-599`;
  if (typeof inbox.contentType !== 'string') return `${at}.inboxResponse.contentType must be a string`;
  if (typeof inbox.body !== 'string') return `${at}.inboxResponse.body must be a string`;
  if (!THEMES.includes(s.theme as ThemePreference)) return `${at}.theme must be one of ${THEMES.join(', ')}`;
  return null;
}

/** fills what a settings object lacks from `base`, one level deep for the nested groups */
export function mergeSettings(base: Settings, patch: SettingsPatch | Record<string, unknown>): Settings {
  const p = patch as Record<string, unknown>;
  const group = <K extends 'receiver' | 'retention' | 'inboxResponse'>(key: K): Settings[K] =>
    (isObject(p[key]) ? { ...base[key], ...pick(p[key] as object, Object.keys(base[key])) } : base[key]) as Settings[K];
  return {
    receiver: group('receiver'),
    bodyLimitBytes: (p.bodyLimitBytes ?? base.bodyLimitBytes) as number,
    retention: group('retention'),
    inboxResponse: group('inboxResponse'),
    theme: (p.theme ?? base.theme) as ThemePreference,
  };
}

/** applies a patch and throws a SettingsError naming the bad field when the result is invalid */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next = mergeSettings(current, patch);
  const problem = settingsProblem(next);
  if (problem) throw new SettingsError(problem);
  return next;
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in source) out[key] = (source as Record<string, unknown>)[key];
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
