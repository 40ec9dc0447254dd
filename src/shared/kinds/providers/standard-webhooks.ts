// Standard Webhooks / Svix: webhook-signature: v1,<HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>",
// base64>, keyed by the base64 bytes after "whsec_".
import { hmacLine, tsLine } from '../../signing/curl-parts';
import { ID_SENTINEL, TOKEN_SENTINEL, TS_SENTINEL } from '../../signing/export-secret';
import { setHeader } from '../../signing/placement';
import type { SchemeProvider } from './types';

export const standardWebhooks = {
  id: 'standard-webhooks',
  label: 'Standard Webhooks / Svix',
  secretHint: 'whsec_<base64>',
  secretEnv: 'STANDARD_WEBHOOKS_SECRET',
  sender: true,
  scheme: 'standard-webhooks',
  header: 'webhook-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  basestring: '<webhook-id>.<webhook-timestamp>.<body>, sent as v1,<signature>',
  curl: (_request, template) => {
    let headers = setHeader(template.headers, 'webhook-id', ID_SENTINEL);
    headers = setHeader(headers, 'webhook-timestamp', TS_SENTINEL);
    return {
      lines: [
        tsLine('s'),
        'ID="msg_$(date +%s%N)"',
        `KEYHEX=$(printf '%s' "\${SECRET#whsec_}" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \\n')`,
        hmacLine('sha256', ['"$ID"', "'.'", '"$TS"', "'.'", '"$BODY"'], 'base64', '-mac HMAC -macopt hexkey:"$KEYHEX"'),
      ],
      template: { ...template, headers: setHeader(headers, 'webhook-signature', `v1,${TOKEN_SENTINEL}`) },
    };
  },
  // a wrong secret must still be valid base64 after whsec_, or it fails before signing
  matrix: { signsTimestamp: true, wrongSecret: `whsec_${btoa('hookbench-wrong-secret-32-bytes!')}` },
} as const satisfies SchemeProvider<'standard-webhooks', 'standard-webhooks'>;
