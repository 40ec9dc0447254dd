// Capture filters. Method, path, header, kind and trigger are checked against the in-memory
// index; free text is looked for in the method, URL and headers and, failing those, in the body;
// the body filter only in the body. Text matching folds the case of ASCII letters; any other
// character matches exactly.
import type { CaptureFilter } from '@shared/capture';
import type { IndexEntry } from './capture-index';
import { tokenQuery, type TokenQuery } from './body-tokens';

export interface BodyNeedle {
  /** lower-cased */
  text: string;
  /** length of the needle in utf-8 bytes: a shorter body cannot hold it */
  bytes: number;
  /** what the body token index can tell about it */
  tokens: TokenQuery;
  test(body: Buffer): boolean;
}

export interface CompiledFilter {
  /** every check that needs neither body nor free text */
  base(entry: IndexEntry): boolean;
  /** the free text is in the method, URL or headers */
  textInMeta(entry: IndexEntry): boolean;
  /** free text (searched in the body when not found elsewhere) */
  text: BodyNeedle | null;
  /** the body filter */
  body: BodyNeedle | null;
  /** identifies base + needles, for the body-scan cache */
  key: string;
  baseKey: string;
}

export function compileFilter(filter: CaptureFilter = {}): CompiledFilter {
  const methods = filter.methods?.length ? new Set(filter.methods.map((m) => m.toUpperCase())) : null;
  const path = lower(filter.path);
  const header = lower(filter.header);
  const text = lower(filter.text);
  const { kind, triggerId } = filter;
  const baseKey = JSON.stringify([kind, triggerId, methods && [...methods].sort(), path, header]);
  const body = filter.body ? asciiLower(filter.body) : null;
  return {
    base(entry) {
      const s = entry.summary;
      if (kind !== undefined && s.kind !== kind) return false;
      if (triggerId !== undefined && s.triggerId !== triggerId) return false;
      if (methods && !methods.has(s.method.toUpperCase())) return false;
      if (path && !s.path.toLowerCase().includes(path)) return false;
      if (header && !entry.metaText.includes(header, entry.headerAt)) return false;
      return true;
    },
    textInMeta(entry) {
      return text === null || inMeta(entry, text);
    },
    text: filter.text ? bodyNeedle(asciiLower(filter.text)) : null,
    body: body === null ? null : bodyNeedle(body),
    key: JSON.stringify([baseKey, text, body]),
    baseKey,
  };
}

/**
 * `lowerText` is in the lower-cased method, the lower-cased URL or the header lines: one search
 * of metaText, which holds all three, then a check that the hit lies within one of them.
 */
function inMeta(entry: IndexEntry, lowerText: string): boolean {
  const { metaText, urlAt, headerAt } = entry;
  const n = lowerText.length;
  for (let at = metaText.indexOf(lowerText); at !== -1; at = metaText.indexOf(lowerText, at + 1)) {
    if (at >= headerAt || at + n < urlAt || (at >= urlAt && at + n < headerAt)) return true;
  }
  return false;
}

function lower(value: string | undefined): string | null {
  return value ? value.toLowerCase() : null;
}

const ASCII = /^[\x00-\x7f]*$/;

/** `lowerText` has its ASCII letters lower-cased (see asciiLower) */
export function bodyNeedle(lowerText: string): BodyNeedle {
  return { text: lowerText, bytes: Buffer.byteLength(lowerText), tokens: tokenQuery(lowerText), test: bodyTester(lowerText) };
}

/** case-insensitive (ASCII letters) search of utf-8 body bytes; the needle as asciiLower gives it */
export function bodyContains(body: Buffer, lowerNeedle: string): boolean {
  return bodyTester(lowerNeedle)(body);
}

function bodyTester(lowerNeedle: string): (body: Buffer) => boolean {
  if (ASCII.test(lowerNeedle)) {
    // latin1 maps each byte to one character, and no non-ASCII latin1 character folds to an
    // ASCII letter, so /i on that string is exactly ASCII case folding over the raw bytes
    const pattern = new RegExp(lowerNeedle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    return (body) => body.indexOf(lowerNeedle, 0, 'latin1') !== -1 || pattern.test(body.toString('latin1'));
  }
  // a needle with other characters: decode, fold ASCII letters only, compare
  return (body) => asciiLower(body.toString('utf8')).includes(lowerNeedle);
}

export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}
