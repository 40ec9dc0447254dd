import { describe, expect, it } from 'vitest';
import { parseFormat } from '@shared/triggers/basestring';
import { fromBase64 } from '@shared/triggers/bytes';
import { buildInput, INITIAL_FORM } from '../../../../src/renderer/src/features/triggers/playground/buildInput';
import { parseHeaderLines } from '../../../../src/renderer/src/features/triggers/playground/parseHeaders';
import { legendKinds, segmentClass, visibleLiteral } from '../../../../src/renderer/src/features/triggers/lib/segmentKinds';
import { foldLines, groupHex, segmentLines } from '../../../../src/renderer/src/features/triggers/lib/basestringLines';

describe('visualiser helpers', () => {
  it('lists legend kinds in a stable order, once each', () => {
    const parts = parseFormat('{body}.v0:{header:X}:{body}{method}');
    expect(legendKinds(parts)).toEqual(['literal', 'body', 'header', 'method']);
  });

  it('marks missing segments and makes whitespace in literals visible', () => {
    expect(segmentClass({ kind: 'header', missing: true })).toBe('seg seg-header seg-missing');
    expect(visibleLiteral('a b\n\t')).toBe('a·b↵→');
  });

  it('groups hex by byte, 16 a line', () => {
    expect(groupHex('76303a')).toBe('76 30 3a');
    expect(groupHex('00'.repeat(17)).split('\n')).toHaveLength(2);
  });
});

describe('playground input', () => {
  it('parses "Name: value" lines in order, keeps duplicates, reports bad lines', () => {
    const parsed = parseHeaderLines('X-A: 1\r\nno colon here\n\nX-A:2\n: empty name\nX-Sig:  v0=abc  ');
    expect(parsed.headers).toEqual([
      ['X-A', '1'],
      ['X-A', '2'],
      ['X-Sig', 'v0=abc'],
    ]);
    expect(parsed.badLines).toEqual([2, 5]);
  });

  it('sends pasted requests with the body as exact UTF-8 bytes', () => {
    const input = buildInput({ ...INITIAL_FORM, bodyText: 'héllo\n', headersText: 'X-T: 1' })!;
    expect(input.request).toMatchObject({ method: 'POST', rawHeaders: [['X-T', '1']] });
    const bytes = fromBase64((input.request as { bodyBase64: string }).bodyBase64)!;
    expect(new TextDecoder().decode(bytes)).toBe('héllo\n');
    expect(bytes.length).toBe(7);
  });

  it('waits for a capture to be picked, then refers to it by id', () => {
    expect(buildInput({ ...INITIAL_FORM, source: 'capture', captureId: '' })).toBeNull();
    expect(buildInput({ ...INITIAL_FORM, source: 'capture', captureId: 'c1' })!.request).toEqual({ captureId: 'c1' });
  });
});

describe('the whole basestring in lines', () => {
  it('splits at segment boundaries and after each LF, keeping every byte', () => {
    const bytes = new TextEncoder().encode('v0:17:{\n  "a": 1\r\n}');
    const segments = [
      { kind: 'literal' as const, byteLength: 3 },
      { kind: 'header' as const, byteLength: 2 },
      { kind: 'literal' as const, byteLength: 1 },
      { kind: 'body' as const, byteLength: bytes.length - 6 },
    ];
    const lines = segmentLines(bytes, segments);
    expect(lines.map((l) => l.offset)).toEqual([0, 8, 18]);
    expect(lines[0].pieces).toEqual([
      { kind: 'literal', text: 'v0:' },
      { kind: 'header', text: '17' },
      { kind: 'literal', text: ':' },
      { kind: 'body', text: '{↵' },
    ]);
    expect(lines[1].pieces.map((p) => p.text).join('')).toBe('··"a":·1←↵');
    expect(lines[2].pieces).toEqual([{ kind: 'body', text: '}' }]);
  });
});

describe('folding long basestring lines', () => {
  it('cuts rows at the width without losing or reordering characters', () => {
    const lines = [
      {
        offset: 0,
        pieces: [
          { kind: 'literal' as const, text: 'v0:' },
          { kind: 'body' as const, text: 'é'.repeat(10) },
        ],
      },
      { offset: 24, pieces: [] },
    ];
    const rows = foldLines(lines, 4);
    expect(rows.map((r) => r.pieces.map((p) => p.text).join(''))).toEqual(['v0:é', 'éééé', 'éééé', 'é', '']);
    expect(rows.map((r) => r.offset)).toEqual([0, -1, -1, -1, 24]);
    expect(rows[0].pieces.map((p) => p.kind)).toEqual(['literal', 'body']);
  });
});
