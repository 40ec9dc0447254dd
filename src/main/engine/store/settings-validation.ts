// Settings checks shared by the workspace file loader and the Settings page's updates.
// Each problem names the JSON path of the offending value.
import { ApiError } from '@shared/api-error';
import type { Settings, SettingsPatch, ThemePreference } from '@shared/settings';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const GIB = 1024 ** 3;

/** A problem the store finds: the JSON path of the offending value and the whole message ("<path> must be …"). */
export interface PathProblem {
  path: string;
  message: string;
}

/** An invalid value the store refuses: code "invalid" with the path where the problem was found. */
export class StoreValidationError extends ApiError {
  constructor(p: PathProblem) {
    super('invalid', p.message, p.path);
    this.name = 'StoreValidationError';
  }
}

export class SettingsError extends StoreValidationError {
  override name = 'SettingsError';
}

function isInt(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** "<path> <problem>", how the store words a problem */
export const issue = (path: string, problem: string): PathProblem => ({ path, message: `${path} ${problem}` });

/** the first problem with a full settings object, or null */
export function settingsIssue(s: unknown, at = 'settings'): PathProblem | null {
  if (!isObject(s)) return issue(`${at}`, `must be an object`);
  const receiver = s.receiver;
  if (!isObject(receiver)) return issue(`${at}.receiver`, `must be an object`);
  if (typeof receiver.host !== 'string' || !receiver.host.trim()) return issue(`${at}.receiver.host`, `must be a non-empty string`);
  if (!isInt(receiver.port, 0, 65535)) return issue(`${at}.receiver.port`, `must be an integer 0-65535`);
  if (!isInt(receiver.maxConnections, 1, 100_000)) return issue(`${at}.receiver.maxConnections`, `must be an integer from 1 to 100000`);
  if (!isInt(s.bodyLimitBytes, 1, GIB)) return issue(`${at}.bodyLimitBytes`, `must be an integer from 1 to ${GIB} (1 GiB)`);
  const retention = s.retention;
  if (!isObject(retention)) return issue(`${at}.retention`, `must be an object`);
  if (!isInt(retention.maxCaptures, 1, Number.MAX_SAFE_INTEGER)) return issue(`${at}.retention.maxCaptures`, `must be a positive integer`);
  if (!isInt(retention.maxBytes, 1, Number.MAX_SAFE_INTEGER)) return issue(`${at}.retention.maxBytes`, `must be a positive integer`);
  const inbox = s.inboxResponse;
  if (!isObject(inbox)) return issue(`${at}.inboxResponse`, `must be an object`);
  if (!isInt(inbox.status, 100, 599)) return issue(`${at}.inboxResponse.status`, `must be an integer 100-599`);
  if (typeof inbox.contentType !== 'string') return issue(`${at}.inboxResponse.contentType`, `must be a string`);
  if (typeof inbox.body !== 'string') return issue(`${at}.inboxResponse.body`, `must be a string`);
  if (!THEMES.includes(s.theme as ThemePreference)) return issue(`${at}.theme`, `must be one of ${THEMES.join(', ')}`);
  return null;
}

/** the first problem with a full settings object as text, or null */
export const settingsProblem = (s: unknown, at = 'settings'): string | null => settingsIssue(s, at)?.message ?? null;

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
  const problem = settingsIssue(next);
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
