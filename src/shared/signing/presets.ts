// Provider presets: ready-made profiles for replaying into people's own apps, and for triggers
// that emulate a provider. Most are plain HMAC profiles; three need their own scheme. The facts
// come from the provider catalogue (shared/kinds/providers).
import { isHmacProvider, PROVIDER_LIST, type Provider } from '../kinds/providers';
import type { SigningProfile } from './types';

/** Omit over each member of the union (plain Omit collapses it). */
export type ProfileBody = SigningProfile extends infer P ? (P extends SigningProfile ? Omit<P, 'id' | 'name'> : never) : never;

export interface ProviderPreset {
  id: string;
  label: string;
  /** what the user puts in the secret field */
  secretHint: string;
  build(secret: string): ProfileBody;
}

function build(provider: Provider): (secret: string) => ProfileBody {
  if (!isHmacProvider(provider)) return (secret) => ({ kind: 'provider', scheme: provider.scheme, secret });
  const { header, prefix, algorithm, encoding, basestring, timestamp } = provider;
  return (secret) => ({
    kind: 'hmac',
    secret,
    algorithm,
    encoding,
    format: basestring,
    placement: { namespace: 'header', key: header, prefix },
    ...(timestamp ? { timestamp: { namespace: 'header', key: timestamp.header, unit: 's' } } : {}),
  });
}

/** The catalogue's providers the Sender offers (shared/kinds/providers), in its order. */
export const PROVIDER_PRESETS: readonly ProviderPreset[] = PROVIDER_LIST.filter((p) => p.sender).map((p) => ({
  id: p.id,
  label: p.label,
  secretHint: p.secretHint,
  build: build(p),
}));

export function presetProfile(presetId: string, secret: string, id: string): SigningProfile {
  const preset = PROVIDER_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  return { ...preset.build(secret), id, name: preset.label } as SigningProfile;
}
