// HMAC basestring formats: "{body}", "v0:{header:X-Slack-Request-Timestamp}:{body}", ...
// Parsing and rendering are pure so the editor can preview exactly what the engine signs.
import type { BasestringSegment } from '../trigger-log';
import { concatBytes, cut, decodeUtf8Lenient, headerValueBytes, toHex, utf8 } from './bytes';
import { findHeader, findQuery, type RequestView } from './lookup';

export type FormatPart =
  | { kind: 'literal'; source: string; text: string }
  | { kind: 'body'; source: string }
  | { kind: 'header'; source: string; name: string }
  | { kind: 'query'; source: string; name: string }
  | { kind: 'method'; source: string }
  | { kind: 'url'; source: string };

export const DEFAULT_HMAC_FORMAT = '{body}';
export const PREVIEW_CHARS = 120;

const PLACEHOLDER_SOURCE = String.raw`\{(body|method|url|header:[^{}]+|query:[^{}]+)\}`;
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER_SOURCE}$`);

/** Splits a format into literal text and placeholders; anything else is literal bytes. */
export function parseFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let last = 0;
  const pushLiteral = (text: string) => {
    if (!text) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.kind === 'literal') {
      prev.text += text;
      prev.source += text;
    } else parts.push({ kind: 'literal', source: text, text });
  };
  for (const m of format.matchAll(PLACEHOLDER)) {
    pushLiteral(format.slice(last, m.index));
    const inner = m[1];
    if (inner === 'body') parts.push({ kind: 'body', source: m[0] });
    else if (inner === 'method') parts.push({ kind: 'method', source: m[0] });
    else if (inner === 'url') parts.push({ kind: 'url', source: m[0] });
    else if (inner.startsWith('header:')) parts.push({ kind: 'header', source: m[0], name: inner.slice(7) });
    else parts.push({ kind: 'query', source: m[0], name: inner.slice(6) });
    last = (m.index ?? 0) + m[0].length;
  }
  pushLiteral(format.slice(last));
  return parts;
}

/** Placeholders beyond the documented {body} and {header:X}. */
export const isExtensionPart = (p: FormatPart): boolean => p.kind === 'query' || p.kind === 'method' || p.kind === 'url';

/** Brace groups that look like placeholders but are not: they are signed as literal text. */
export function unknownPlaceholders(format: string): string[] {
  const out: string[] = [];
  for (const m of format.matchAll(/\{[^{}]*\}/g)) if (!WHOLE_PLACEHOLDER.test(m[0])) out.push(m[0]);
  return out;
}

export interface RenderedBasestring {
  bytes: Uint8Array;
  segments: BasestringSegment[];
  /** names of placeholders that could not be resolved, e.g. "header X-Timestamp" */
  missing: string[];
}

function partBytes(part: FormatPart, request: RequestView): Uint8Array | null {
  switch (part.kind) {
    case 'literal':
      return utf8(part.text);
    case 'body':
      return request.body;
    case 'method':
      return utf8(request.method);
    case 'url':
      return utf8(request.url);
    case 'header': {
      const v = findHeader(request.rawHeaders, part.name);
      return v === undefined ? null : headerValueBytes(v);
    }
    case 'query': {
      const v = findQuery(request.url, part.name);
      return v === undefined ? null : utf8(v);
    }
  }
}

/** Parsed formats by source: a trigger's format is parsed once, not per request (bounded). */
const parsedFormats = new Map<string, readonly FormatPart[]>();
function parsedFormat(format: string): readonly FormatPart[] {
  let parts = parsedFormats.get(format);
  if (!parts) {
    parts = parseFormat(format);
    if (parsedFormats.size < 256) parsedFormats.set(format, parts);
  }
  return parts;
}

/** `bytes` may be the request's own body (a single {body} placeholder): read it, never write it. */
export function renderBasestring(format: string, request: RequestView): RenderedBasestring {
  const chunks: Uint8Array[] = [];
  const segments: BasestringSegment[] = [];
  const missing: string[] = [];
  for (const part of parsedFormat(format)) {
    const bytes = partBytes(part, request);
    const name = part.kind === 'header' || part.kind === 'query' ? part.name : undefined;
    if (bytes === null) {
      missing.push(`${part.kind} ${name}`);
      segments.push({ kind: part.kind, name, source: part.source, preview: '', byteLength: 0, missing: true });
      continue;
    }
    chunks.push(bytes);
    const preview = previewText(bytes);
    segments.push(
      name !== undefined
        ? { kind: part.kind, name, source: part.source, preview, byteLength: bytes.length }
        : { kind: part.kind, source: part.source, preview, byteLength: bytes.length },
    );
  }
  return { bytes: chunks.length === 1 ? chunks[0] : concatBytes(chunks), segments, missing };
}

/**
 * A one-line picture of the basestring for reasons: literals and header values as they were,
 * the body left as {body} (it is usually long and already visible elsewhere).
 */
export function describeBasestring(segments: BasestringSegment[], max = PREVIEW_CHARS): string {
  const text = segments.map((s) => (s.kind === 'body' || s.missing ? s.source : s.kind === 'literal' ? s.source : s.preview)).join('');
  return cut(text, max);
}

/**
 * The first PREVIEW_CHARS characters of bytes read as UTF-8, with … when there are more. When
 * the bytes up to one past the cut are ASCII they are those characters, so only they are
 * decoded (a body preview is made for every HMAC check); otherwise enough bytes for the cut
 * whatever the encoding (4 per character).
 */
export function previewText(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, PREVIEW_CHARS + 1);
  for (let i = 0; i < n; i++) if (bytes[i] >= 0x80) return cut(decodeUtf8Lenient(bytes.subarray(0, PREVIEW_CHARS * 4)), PREVIEW_CHARS);
  return cut(decodeUtf8Lenient(bytes.subarray(0, n)), PREVIEW_CHARS);
}

export function basestringPreview(bytes: Uint8Array): { text: string; hex: string } {
  return {
    text: previewText(bytes),
    hex: toHex(bytes.subarray(0, 32)),
  };
}

/**
 * basestringPreview of a rendered basestring; when it is one resolved segment (a `{body}`
 * format) its bytes are that segment's, so the segment's preview text is reused, not decoded again.
 */
export function renderedPreview(rendered: RenderedBasestring): { text: string; hex: string } {
  const only = rendered.segments.length === 1 ? rendered.segments[0] : undefined;
  if (!only || only.missing || only.byteLength !== rendered.bytes.length) return basestringPreview(rendered.bytes);
  return { text: only.preview, hex: toHex(rendered.bytes.subarray(0, 32)) };
}

/** Header names a format signs (for linting against timestamp conditions). */
export const signedHeaders = (format: string): string[] => parseFormat(format).flatMap((p) => (p.kind === 'header' ? [p.name] : []));
export const signedQueryKeys = (format: string): string[] => parseFormat(format).flatMap((p) => (p.kind === 'query' ? [p.name] : []));
