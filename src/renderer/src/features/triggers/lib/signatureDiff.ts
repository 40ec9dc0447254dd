// Splits a signature at the first character where it differs from the other one, so the view
// can highlight where two hex strings part ways (usually at once: a wholly different HMAC).

export interface SignatureParts {
  same: string;
  /** the first differing character ('' when equal or when this one is the shorter prefix) */
  diff: string;
  rest: string;
}

/** Hex is compared case-insensitively, as the engine does. */
export function firstDifference(a: string, b: string, caseInsensitive = true): number {
  const x = caseInsensitive ? a.toLowerCase() : a;
  const y = caseInsensitive ? b.toLowerCase() : b;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return i;
  return x.length === y.length ? -1 : n;
}

export function splitAt(text: string, index: number | undefined): SignatureParts {
  if (index === undefined || index < 0 || index >= text.length) return { same: text, diff: '', rest: '' };
  return { same: text.slice(0, index), diff: text[index], rest: text.slice(index + 1) };
}
