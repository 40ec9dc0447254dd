// Capture filters: everything but body text is checked against the in-memory index.
import type { CaptureFilter } from '../../../shared/capture';
import type { IndexEntry } from './capture-index';

export interface CompiledFilter {
  /** checks that need no disk access */
  matches(entry: IndexEntry): boolean;
  /** lower-cased body needle, when the filter needs body bytes */
  bodyNeedle: string | null;
  /** identifies the filter for the body-scan cache */
  key: string;
}

export function compileFilter(filter: CaptureFilter = {}): CompiledFilter {
  const methods = filter.methods?.length ? new Set(filter.methods.map((m) => m.toUpperCase())) : null;
  const path = lower(filter.path);
  const header = lower(filter.header);
  const text = lower(filter.text);
  const { kind, triggerId } = filter;
  return {
    matches(entry) {
      const s = entry.summary;
      if (kind !== undefined && s.kind !== kind) return false;
      if (triggerId !== undefined && s.triggerId !== triggerId) return false;
      if (methods && !methods.has(s.method.toUpperCase())) return false;
      if (path && !s.path.toLowerCase().includes(path)) return false;
      if (header && !entry.headerText.includes(header)) return false;
      if (text && !s.method.toLowerCase().includes(text) && !s.url.toLowerCase().includes(text) && !entry.headerText.includes(text)) {
        return false;
      }
      return true;
    },
    bodyNeedle: lower(filter.body),
    key: JSON.stringify([filter.kind, filter.triggerId, methods && [...methods].sort(), path, header, text, lower(filter.body)]),
  };
}

function lower(value: string | undefined): string | null {
  return value ? value.toLowerCase() : null;
}

/** case-insensitive search of utf-8 body bytes; the exact-bytes path avoids decoding most bodies */
export function bodyContains(body: Buffer, lowerNeedle: string): boolean {
  if (body.indexOf(lowerNeedle, 0, 'utf8') !== -1) return true;
  if (lowerNeedle.toUpperCase() === lowerNeedle) return false; // no cased letters: bytes decide
  return body.toString('utf8').toLowerCase().includes(lowerNeedle);
}
