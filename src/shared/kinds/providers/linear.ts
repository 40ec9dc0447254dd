// Linear: Linear-Signature: <HMAC-SHA256 of {body}, hex>.
import type { HmacProvider } from './types';

export const linear = {
  id: 'linear',
  label: 'Linear',
  secretHint: 'webhook signing secret',
  secretEnv: 'LINEAR_WEBHOOK_SECRET',
  eventHeader: 'Linear-Event',
  sender: true,
  scheme: 'hmac',
  header: 'Linear-Signature',
  prefix: '',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: '{body}',
  trigger: {
    name: 'Linear',
    title: 'Linear webhook',
    description: 'Linear-Signature: <HMAC-SHA256 of the body, hex>, no prefix. The signing secret goes in LINEAR_WEBHOOK_SECRET.',
  },
} as const satisfies HmacProvider<'linear'>;
