// PagerDuty: X-PagerDuty-Signature: v1=<HMAC-SHA256 of {body}, hex>.
import type { HmacProvider } from './types';

export const pagerduty = {
  id: 'pagerduty',
  label: 'PagerDuty',
  secretHint: 'webhook signing secret',
  secretEnv: 'PAGERDUTY_WEBHOOK_SECRET',
  sender: true,
  scheme: 'hmac',
  header: 'X-PagerDuty-Signature',
  prefix: 'v1=',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: '{body}',
} as const satisfies HmacProvider<'pagerduty'>;
