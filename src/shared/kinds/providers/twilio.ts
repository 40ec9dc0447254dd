// Twilio: X-Twilio-Signature: <HMAC-SHA1 of the full URL followed by every POST parameter as
// key+value sorted by key, base64>. No timestamp.
import { hmacLine, sq } from '../../signing/curl-parts';
import { TOKEN_SENTINEL } from '../../signing/export-secret';
import { setHeader } from '../../signing/placement';
import { twilioBasestring } from '../../signing/providers';
import type { SchemeProvider } from './types';

export const twilio = {
  id: 'twilio',
  label: 'Twilio',
  secretHint: 'auth token',
  secretEnv: 'TWILIO_AUTH_TOKEN',
  sender: true,
  scheme: 'twilio',
  header: 'X-Twilio-Signature',
  algorithm: 'sha1',
  encoding: 'base64',
  basestring: 'the full URL, then every POST parameter as key+value sorted by key',
  curl: (request, template) => {
    // the basestring is fixed when the command is written: no timestamp goes into it
    const base = twilioBasestring(request.url, request.body, request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1]);
    return {
      lines: [hmacLine('sha1', [sq(base)], 'base64')],
      template: { ...template, headers: setHeader(template.headers, 'X-Twilio-Signature', TOKEN_SENTINEL) },
    };
  },
  matrix: { signsTimestamp: false },
} as const satisfies SchemeProvider<'twilio', 'twilio'>;
