// How an export refers to the signing secret: an env reference stays a reference in the target
// language; a literal is written out only when the user opted in.
import { envReferences } from '../triggers/secrets';
import type { SigningProfile } from './types';

export type SecretSource = { kind: 'env'; name: string } | { kind: 'literal'; value: string } | { kind: 'redacted'; name: string };

export const REDACTED_SECRET_VAR = 'HOOKBENCH_SECRET';

export function secretSource(profile: SigningProfile, includeSecrets: boolean): SecretSource {
  const refs = envReferences(profile.secret);
  if (refs.length === 1 && profile.secret === `{env:${refs[0]}}` && /^[A-Za-z_][A-Za-z0-9_]*$/.test(refs[0])) return { kind: 'env', name: refs[0] };
  if (includeSecrets && refs.length === 0) return { kind: 'literal', value: profile.secret };
  return { kind: 'redacted', name: REDACTED_SECRET_VAR };
}

/** A sentinel the exporters put where a computed value goes, then swap for a variable. */
export const TOKEN_SENTINEL = '__HOOKBENCH_TOKEN__';
export const TS_SENTINEL = '__HOOKBENCH_TS__';
export const ID_SENTINEL = '__HOOKBENCH_ID__';

export const SKIPPED_EXPORT_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);
