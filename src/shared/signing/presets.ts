// Provider presets: ready-made profiles for replaying into people's own apps, and for triggers
// that emulate a provider. Most are plain HMAC profiles; three need their own scheme.
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

const hmac = (key: string, prefix: string, format: string, encoding: 'hex' | 'base64', algorithm: 'sha1' | 'sha256' = 'sha256', timestampHeader?: string) =>
  (secret: string): ProfileBody => ({
    kind: 'hmac', secret, algorithm, encoding, format,
    placement: { namespace: 'header', key, prefix },
    ...(timestampHeader ? { timestamp: { namespace: 'header', key: timestampHeader, unit: 's' } } : {}),
  });

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'github', label: 'GitHub', secretHint: 'webhook secret', build: hmac('X-Hub-Signature-256', 'sha256=', '{body}', 'hex') },
  { id: 'slack', label: 'Slack', secretHint: 'signing secret', build: hmac('X-Slack-Signature', 'v0=', 'v0:{header:X-Slack-Request-Timestamp}:{body}', 'hex', 'sha256', 'X-Slack-Request-Timestamp') },
  { id: 'stripe', label: 'Stripe', secretHint: 'whsec_… endpoint secret', build: (secret) => ({ kind: 'provider', scheme: 'stripe', secret }) },
  { id: 'standard-webhooks', label: 'Standard Webhooks / Svix', secretHint: 'whsec_<base64>', build: (secret) => ({ kind: 'provider', scheme: 'standard-webhooks', secret }) },
  { id: 'shopify', label: 'Shopify', secretHint: 'app client secret', build: hmac('X-Shopify-Hmac-Sha256', '', '{body}', 'base64') },
  { id: 'twilio', label: 'Twilio', secretHint: 'auth token', build: (secret) => ({ kind: 'provider', scheme: 'twilio', secret }) },
  { id: 'linear', label: 'Linear', secretHint: 'webhook signing secret', build: hmac('Linear-Signature', '', '{body}', 'hex') },
  { id: 'zoom', label: 'Zoom', secretHint: 'secret token', build: hmac('x-zm-signature', 'v0=', 'v0:{header:x-zm-request-timestamp}:{body}', 'hex', 'sha256', 'x-zm-request-timestamp') },
  { id: 'pagerduty', label: 'PagerDuty', secretHint: 'webhook signing secret', build: hmac('X-PagerDuty-Signature', 'v1=', '{body}', 'hex') },
];

export function presetProfile(presetId: string, secret: string, id: string): SigningProfile {
  const preset = PROVIDER_PRESETS.find((p) => p.id === presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  return { ...preset.build(secret), id, name: preset.label } as SigningProfile;
}
