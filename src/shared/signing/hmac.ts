// HMAC with WebCrypto, so the engine and the renderer's live preview compute the same bytes.
import { toBase64, toHex, utf8 } from '../triggers/bytes';

const HASH: Record<string, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** A BufferSource WebCrypto accepts in every realm (a fresh ArrayBuffer copy). */
const ab = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export async function hmacBytes(algorithm: string, key: Uint8Array | string, data: Uint8Array): Promise<Uint8Array> {
  const hash = HASH[algorithm];
  if (!hash) throw new Error(`HMAC algorithm ${algorithm} is not supported for signing (use sha1, sha256 or sha512)`);
  const keyBytes = typeof key === 'string' ? utf8(key) : key;
  const cryptoKey = await globalThis.crypto.subtle.importKey('raw', ab(keyBytes), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', cryptoKey, ab(data)));
}

export async function hmacEncoded(algorithm: string, key: Uint8Array | string, data: Uint8Array, encoding: 'hex' | 'base64'): Promise<string> {
  const mac = await hmacBytes(algorithm, key, data);
  return encoding === 'hex' ? toHex(mac) : toBase64(mac);
}
