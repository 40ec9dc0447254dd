// Capture filters. Method, path, header, kind and trigger are checked against the in-memory
// index; free text is looked for in the method, URL and headers and, failing those, in the body;
// the body filter only in the body. Text matching folds the case of ASCII letters; any other
// character matches exactly.
import type { CaptureFilter } from '@shared/capture';
import type { CaptureIndex } from './capture-index';
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

/** a filter's checks on the rows of one index, as they are now (see CompiledFilter.bind) */
export interface BoundFilter {
  /** true when `base` holds for every row (no method, path, header, kind or trigger filter) */
  all: boolean;
  /** every check that needs neither body nor free text */
  base(row: number): boolean;
  /** the free text is in the method, URL or headers */
  textInMeta(row: number): boolean;
  /** the same per row (1: in the method, URL or headers) when worked out for every row; else null (ask textInMeta) */
  textRows: Uint8Array | null;
}

export interface CompiledFilter {
  /**
   * The checks for the rows of `index`: URL and header needles are looked for in the whole
   * index at once (the URL bytes, the distinct header lines), then each row is a lookup. Valid
   * until the index's rows move (its `epoch` changes) or grow: use it without awaiting.
   * `rowsAsked`: how many rows will be asked about; when few, each is checked by itself instead.
   */
  bind(index: CaptureIndex, rowsAsked?: number): BoundFilter;
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
    bind(index, rowsAsked = Infinity) {
      const shapes = index.shapeList;
      // per shape: kind, trigger and method
      const shapeOk = shapes.map(
        (s) => (kind === undefined || s.kind === kind) && (triggerId === undefined || s.triggerId === triggerId) && (!methods || methods.has(s.upperMethod)),
      );
      const everyShape = shapeOk.every(Boolean);
      const methodHit = text === null ? [] : shapes.map((s) => s.lowerMethod.includes(text));
      // a few rows (a repeated or paged query: only what arrived since): each checked by itself;
      // otherwise the URL bytes and distinct header lines are searched once for every row
      const few = rowsAsked * 16 < index.span;
      const rowsHolding = (needle: string, pathOnly: boolean, inHeaders: boolean): ((row: number) => boolean) => {
        if (few) return (row) => (pathOnly || !inHeaders ? index.urlHoldsAt(row, needle, pathOnly) : index.headerHoldsAt(row, needle));
        const hits = pathOnly || !inHeaders ? index.urlHolding(needle, pathOnly) : index.headerHolding(needle);
        return (row) => hits[row] === 1;
      };
      const pathOk = path ? rowsHolding(path, true, false) : null;
      const headerOk = header ? rowsHolding(header, false, true) : null;
      // free text in the method (per shape), the URL or a header line
      let textRows: Uint8Array | null = null;
      let textInMeta: (row: number) => boolean = () => true;
      if (text !== null && few) {
        textInMeta = (row) => methodHit[index.shapeId(row)] || index.urlHoldsAt(row, text, false) || index.headerHoldsAt(row, text);
      } else if (text !== null) {
        const rows = index.urlHolding(text, false);
        const inHeaders = index.headerHolding(text);
        const anyMethod = methodHit.some(Boolean);
        for (let r = index.head; r < rows.length; r++) rows[r] |= inHeaders[r] | (anyMethod && methodHit[index.shapeId(r)] ? 1 : 0);
        textRows = rows;
        textInMeta = (row) => rows[row] === 1;
      }
      return {
        all: everyShape && !pathOk && !headerOk,
        base(row) {
          if (!everyShape && !shapeOk[index.shapeId(row)]) return false;
          if (pathOk && !pathOk(row)) return false;
          if (headerOk && !headerOk(row)) return false;
          return true;
        },
        textInMeta,
        textRows,
      };
    },
    text: filter.text ? bodyNeedle(asciiLower(filter.text)) : null,
    body: body === null ? null : bodyNeedle(body),
    key: JSON.stringify([baseKey, text, body]),
    baseKey,
  };
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
