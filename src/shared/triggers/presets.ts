// Ready-made triggers for common senders. Each builds an ordinary Trigger the user can edit.
import type { Condition, HmacAlgorithm, Trigger } from '../trigger';
import { PROVIDERS, type HmacProvider, type TriggerProviderId } from '../kinds/providers';

export interface TriggerPreset {
  id: string;
  name: string;
  description: string;
  build(): Trigger;
}

/** the generic token of the documented examples and token presets */
const TOKEN = '{env:WEBHOOK_TOKEN}';
/** each provider's secret has its own, provider-named variable, so two presets never share one */
const env = (name: string) => `{env:${name}}`;

const trigger = (id: string, title: string, conditions: Condition[]): Trigger => ({
  id,
  title,
  enabled: true,
  conditions,
  actions: [{ type: 'web-response-text', text: 'ok' }],
});

const hmac = (
  key: string,
  prefix: string,
  algorithm: HmacAlgorithm,
  hmacFormat = '{body}',
  secretKey = TOKEN,
  encoding: 'hex' | 'base64' = 'hex',
): Condition => ({
  type: 'web-auth',
  authType: 'hmac',
  namespace: 'header',
  key,
  prefix,
  secretKey,
  algorithm,
  hmacFormat,
  encoding,
});

const timestamp = (key: string, tolerance: number): Condition => ({ type: 'web-timestamp', namespace: 'header', key, tolerance });

/** The providers offered as trigger presets, in the menu's order (their facts are in the catalogue). */
const PROVIDER_TRIGGERS: readonly TriggerProviderId[] = ['github', 'slack', 'zoom', 'linear', 'intercom', 'jira'];

function providerPreset(id: TriggerProviderId): TriggerPreset {
  const p: HmacProvider<TriggerProviderId> & { trigger: { name: string; title: string; description: string } } = PROVIDERS[id];
  return {
    id,
    name: p.trigger.name,
    description: p.trigger.description,
    build: () =>
      trigger(id, p.trigger.title, [
        hmac(p.header, p.prefix, p.algorithm, p.basestring, env(p.secretEnv), p.encoding),
        ...(p.timestamp ? [timestamp(p.timestamp.header, p.timestamp.toleranceSeconds)] : []),
      ]),
  };
}

export const TRIGGER_PRESETS: readonly TriggerPreset[] = [
  ...PROVIDER_TRIGGERS.map(providerPreset),
  {
    id: 'bearer',
    name: 'Static bearer token',
    description: 'Authorization: Bearer <WEBHOOK_TOKEN>.',
    build: () =>
      trigger('bearer', 'Bearer token', [
        { type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: TOKEN },
      ]),
  },
  {
    id: 'query-token',
    name: 'Query-string token',
    description: 'The token is in the URL: …/?token=<WEBHOOK_TOKEN>. Only for senders that cannot set headers: URLs end up in logs.',
    build: () =>
      trigger('query-token', 'Query-string token', [{ type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', prefix: '', secretKey: TOKEN }]),
  },
  {
    id: 'jwt-hs256',
    name: 'JWT HS256',
    description: 'Authorization: <JWT signed with HS256 using WEBHOOK_TOKEN> (the documented Python example, no prefix).',
    build: () =>
      trigger('jwt-hs256', 'JWT (HS256)', [
        { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: '', secretKey: TOKEN, algorithm: 'HS256' },
      ]),
  },
  {
    id: 'jwt-rs256',
    name: 'JWT RS256',
    description: 'Authorization: Bearer <JWT signed with an RSA private key>; WEBHOOK_PUBLIC_KEY holds the public key (PEM, certificate or JWK).',
    build: () =>
      trigger('jwt-rs256', 'JWT (RS256)', [
        {
          type: 'web-auth',
          authType: 'jwt',
          namespace: 'header',
          key: 'Authorization',
          prefix: 'Bearer ',
          secretKey: '{env:WEBHOOK_PUBLIC_KEY}',
          algorithm: 'RS256',
        },
      ]),
  },
  {
    id: 'doc-static',
    name: 'Documented example: static token',
    description: "Authorization: <WEBHOOK_TOKEN>, exactly as the reference's first Python example sends it.",
    build: () =>
      trigger('doc-static', 'Static token (documented example)', [
        { type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', prefix: '', secretKey: TOKEN },
      ]),
  },
  {
    id: 'doc-hmac',
    name: 'Documented example: HMAC',
    description: "Authorization: <HMAC-SHA256 of the body, hex>, as the reference's HMAC Python example sends it.",
    build: () => trigger('doc-hmac', 'HMAC (documented example)', [hmac('Authorization', '', 'sha256')]),
  },
  {
    id: 'doc-hmac-timestamp',
    name: 'Documented example: HMAC + timestamp',
    description: 'Authorization: <HMAC-SHA256 of "prefix.<body>.<Request-Timestamp>">, with Request-Timestamp within 60 s.',
    build: () =>
      trigger('doc-hmac-timestamp', 'HMAC with timestamp (documented example)', [
        hmac('Authorization', '', 'sha256', 'prefix.{body}.{header:Request-Timestamp}'),
        timestamp('Request-Timestamp', 60),
      ]),
  },
];

export const findPreset = (id: string): TriggerPreset | undefined => TRIGGER_PRESETS.find((p) => p.id === id);
