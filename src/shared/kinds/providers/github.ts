// GitHub: X-Hub-Signature-256: sha256=<HMAC-SHA256 of {body}, hex>.
import type { HmacProvider } from './types';

export const github = {
  id: 'github',
  label: 'GitHub',
  secretHint: 'webhook secret',
  secretEnv: 'GITHUB_WEBHOOK_SECRET',
  eventHeader: 'X-GitHub-Event',
  sender: true,
  scheme: 'hmac',
  header: 'X-Hub-Signature-256',
  prefix: 'sha256=',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: '{body}',
  trigger: {
    name: 'GitHub',
    title: 'GitHub webhook',
    description: 'X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body, hex>. The webhook secret goes in GITHUB_WEBHOOK_SECRET.',
  },
} as const satisfies HmacProvider<'github'>;
