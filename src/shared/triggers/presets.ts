// Ready-made triggers for common senders. Each builds an ordinary Trigger the user can edit.
import type { Condition, HmacAlgorithm, Trigger } from '../trigger';

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
  id, title, enabled: true, conditions, actions: [{ type: 'web-response-text', text: 'ok' }],
});

const hmac = (key: string, prefix: string, algorithm: HmacAlgorithm, hmacFormat = '{body}', secretKey = TOKEN): Condition => ({
  type: 'web-auth', authType: 'hmac', namespace: 'header', key, prefix, secretKey, algorithm, hmacFormat, encoding: 'hex',
});

const timestamp = (key: string, tolerance: number): Condition => ({ type: 'web-timestamp', namespace: 'header', key, tolerance });

export const TRIGGER_PRESETS: readonly TriggerPreset[] = [
  {
    id: 'github', name: 'GitHub',
    description: 'X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body, hex>. The webhook secret goes in GITHUB_WEBHOOK_SECRET.',
    build: () => trigger('github', 'GitHub webhook', [hmac('X-Hub-Signature-256', 'sha256=', 'sha256', '{body}', env('GITHUB_WEBHOOK_SECRET'))]),
  },
  {
    id: 'slack', name: 'Slack',
    description: 'X-Slack-Signature: v0=<HMAC-SHA256 of "v0:<timestamp>:<body>">, with X-Slack-Request-Timestamp at most 5 minutes old. SLACK_SIGNING_SECRET is the app\'s signing secret.',
    build: () => trigger('slack', 'Slack request', [
      hmac('X-Slack-Signature', 'v0=', 'sha256', 'v0:{header:X-Slack-Request-Timestamp}:{body}', env('SLACK_SIGNING_SECRET')),
      timestamp('X-Slack-Request-Timestamp', 300),
    ]),
  },
  {
    id: 'zoom', name: 'Zoom-style v0',
    description: 'x-zm-signature: v0=<HMAC-SHA256 of "v0:<x-zm-request-timestamp>:<body>">, timestamp checked within 5 minutes. The secret token goes in ZOOM_WEBHOOK_SECRET.',
    build: () => trigger('zoom', 'Zoom-style webhook', [
      hmac('x-zm-signature', 'v0=', 'sha256', 'v0:{header:x-zm-request-timestamp}:{body}', env('ZOOM_WEBHOOK_SECRET')),
      timestamp('x-zm-request-timestamp', 300),
    ]),
  },
  {
    id: 'linear', name: 'Linear',
    description: 'Linear-Signature: <HMAC-SHA256 of the body, hex>, no prefix. The signing secret goes in LINEAR_WEBHOOK_SECRET.',
    build: () => trigger('linear', 'Linear webhook', [hmac('Linear-Signature', '', 'sha256', '{body}', env('LINEAR_WEBHOOK_SECRET'))]),
  },
  {
    id: 'intercom', name: 'Intercom',
    description: 'X-Hub-Signature: sha1=<HMAC-SHA1 of the body, hex>, signed with the app client secret (INTERCOM_CLIENT_SECRET).',
    build: () => trigger('intercom', 'Intercom webhook', [hmac('X-Hub-Signature', 'sha1=', 'sha1', '{body}', env('INTERCOM_CLIENT_SECRET'))]),
  },
  {
    id: 'jira', name: 'Jira (admin webhooks)',
    description: 'X-Hub-Signature: sha256=<HMAC-SHA256 of the body, hex>, as Atlassian signs webhooks registered with a secret (JIRA_WEBHOOK_SECRET).',
    build: () => trigger('jira', 'Jira webhook', [hmac('X-Hub-Signature', 'sha256=', 'sha256', '{body}', env('JIRA_WEBHOOK_SECRET'))]),
  },
  {
    id: 'bearer', name: 'Static bearer token',
    description: 'Authorization: Bearer <WEBHOOK_TOKEN>.',
    build: () => trigger('bearer', 'Bearer token', [
      { type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: TOKEN },
    ]),
  },
  {
    id: 'query-token', name: 'Query-string token',
    description: 'The token is in the URL: …/?token=<WEBHOOK_TOKEN>. Only for senders that cannot set headers: URLs end up in logs.',
    build: () => trigger('query-token', 'Query-string token', [
      { type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', prefix: '', secretKey: TOKEN },
    ]),
  },
  {
    id: 'jwt-hs256', name: 'JWT HS256',
    description: 'Authorization: <JWT signed with HS256 using WEBHOOK_TOKEN> (the documented Python example, no prefix).',
    build: () => trigger('jwt-hs256', 'JWT (HS256)', [
      { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: '', secretKey: TOKEN, algorithm: 'HS256' },
    ]),
  },
  {
    id: 'jwt-rs256', name: 'JWT RS256',
    description: 'Authorization: Bearer <JWT signed with an RSA private key>; WEBHOOK_PUBLIC_KEY holds the public key (PEM, certificate or JWK).',
    build: () => trigger('jwt-rs256', 'JWT (RS256)', [
      { type: 'web-auth', authType: 'jwt', namespace: 'header', key: 'Authorization', prefix: 'Bearer ', secretKey: '{env:WEBHOOK_PUBLIC_KEY}', algorithm: 'RS256' },
    ]),
  },
  {
    id: 'doc-static', name: 'Documented example: static token',
    description: 'Authorization: <WEBHOOK_TOKEN>, exactly as the reference\'s first Python example sends it.',
    build: () => trigger('doc-static', 'Static token (documented example)', [
      { type: 'web-auth', authType: 'static', namespace: 'header', key: 'Authorization', prefix: '', secretKey: TOKEN },
    ]),
  },
  {
    id: 'doc-hmac', name: 'Documented example: HMAC',
    description: 'Authorization: <HMAC-SHA256 of the body, hex>, as the reference\'s HMAC Python example sends it.',
    build: () => trigger('doc-hmac', 'HMAC (documented example)', [hmac('Authorization', '', 'sha256')]),
  },
  {
    id: 'doc-hmac-timestamp', name: 'Documented example: HMAC + timestamp',
    description: 'Authorization: <HMAC-SHA256 of "prefix.<body>.<Request-Timestamp>">, with Request-Timestamp within 60 s.',
    build: () => trigger('doc-hmac-timestamp', 'HMAC with timestamp (documented example)', [
      hmac('Authorization', '', 'sha256', 'prefix.{body}.{header:Request-Timestamp}'),
      timestamp('Request-Timestamp', 60),
    ]),
  },
];

export const findPreset = (id: string): TriggerPreset | undefined => TRIGGER_PRESETS.find((p) => p.id === id);
