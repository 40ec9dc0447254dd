// Jira: X-Hub-Signature: sha256=<HMAC-SHA256 of {body}, hex>.
import type { HmacProvider } from './types';

export const jira = {
  id: 'jira',
  label: 'Jira',
  secretHint: 'webhook secret',
  secretEnv: 'JIRA_WEBHOOK_SECRET',
  sender: false,
  scheme: 'hmac',
  header: 'X-Hub-Signature',
  prefix: 'sha256=',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: '{body}',
  trigger: {
    name: 'Jira (admin webhooks)',
    title: 'Jira webhook',
    description: 'X-Hub-Signature: sha256=<HMAC-SHA256 of the body, hex>, as Atlassian signs webhooks registered with a secret (JIRA_WEBHOOK_SECRET).',
  },
} as const satisfies HmacProvider<'jira'>;
