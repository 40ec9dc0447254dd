import { gzipSync, deflateSync, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeBody, base64ToBytes, bodyViews, decodeUtf8 } from '../../../src/renderer/src/lib/body';
import { canDecode, decodeContentEncoding } from '../../../src/renderer/src/lib/decompress';
import { contentEncodings } from '../../../src/renderer/src/lib/headers';
import { parseQuery } from '../../../src/renderer/src/lib/query';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe('body analysis', () => {
  it('decodes base64 to the exact bytes', () => {
    const raw = Buffer.from([0, 1, 2, 250, 255, 0x7b]);
    expect(Array.from(base64ToBytes(raw.toString('base64')))).toEqual(Array.from(raw));
  });

  it('rejects invalid UTF-8 instead of replacing characters', () => {
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(decodeUtf8(bytesOf('héllo ✓'))).toBe('héllo ✓');
  });

  it('offers JSON first for a JSON body', () => {
    const analysis = analyzeBody(bytesOf('{"a":[1,2,{"b":null}]}'), 'application/json; charset=utf-8');
    expect(analysis.json?.value).toEqual({ a: [1, 2, { b: null }] });
    expect(bodyViews(analysis, false)).toEqual({ views: ['json', 'raw', 'hex'], initial: 'json' });
  });

  it('recognises +json types and JSON-looking bodies without a type', () => {
    expect(analyzeBody(bytesOf('[1]'), 'application/vnd.api+json').json).not.toBeNull();
    expect(analyzeBody(bytesOf(' {"x":1}'), null).json).not.toBeNull();
    expect(analyzeBody(bytesOf('{broken'), 'application/json').json).toBeNull();
    expect(analyzeBody(bytesOf('42'), 'text/plain').json).toBeNull();
  });

  it('parses urlencoded forms keeping order and duplicates', () => {
    const analysis = analyzeBody(bytesOf('b=2&a=1&a=%20x+y&empty='), 'application/x-www-form-urlencoded');
    expect(analysis.form).toEqual([
      ['b', '2'],
      ['a', '1'],
      ['a', ' x y'],
      ['empty', ''],
    ]);
    expect(bodyViews(analysis, false).initial).toBe('form');
  });

  it('opens binary bodies as hex', () => {
    const analysis = analyzeBody(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff]), 'image/png');
    expect(analysis.text).toBeNull();
    expect(bodyViews(analysis, false)).toEqual({ views: ['hex'], initial: 'hex' });
  });

  it('opens compressed bodies decoded', () => {
    const analysis = analyzeBody(new Uint8Array(gzipSync('{"a":1}')), 'application/json');
    expect(bodyViews(analysis, true)).toEqual({ views: ['decoded', 'hex'], initial: 'decoded' });
  });
});

describe('content encoding', () => {
  const json = '{"hello":"world","n":[1,2,3]}';

  it('reads Content-Encoding values in applied order', () => {
    expect(
      contentEncodings([
        ['Content-Encoding', 'gzip, identity'],
        ['X', 'y'],
      ]),
    ).toEqual(['gzip']);
    expect(
      contentEncodings([
        ['content-encoding', 'deflate'],
        ['CONTENT-ENCODING', 'gzip'],
      ]),
    ).toEqual(['deflate', 'gzip']);
  });

  it('decodes gzip, zlib deflate and raw deflate', async () => {
    for (const [encoding, data] of [
      ['gzip', gzipSync(json)],
      ['deflate', deflateSync(json)],
      ['deflate', deflateRawSync(json)],
    ] as const) {
      const decoded = await decodeContentEncoding(new Uint8Array(data), [encoding]);
      expect(Buffer.from(decoded).toString()).toBe(json);
    }
  });

  it('undoes stacked encodings last-first', async () => {
    const data = gzipSync(deflateSync(json));
    expect(Buffer.from(await decodeContentEncoding(new Uint8Array(data), ['deflate', 'gzip'])).toString()).toBe(json);
  });

  it('fails clearly on unknown encodings and corrupt data', async () => {
    expect(canDecode(['br'])).toBe(false);
    expect(canDecode(['gzip'])).toBe(true);
    await expect(decodeContentEncoding(bytesOf('x'), ['br'])).rejects.toThrow(/br/);
    await expect(decodeContentEncoding(bytesOf('not gzip at all'), ['gzip'])).rejects.toThrow(/gzip/);
  });
});

describe('parseQuery', () => {
  it('keeps duplicates and order and ignores fragments', () => {
    expect(parseQuery('/hook?b=1&a=2&b=3#frag')).toEqual([
      ['b', '1'],
      ['a', '2'],
      ['b', '3'],
    ]);
    expect(parseQuery('/hook')).toEqual([]);
    expect(parseQuery('/hook?flag&x=%E2%9C%93')).toEqual([
      ['flag', ''],
      ['x', '✓'],
    ]);
  });
});
