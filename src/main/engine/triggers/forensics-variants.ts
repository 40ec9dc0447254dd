// The usual ways a sender's signature differs from what a condition expects, as variants of
// the body, the format's inputs, the secret and the token. Each variant says, in a sentence
// fragment, what the sender does differently.
import type { HeaderTuple } from '@shared/capture';
import { fromBase64, utf8 } from '@shared/triggers/bytes';
import { parseFormat, renderBasestring } from '@shared/triggers/basestring';
import { parseJsonBody, type RequestView } from '@shared/triggers/lookup';

export interface Variant<T> {
  value: T;
  note?: string;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/** Python's json.dumps default: ", " and ": " separators, non-ASCII escaped. */
function pythonDumps(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(pythonDumps).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v as object)
      .map(([k, x]) => `${pyString(k)}: ${pythonDumps(x)}`)
      .join(', ')}}`;
  return typeof v === 'string' ? pyString(v) : JSON.stringify(v);
}
const pyString = (s: string): string => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function bodyVariants(body: Uint8Array): Variant<Uint8Array>[] {
  const out: Variant<Uint8Array>[] = [{ value: body }];
  const text = Buffer.from(body).toString('utf8');
  const add = (value: string, note: string) => {
    const bytes = utf8(value);
    if (!out.some((v) => Buffer.from(v.value).equals(bytes))) out.push({ value: bytes, note });
  };
  add(`${text}\n`, 'the sender signs the body with a trailing newline added');
  add(text.replace(/(\r?\n)+$/, ''), 'the sender signs the body without its trailing newline');
  add(text.replace(/\r\n/g, '\n'), 'the sender signs the body with LF line endings (CRLF on the wire)');
  add(text.replace(/\r?\n/g, '\r\n'), 'the sender signs the body with CRLF line endings');
  const doc = parseJsonBody(body);
  if (doc.ok) {
    add(JSON.stringify(doc.value), 'the sender signs the body re-serialised as minified JSON');
    add(JSON.stringify(doc.value, null, 2), 'the sender signs the body re-serialised as pretty-printed JSON (2 spaces)');
    add(JSON.stringify(sortKeys(doc.value)), 'the sender signs the body re-serialised as minified JSON with sorted keys');
    add(JSON.stringify(sortKeys(doc.value), null, 2), 'the sender signs the body re-serialised as pretty JSON with sorted keys');
    add(pythonDumps(doc.value), 'the sender signs the body re-serialised by Python\'s json.dumps (", " and ": " separators)');
  }
  return out;
}

/** Formats to try: as configured, with other headers in place of each {header:X}, and body only. */
export function formatVariants(format: string, request: RequestView): Variant<string>[] {
  const out: Variant<string>[] = [{ value: format }];
  const parts = parseFormat(format);
  const names = [...new Map(request.rawHeaders.map(([n]) => [n.toLowerCase(), n])).values()];
  parts.forEach((p, i) => {
    if (p.kind !== 'header') return;
    for (const other of names) {
      if (other.toLowerCase() === p.name.toLowerCase()) continue;
      const swapped = parts.map((q, j) => (j === i ? `{header:${other}}` : q.source)).join('');
      out.push({ value: swapped, note: `the sender signs header ${other} where the format has {header:${p.name}} (${swapped})` });
    }
  });
  if (format !== '{body}' && parts.some((p) => p.kind === 'body'))
    out.push({ value: '{body}', note: 'the sender signs the body alone, not the format ' + format });
  return out;
}

/** Numeric header values read as the other unit (ms ↔ s). */
export function headerVariants(headers: HeaderTuple[], format: string): Variant<HeaderTuple[]>[] {
  const out: Variant<HeaderTuple[]>[] = [{ value: headers }];
  for (const p of parseFormat(format)) {
    if (p.kind !== 'header') continue;
    const i = headers.findIndex(([n]) => n.toLowerCase() === p.name.toLowerCase());
    if (i < 0 || !/^\d{9,14}$/.test(headers[i][1].trim())) continue;
    const v = Number(headers[i][1].trim());
    const swap = v > 1e11 ? String(Math.floor(v / 1000)) : String(v * 1000);
    const unit = v > 1e11 ? 'seconds' : 'milliseconds';
    const copy = headers.map((h, j): HeaderTuple => (j === i ? [h[0], swap] : h));
    out.push({ value: copy, note: `the sender signs the timestamp ${p.name} in ${unit} (${swap}) while it sends ${headers[i][1].trim()}` });
  }
  return out;
}

export function secretVariants(secret: string): Variant<Uint8Array>[] {
  const out: Variant<Uint8Array>[] = [{ value: utf8(secret) }];
  const trimmed = secret.trim();
  if (trimmed !== secret)
    out.push({
      value: utf8(trimmed),
      note: "the secret key has leading/trailing whitespace or a newline (pasted from a file?) that the sender's secret does not have",
    });
  out.push({ value: utf8(`${secret}\n`), note: "the sender's secret ends with a newline (read from a file with it?) that the secret key does not have" });
  const b64 = secret.replace(/^whsec_/, '');
  const decoded = /^[A-Za-z0-9+/]{16,}={0,2}$/.test(b64) ? fromBase64(b64) : null;
  if (decoded && decoded.length >= 16) out.push({ value: decoded, note: 'the sender uses the secret key base64-decoded as raw bytes' });
  return out;
}

export function renderWith(format: string, request: RequestView, body: Uint8Array, headers: HeaderTuple[]): Uint8Array | null {
  const r = renderBasestring(format, { ...request, body, rawHeaders: headers });
  return r.missing.length ? null : r.bytes;
}
