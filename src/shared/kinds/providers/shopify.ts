// Shopify: X-Shopify-Hmac-Sha256: <HMAC-SHA256 of {body}, base64>.
import type { HmacProvider } from './types';

export const shopify = {
  id: 'shopify',
  label: 'Shopify',
  secretHint: 'app client secret',
  secretEnv: 'SHOPIFY_WEBHOOK_SECRET',
  eventHeader: 'X-Shopify-Topic',
  sender: true,
  scheme: 'hmac',
  header: 'X-Shopify-Hmac-Sha256',
  prefix: '',
  algorithm: 'sha256',
  encoding: 'base64',
  basestring: '{body}',
} as const satisfies HmacProvider<'shopify'>;
