// The `signingProfiles` workspace section: checked with the schemas in shared/schema/signing-profile.ts,
// the first problem thrown with its JSON path.
import { SigningProfileSchema, SigningProfilesSchema } from '../schema/signing-profile';
import { parseOrThrow } from '../schema/validate';
import type { SigningProfile } from './types';

export function validateProfile(value: unknown, path: string): SigningProfile {
  return parseOrThrow(SigningProfileSchema, value, path);
}

export function validateProfiles(value: unknown, path: string): SigningProfile[] {
  return parseOrThrow(SigningProfilesSchema, value, path);
}
