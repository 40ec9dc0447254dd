// Provider schemes a trigger cannot express: Stripe, Standard Webhooks (Svix) and Twilio.
import { concatBytes, decodeUtf8Strict, fromBase64, utf8 } from '../triggers/bytes';
import { hmacEncoded } from './hmac';
import { assertNever } from '../kinds/assert-never';
import { getHeader, setHeader } from './placement';
import type { OutgoingRequest, ProviderScheme } from './types';

export interface ProviderSigned {
  request: OutgoingRequest;
  basestring: Uint8Array;
  signature: string;
}

export function standardWebhooksKey(secret: string): Uint8Array {
  const raw = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  const key = fromBase64(raw);
  if (!key || key.length === 0) throw new Error('a Standard Webhooks secret is base64 after "whsec_"');
  return key;
}

/** Twilio signs the full URL followed by every POST parameter as key+value, sorted by key. */
export function twilioBasestring(url: string, body: Uint8Array, contentType: string | undefined): string {
  let out = url;
  if (body.length > 0 && (contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const text = decodeUtf8Strict(body) ?? '';
    const pairs = [...new URLSearchParams(text).entries()].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
    for (const [k, v] of pairs) out += k + v;
  }
  return out;
}

export async function signProvider(
  scheme: ProviderScheme,
  secret: string,
  request: OutgoingRequest,
  nowSec: number,
  opts: { algorithm?: string; omit?: boolean; newId: () => string },
): Promise<ProviderSigned> {
  const ts = String(nowSec);
  switch (scheme) {
    case 'stripe': {
      const basestring = concatBytes([utf8(`${ts}.`), request.body]);
      const sig = await hmacEncoded(opts.algorithm ?? 'sha256', secret, basestring, 'hex');
      const value = `t=${ts},v1=${sig}`;
      return { basestring, signature: value, request: opts.omit ? request : { ...request, headers: setHeader(request.headers, 'Stripe-Signature', value) } };
    }
    case 'standard-webhooks': {
      const id = getHeader(request.headers, 'webhook-id') ?? `msg_${opts.newId().replace(/-/g, '')}`;
      const basestring = concatBytes([utf8(`${id}.${ts}.`), request.body]);
      const sig = await hmacEncoded(opts.algorithm ?? 'sha256', standardWebhooksKey(secret), basestring, 'base64');
      let headers = setHeader(request.headers, 'webhook-id', id);
      headers = setHeader(headers, 'webhook-timestamp', ts);
      if (!opts.omit) headers = setHeader(headers, 'webhook-signature', `v1,${sig}`);
      return { basestring, signature: `v1,${sig}`, request: { ...request, headers } };
    }
    case 'twilio': {
      const basestring = utf8(twilioBasestring(request.url, request.body, getHeader(request.headers, 'content-type')));
      const sig = await hmacEncoded(opts.algorithm ?? 'sha1', secret, basestring, 'base64');
      return { basestring, signature: sig, request: opts.omit ? request : { ...request, headers: setHeader(request.headers, 'X-Twilio-Signature', sig) } };
    }
    default:
      return assertNever(scheme, 'provider scheme');
  }
}
