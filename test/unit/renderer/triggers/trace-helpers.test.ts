import { describe, expect, it } from 'vitest';
import { parseFormat } from '../../../../src/shared/triggers/basestring';
import { fromBase64 } from '../../../../src/shared/triggers/bytes';
import { buildInput, INITIAL_FORM } from '../../../../src/renderer/src/features/triggers/playground/buildInput';
import { parseHeaderLines } from '../../../../src/renderer/src/features/triggers/playground/parseHeaders';
import { legendKinds, segmentClass, visibleLiteral } from '../../../../src/renderer/src/features/triggers/lib/segmentKinds';
import { firstDifference, splitAt } from '../../../../src/renderer/src/features/triggers/lib/signatureDiff';
import { groupHex } from '../../../../src/renderer/src/features/triggers/trace/BasestringVisualiser';

describe('signature comparison', () => {
  it('finds the first differing character, hex case-insensitively', () => {
    expect(firstDifference('9f2cAB', '9f2cab')).toBe(-1);
    expect(firstDifference('9f2c', '9f3c')).toBe(2);
    expect(firstDifference('9f2c', '9f2cff')).toBe(4);
    expect(firstDifference('abc', 'ABD', false)).toBe(0);
  });

  it('splits a signature around the differing character', () => {
    expect(splitAt('9f2c', 2)).toEqual({ same: '9f', diff: '2', rest: 'c' });
    expect(splitAt('9f2c', -1)).toEqual({ same: '9f2c', diff: '', rest: '' });
    expect(splitAt('9f', 2)).toEqual({ same: '9f', diff: '', rest: '' });
    expect(splitAt('9f', undefined)).toEqual({ same: '9f', diff: '', rest: '' });
  });
});

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
    expect(parsed.headers).toEqual([['X-A', '1'], ['X-A', '2'], ['X-Sig', 'v0=abc']]);
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
