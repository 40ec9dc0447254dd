// Intercom: X-Hub-Signature: sha1=<HMAC-SHA1 of {body}, hex>.
import type { HmacProvider } from './types';

export const intercom = {
  id: 'intercom',
  label: 'Intercom',
  secretHint: 'app client secret',
  secretEnv: 'INTERCOM_CLIENT_SECRET',
  sender: false,
  scheme: 'hmac',
  header: 'X-Hub-Signature',
  prefix: 'sha1=',
  algorithm: 'sha1',
  encoding: 'hex',
  basestring: '{body}',
  trigger: {
    name: 'Intercom',
    title: 'Intercom webhook',
    description: 'X-Hub-Signature: sha1=<HMAC-SHA1 of the body, hex>, signed with the app client secret (INTERCOM_CLIENT_SECRET).',
  },
} as const satisfies HmacProvider<'intercom'>;
