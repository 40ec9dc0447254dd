// Writing a token or timestamp into a request: header, query parameter, form field or JSON key.
// Pure, over the request value; the caller diffs headers afterwards.
import type { HeaderTuple } from '../capture';
import { decodeUtf8Strict, utf8 } from '../triggers/bytes';
import type { HeaderChange, OutgoingRequest, TokenPlacement } from './types';
import { errorMessage } from '../error-message';

export function setHeader(headers: HeaderTuple[], name: string, value: string): HeaderTuple[] {
  const wanted = name.toLowerCase();
  const out: HeaderTuple[] = [];
  let written = false;
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== wanted) out.push([n, v]);
    else if (!written) {
      out.push([n, value]);
      written = true;
    }
  }
  if (!written) out.push([name, value]);
  return out;
}

export const getHeader = (headers: HeaderTuple[], name: string): string | undefined => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

export function setQuery(url: string, key: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(key, value);
  return u.toString();
}

function bodyText(body: Uint8Array, what: string): string {
  const text = decodeUtf8Strict(body);
  if (text === null) throw new Error(`cannot write a ${what}: the body is not UTF-8 text`);
  return text;
}

export function place(request: OutgoingRequest, placement: TokenPlacement, token: string): OutgoingRequest {
  const value = `${placement.prefix ?? ''}${token}`;
  switch (placement.namespace) {
    case 'header':
      return { ...request, headers: setHeader(request.headers, placement.key, value) };
    case 'query':
      return { ...request, url: setQuery(request.url, placement.key, value) };
    case 'form': {
      const form = new URLSearchParams(bodyText(request.body, 'form field'));
      form.set(placement.key, value);
      const headers = getHeader(request.headers, 'content-type')
        ? request.headers
        : setHeader(request.headers, 'Content-Type', 'application/x-www-form-urlencoded');
      return { ...request, headers, body: utf8(form.toString()) };
    }
    case 'json': {
      const text = bodyText(request.body, 'JSON field');
      let doc: unknown = {};
      if (text.trim() !== '') {
        try {
          doc = JSON.parse(text);
        } catch (err) {
          throw new Error(`cannot write JSON field ${placement.key}: the body is not valid JSON (${errorMessage(err)})`, { cause: err });
        }
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
        throw new Error(`cannot write JSON field ${placement.key}: the body is not a JSON object`);
      const headers = getHeader(request.headers, 'content-type') ? request.headers : setHeader(request.headers, 'Content-Type', 'application/json');
      return { ...request, headers, body: utf8(JSON.stringify({ ...(doc as object), [placement.key]: value })) };
    }
  }
}

/** Which headers differ between two tuple lists (by lower-case name, first value). */
export function diffHeaders(before: HeaderTuple[], after: HeaderTuple[]): HeaderChange[] {
  const first = (list: HeaderTuple[]) => {
    const m = new Map<string, [string, string]>();
    for (const [n, v] of list) if (!m.has(n.toLowerCase())) m.set(n.toLowerCase(), [n, v]);
    return m;
  };
  const a = first(before),
    b = first(after);
  const out: HeaderChange[] = [];
  for (const [key, [name, value]] of b) {
    const old = a.get(key);
    if (!old) out.push({ name, before: null, after: value });
    else if (old[1] !== value) out.push({ name, before: old[1], after: value });
  }
  for (const [key, [name, value]] of a) if (!b.has(key)) out.push({ name, before: value, after: null });
  return out;
}

/** The request target as the receiver sees it: path and query. */
export function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
