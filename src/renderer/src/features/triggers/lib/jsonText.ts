// The JSON textarea of a web-response-json action: parse, or say where it breaks.
import { jsonErrorOffset } from '@shared/json-position';

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const at = jsonErrorOffset(text);
    const pos = at >= 0 ? at : text.length;
    const before = text.slice(0, pos).split('\n');
    const what = pos >= text.length ? 'unexpected end of JSON' : `unexpected ${JSON.stringify(text[pos])}`;
    return { ok: false, message: `Invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${what}` };
  }
}
