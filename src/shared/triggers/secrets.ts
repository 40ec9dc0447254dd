// `{env:NAME}` references in secret keys, and keeping secret values out of anything shown.
import type { EnvVariable } from '../trigger';

export type EnvSource = readonly EnvVariable[] | Readonly<Record<string, string>>;

const ENV_REF = /\{env:([^{}]*)\}/g;

function envLookup(env: EnvSource, name: string): string | undefined {
  if (Array.isArray(env)) return (env as readonly EnvVariable[]).find((v) => v.name === name)?.value;
  const rec = env as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(rec, name) ? rec[name] : undefined;
}

export const envReferences = (text: string): string[] => [...text.matchAll(ENV_REF)].map((m) => m[1]);

export type ResolvedSecret = { ok: true; value: string; references: string[] } | { ok: false; reason: string; missing: string[] };

/** Replaces every {env:NAME}; any missing variable fails, naming all of them. */
export function resolveSecret(secretKey: string, env: EnvSource): ResolvedSecret {
  // the common case, a literal key: no pattern scan, no replace (the trigger path runs this per request)
  if (!secretKey.includes('{env:')) return { ok: true, value: secretKey, references: [] };
  const refs = envReferences(secretKey);
  const missing = [...new Set(refs.filter((name) => envLookup(env, name) === undefined))];
  if (missing.length > 0) {
    const names = missing.map((n) => JSON.stringify(n)).join(', ');
    return {
      ok: false,
      missing,
      reason: `secret key refers to environment variable${missing.length > 1 ? 's' : ''} ${names} that ${missing.length > 1 ? 'are' : 'is'} not defined`,
    };
  }
  const value = secretKey.replace(ENV_REF, (_m, name: string) => envLookup(env, name) ?? '');
  return { ok: true, value, references: refs };
}

/** "s3… (6 chars)": enough to recognise a value, never enough to use it. */
export function maskSecret(value: string): string {
  if (value.length === 0) return '(empty)';
  const shown = value.length >= 8 ? value.slice(0, 2) : value.length >= 4 ? value.slice(0, 1) : '';
  return `${shown}… (${value.length} chars)`;
}

/** Values that must never appear in shown text: secret env values and literal secret keys. */
export function secretValues(env: EnvSource, extra: string[] = []): string[] {
  const values = Array.isArray(env)
    ? (env as readonly EnvVariable[]).filter((v) => v.secret).map((v) => v.value)
    : Object.values(env as Record<string, string>);
  return [...values, ...extra].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
}

/** Replaces any occurrence of a secret in text with its mask. */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(maskSecret(s));
  return out;
}
