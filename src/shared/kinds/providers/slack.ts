// Slack: X-Slack-Signature: v0=<HMAC-SHA256 of v0:{header:X-Slack-Request-Timestamp}:{body}, hex>.
import type { HmacProvider } from './types';

export const slack = {
  id: 'slack',
  label: 'Slack',
  secretHint: 'signing secret',
  secretEnv: 'SLACK_SIGNING_SECRET',
  sender: true,
  scheme: 'hmac',
  header: 'X-Slack-Signature',
  prefix: 'v0=',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: 'v0:{header:X-Slack-Request-Timestamp}:{body}',
  timestamp: { header: 'X-Slack-Request-Timestamp', toleranceSeconds: 300 },
  trigger: {
    name: 'Slack',
    title: 'Slack request',
    description:
      'X-Slack-Signature: v0=<HMAC-SHA256 of "v0:<timestamp>:<body>">, with X-Slack-Request-Timestamp at most 5 minutes old. SLACK_SIGNING_SECRET is the app\'s signing secret.',
  },
} as const satisfies HmacProvider<'slack'>;
