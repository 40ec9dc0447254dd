// What the sender shows and keeps (previews, history, tracks) never holds a secret value: a
// static token or a secret typed into a header goes out as-is, but is masked in every copy.
import type { SigningProfile, SignResult, TrackedRun } from '@shared/signing/types';
import { redactText, resolveSecret, secretValues, type EnvSource } from '@shared/triggers/secrets';
import { maskProfile } from './profiles';

/** The profile's secret (resolved) and every secret env value, longest first. */
export function secretsOf(profile: SigningProfile | null, env: EnvSource): string[] {
  const extra: string[] = [];
  if (profile?.secret) {
    const resolved = resolveSecret(profile.secret, env);
    if (resolved.ok) extra.push(resolved.value);
  }
  return secretValues(env, extra);
}

/** A copy of the signed request with every secret replaced by its mask (the body only when it holds one). */
export function maskSigned(signed: SignResult, secrets: string[]): SignResult {
  if (secrets.length === 0) return signed;
  const redact = (s: string) => redactText(s, secrets);
  const r = signed.request;
  const bodyText = Buffer.from(r.body).toString('utf8');
  const maskedBody = redact(bodyText);
  return {
    ...signed,
    request: {
      method: r.method,
      url: redact(r.url),
      headers: r.headers.map(([name, value]) => [name, redact(value)]),
      body: maskedBody === bodyText ? r.body : new Uint8Array(Buffer.from(maskedBody, 'utf8')),
    },
    ...(signed.signature !== undefined ? { signature: redact(signed.signature) } : {}),
    changed: signed.changed.map((c) => ({
      name: c.name,
      before: c.before === null ? null : redact(c.before),
      after: c.after === null ? null : redact(c.after),
    })),
  };
}

/** A track as the renderer and the history see it: its profile snapshot without a literal secret. */
export const maskTrack = (track: TrackedRun): TrackedRun => (track.profile ? { ...track, profile: maskProfile(track.profile) } : track);
