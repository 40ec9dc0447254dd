// Stripe: Stripe-Signature: t=<timestamp>,v1=<HMAC-SHA256 of "<timestamp>.<body>", hex>.
import { hmacLine, tsLine } from '../../signing/curl-parts';
import { TOKEN_SENTINEL, TS_SENTINEL } from '../../signing/export-secret';
import { setHeader } from '../../signing/placement';
import type { SchemeProvider } from './types';

export const stripe = {
  id: 'stripe',
  label: 'Stripe',
  secretHint: 'whsec_… endpoint secret',
  secretEnv: 'STRIPE_WEBHOOK_SECRET',
  sender: true,
  scheme: 'stripe',
  header: 'Stripe-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  basestring: '<timestamp>.<body>, sent as t=<timestamp>,v1=<signature>',
  curl: (_request, template) => ({
    lines: [tsLine('s'), hmacLine('sha256', ['"$TS"', "'.'", '"$BODY"'], 'hex')],
    template: { ...template, headers: setHeader(template.headers, 'Stripe-Signature', `t=${TS_SENTINEL},v1=${TOKEN_SENTINEL}`) },
  }),
  matrix: { signsTimestamp: true },
} as const satisfies SchemeProvider<'stripe', 'stripe'>;
