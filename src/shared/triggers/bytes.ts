// Byte helpers that work the same in Node and in the browser (no Buffer here).

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Decodes UTF-8 or returns null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes UTF-8, replacing invalid sequences (for previews only). */
export const decodeUtf8Lenient = (bytes: Uint8Array): string => lenientDecoder.decode(bytes);

/**
 * Node hands header values over as latin1 strings (one char per wire byte), so re-encoding
 * them as latin1 gives back the bytes the sender signed. Values with wider characters can
 * only have come from a UI, where UTF-8 is the sender's encoding.
 */
export function headerValueBytes(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) return utf8(value);
    out[i] = code;
  }
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** the character codes of a preview's hex (32 bytes), reused: a plain array is what String.fromCharCode.apply takes fastest */
const previewCodes = new Array<number>(64).fill(0);

export function toHex(bytes: Uint8Array): string {
  // one flat string made at once: `+=` per byte leaves a chain of partial strings behind, and
  // joining an array of pairs costs three times as much (a hex preview is made for every HMAC check)
  if (bytes.length * 2 === previewCodes.length) {
    for (let i = 0; i < bytes.length; i++) {
      previewCodes[2 * i] = HEX_DIGITS[bytes[i] >> 4];
      previewCodes[2 * i + 1] = HEX_DIGITS[bytes[i] & 15];
    }
    return String.fromCharCode.apply(null, previewCodes);
  }
  const pairs = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) pairs[i] = HEX_PAIRS[bytes[i]];
  return pairs.join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i],
      b = bytes[i + 1],
      c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

/** Strict base64 (standard or URL-safe alphabet, padding optional); null when malformed. */
export function fromBase64(text: string): Uint8Array | null {
  const s = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0,
    value = 0,
    at = 0;
  for (const ch of s) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Text preview: cut to `max` characters with an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
