// Property test (fixed seed): for random JSON documents in random layouts, a JSON path is mapped
// to the offset where exactly that value starts.
import { describe, expect, it } from 'vitest';
import { offsetOfPath } from '@shared/schema/json-locate';
import type { JsonPath } from '@shared/schema/issues';

let seed = 12345;
const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
const KEYS = ['a', 'b', 'key with space', 'é', 'q"uote', 'back\\slash', '0', 'x'];

function value(depth: number): unknown {
  const kind = depth > 3 ? rnd(4) : rnd(6);
  if (kind === 0) return rnd(1000) - 500 + (rnd(2) ? 0.5 : 0);
  if (kind === 1) return ['s', '', 'with "quotes"', 'line\nbreak', '\u00e9\u2603'][rnd(5)];
  if (kind === 2) return [true, false, null][rnd(3)];
  if (kind === 3) return rnd(2) ? 'leaf' : 7;
  if (kind === 4) return Array.from({ length: rnd(4) }, () => value(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = rnd(4); i > 0; i--) o[KEYS[rnd(KEYS.length)]] = value(depth + 1);
  return o;
}

function paths(v: unknown, at: JsonPath = []): { path: JsonPath; value: unknown }[] {
  const out = [{ path: at, value: v }];
  if (Array.isArray(v)) v.forEach((item, i) => out.push(...paths(item, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) out.push(...paths(item, [...at, k]));
  return out;
}

describe('offsetOfPath', () => {
  it('points at the value of every path, compact or indented', () => {
    for (let n = 0; n < 400; n++) {
      const doc = value(0);
      const indent = [0, 2, '\t'][rnd(3)];
      const text = JSON.stringify(doc, null, indent);
      for (const { path, value: v } of paths(doc)) {
        const offset = offsetOfPath(text, path)!;
        if (indent === 0) expect(text.startsWith(JSON.stringify(v), offset), `${text} @ ${JSON.stringify(path)}`).toBe(true);
        else expect(text[offset]).toBe(JSON.stringify(v)[0]);
      }
    }
  });

  it('points at the key of an unknown field, at the parent of a missing one, and gives up on text that is not JSON', () => {
    const text = '{\n  "a": { "b": 1 },\n  "c": [10, 20]\n}';
    expect(offsetOfPath(text, ['a', 'b'], { atKey: true })).toBe(text.indexOf('"b"'));
    expect(offsetOfPath(text, ['a', 'missing'])).toBe(text.indexOf('{ "b"'));
    expect(offsetOfPath(text, ['c', 5])).toBe(text.indexOf('[10'));
    expect(offsetOfPath('{"a": ', ['a'])).toBeNull();
  });
});
