// Signing profiles in the workspace section `signingProfiles`. Literal secrets never go to the
// renderer: it sees SECRET_PLACEHOLDER, and saving the placeholder keeps the stored value.
import { SECRET_PLACEHOLDER, type Trigger } from '@shared/trigger';
import { envReferences } from '@shared/triggers/secrets';
import type { SigningProfile } from '@shared/signing/types';

export const PROFILES_SECTION = 'signingProfiles';

export const isLiteralSecret = (secret: string): boolean => secret !== '' && envReferences(secret).length === 0;

export const maskProfile = (p: SigningProfile): SigningProfile => (isLiteralSecret(p.secret) ? { ...p, secret: SECRET_PLACEHOLDER } : { ...p });

/** Profiles built by "sign like this trigger" carry this id prefix plus the trigger id. */
export const TRIGGER_PROFILE_PREFIX = 'trigger:';

/**
 * A profile from the renderer: a placeholder secret means "the one stored under this id", or,
 * for a profile built from a trigger, that trigger's secret key.
 */
export function withStoredSecret(p: SigningProfile, stored: readonly SigningProfile[], triggers: readonly Trigger[] = []): SigningProfile {
  if (p.secret !== SECRET_PLACEHOLDER) return p;
  const old = stored.find((s) => s.id === p.id);
  if (old) return { ...p, secret: old.secret };
  if (p.id.startsWith(TRIGGER_PROFILE_PREFIX)) {
    const trigger = triggers.find((t) => t.id === p.id.slice(TRIGGER_PROFILE_PREFIX.length));
    const auth = trigger?.conditions.find((c) => c.type === 'web-auth');
    if (auth && auth.type === 'web-auth') return { ...p, secret: auth.secretKey };
  }
  return p;
}

/** For exports of the section: literal secrets replaced unless asked for. */
export const redactProfiles = (list: readonly SigningProfile[], includeSecrets: boolean): SigningProfile[] =>
  list.map((p) => (includeSecrets ? { ...p } : maskProfile(p)));
