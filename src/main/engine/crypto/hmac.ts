// HMAC digests as the engine computes and compares them: Node's crypto (every algorithm the
// trigger spec allows, md5 and sha224 included). Used by the trigger checker, its forensics,
// the basestring playground and notification signing.
import { createHmac } from 'node:crypto';
import { fromBase64 } from '@shared/triggers/bytes';

export function computeHmac(algorithm: string, secret: Uint8Array, data: Uint8Array): Buffer {
  return createHmac(algorithm, secret).update(data).digest();
}

export function encodeDigest(digest: Uint8Array, encoding: 'hex' | 'base64'): string {
  return (Buffer.isBuffer(digest) ? digest : Buffer.from(digest)).toString(encoding);
}

/** The received token as digest bytes, or why it cannot be one. */
export function decodeToken(token: string, encoding: 'hex' | 'base64'): { ok: true; bytes: Uint8Array; normalised: string } | { ok: false; reason: string } {
  if (encoding === 'hex') {
    const t = token.trim().toLowerCase();
    // node's hex decoding stops at the first pair that is not hex: all of it decoded means all of it is hex
    const bytes = Buffer.from(t, 'hex');
    if (bytes.length * 2 !== t.length) return { ok: false, reason: 'the signature is not hex' };
    return { ok: true, bytes, normalised: t };
  }
  const bytes = fromBase64(token.trim());
  if (!bytes) return { ok: false, reason: 'the signature is not valid base64' };
  return { ok: true, bytes, normalised: Buffer.from(bytes).toString('base64') };
}
