// Finding a value in a request: header, querystring, URL-encoded body or JSON body.
import type { HeaderTuple } from '../capture';
import type { LookupNamespace } from '../trigger';
import { decodeUtf8Strict } from './bytes';
import { errorMessage } from '../error-message';

/** The parts of a request that conditions look at. IncomingRequest and captures both fit. */
export interface RequestView {
  method: string;
  /** the raw request target: path and query */
  url: string;
  rawHeaders: HeaderTuple[];
  body: Uint8Array;
}

export type LookupResult =
  | { ok: true; value: unknown; text: string }
  /** malformed: the body could not be parsed at all (as opposed to the key being absent) */
  | { ok: false; reason: string; malformed?: boolean };

/** First occurrence, case-insensitive, as the header arrived. */
export function findHeader(headers: HeaderTuple[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v;
  return undefined;
}

export function queryString(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash < 0 ? undefined : hash);
}

export function findQuery(url: string, key: string): string | undefined {
  const v = new URLSearchParams(queryString(url)).get(key);
  return v ?? undefined;
}

export type ParsedBody<T> = { ok: true; value: T } | { ok: false; reason: string };

export function bodyText(body: Uint8Array): ParsedBody<string> {
  const text = decodeUtf8Strict(body);
  return text === null ? { ok: false, reason: 'the body is not valid UTF-8' } : { ok: true, value: text };
}

export function parseFormBody(body: Uint8Array): ParsedBody<URLSearchParams> {
  const text = bodyText(body);
  return text.ok ? { ok: true, value: new URLSearchParams(text.value) } : text;
}

export function parseJsonBody(body: Uint8Array): ParsedBody<unknown> {
  const text = bodyText(body);
  if (!text.ok) return text;
  if (text.value.trim() === '') return { ok: false, reason: 'the body is empty, not JSON' };
  try {
    return { ok: true, value: JSON.parse(text.value) };
  } catch (err) {
    return { ok: false, reason: `the body is not valid JSON (${errorMessage(err)})` };
  }
}

/**
 * Splits a JSON key into path parts. A plain key is one part (documented behaviour: top-level
 * keys only); dots split only when the key uses the dotted-path extension, where `\.` is a
 * literal dot. Keys without dots are the same either way.
 */
export function splitJsonPath(key: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    if (ch === '\\' && key[i + 1] === '.') {
      current += '.';
      i++;
    } else if (ch === '.') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function findJsonPath(doc: unknown, key: string): { found: boolean; value?: unknown } {
  // A top-level key that literally contains dots wins over the path reading.
  if (isObject(doc) && Object.prototype.hasOwnProperty.call(doc, key)) return { found: true, value: doc[key] };
  let at: unknown = doc;
  for (const part of splitJsonPath(key)) {
    if (isObject(at) && Object.prototype.hasOwnProperty.call(at, part)) at = at[part];
    else if (Array.isArray(at) && /^\d+$/.test(part) && Number(part) < at.length) at = at[Number(part)];
    else return { found: false };
  }
  return { found: true, value: at };
}

/** How a found value reads as text (for tokens, filters and previews). */
export function valueAsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

const NAMESPACE_LABEL: Record<LookupNamespace, string> = {
  header: 'header',
  query: 'query parameter',
  form: 'form field',
  json: 'JSON key',
};

export const describeLookup = (namespace: LookupNamespace, key: string): string => `${NAMESPACE_LABEL[namespace]} ${key}`;

/** Looks a value up without cutting any prefix. */
export function lookupValue(request: RequestView, namespace: LookupNamespace, key: string): LookupResult {
  const where = describeLookup(namespace, key);
  switch (namespace) {
    case 'header': {
      const v = findHeader(request.rawHeaders, key);
      return v === undefined ? { ok: false, reason: `${where} not found` } : { ok: true, value: v, text: v };
    }
    case 'query': {
      const v = findQuery(request.url, key);
      return v === undefined ? { ok: false, reason: `${where} not found` } : { ok: true, value: v, text: v };
    }
    case 'form': {
      const form = parseFormBody(request.body);
      if (!form.ok) return { ok: false, reason: `${where}: ${form.reason}`, malformed: true };
      const v = form.value.get(key);
      return v === null ? { ok: false, reason: `${where} not found in the URL-encoded body` } : { ok: true, value: v, text: v };
    }
    case 'json': {
      const doc = parseJsonBody(request.body);
      if (!doc.ok) return { ok: false, reason: `${where}: ${doc.reason}`, malformed: true };
      const hit = findJsonPath(doc.value, key);
      return hit.found ? { ok: true, value: hit.value, text: valueAsText(hit.value) } : { ok: false, reason: `${where} not found in the JSON body` };
    }
    default:
      return { ok: false, reason: `unknown namespace ${String(namespace)}` };
  }
}

/** Cuts the prefix exactly; a value without it fails. */
export function cutPrefix(value: string, prefix: string | undefined, where: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (!prefix) return { ok: true, value };
  if (value.startsWith(prefix)) return { ok: true, value: value.slice(prefix.length) };
  return { ok: false, reason: `${where} does not start with the prefix ${JSON.stringify(prefix)}` };
}

/** Lookup followed by prefix cutting: the token a condition works on. */
export function lookupToken(
  request: RequestView,
  lookup: { namespace: LookupNamespace; key: string; prefix?: string },
): { ok: true; value: string } | { ok: false; reason: string } {
  const found = lookupValue(request, lookup.namespace, lookup.key);
  if (!found.ok) return found;
  if (typeof found.value !== 'string' && lookup.namespace === 'json' && typeof found.value === 'object') {
    return {
      ok: false,
      reason: `${describeLookup(lookup.namespace, lookup.key)} is ${Array.isArray(found.value) ? 'an array' : found.value === null ? 'null' : 'an object'}, not a token`,
    };
  }
  return cutPrefix(found.text, lookup.prefix, describeLookup(lookup.namespace, lookup.key));
}
