// What a captured body is and how it can be shown. Parsing happens here, in the view layer;
// the stored bytes are never changed.
import type { HeaderTuple } from '@shared/capture';
import { firstHeader, mediaType } from './headers';
import { parseUrlEncoded } from './query';
import type { Pair } from './query';

export type BodyViewId = 'json' | 'form' | 'raw' | 'hex' | 'decoded';

export interface BodyAnalysis {
  bytes: Uint8Array;
  /** the body as UTF-8, or null when it is not valid UTF-8 */
  text: string | null;
  json: { value: unknown } | null;
  form: Pair[] | null;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const JSON_TYPE = /^application\/(.+\+)?json$|^text\/json$/;

export function tryParseJson(text: string, contentType: string | null): { value: unknown } | null {
  const trimmed = text.trimStart();
  // only try what looks like JSON or says it is; parsing every text body would be wasteful
  if (!JSON_TYPE.test(mediaType(contentType)) && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

export function analyzeBody(bytes: Uint8Array, contentType: string | null): BodyAnalysis {
  const text = bytes.length ? decodeUtf8(bytes) : '';
  const json = text ? tryParseJson(text, contentType) : null;
  const form = text !== null && mediaType(contentType) === 'application/x-www-form-urlencoded' ? parseUrlEncoded(text) : null;
  return { bytes, text, json, form };
}

/** The tabs a body offers, best first, and which one opens by default. */
export function bodyViews(analysis: BodyAnalysis, encoded: boolean): { views: BodyViewId[]; initial: BodyViewId } {
  const views: BodyViewId[] = [];
  if (encoded) views.push('decoded');
  if (analysis.json) views.push('json');
  if (analysis.form) views.push('form');
  if (analysis.text !== null) views.push('raw');
  views.push('hex');
  // a compressed body is unreadable as stored: open it decoded; otherwise binary opens as hex
  return { views, initial: views[0] };
}

export function contentTypeOf(headers: HeaderTuple[], fallback: string | null): string | null {
  return firstHeader(headers, 'content-type') ?? fallback;
}
