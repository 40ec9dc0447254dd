import { expect, it } from 'vitest';
import { constantTimeEqual, digestEqual } from '../../../src/main/engine/triggers/conditions/compare';

it('digestEqual: same bytes match; a changed byte, a shorter or a longer value do not (like constantTimeEqual)', () => {
  const digest = Buffer.from('1c3a397cc423b332ff68cf371d314fc542bdead2fa9da180d3d5fce522ad6ffd', 'hex');
  const cases: Array<[Uint8Array, boolean]> = [
    [Buffer.from(digest), true],
    [Buffer.concat([digest.subarray(0, 31), Buffer.from([digest[31] ^ 1])]), false],
    [digest.subarray(0, 31), false],
    [Buffer.concat([digest, Buffer.from([0])]), false],
    [new Uint8Array(0), false],
  ];
  for (const [received, match] of cases) {
    expect(digestEqual(digest, received)).toBe(match);
    expect(constantTimeEqual(digest, received)).toBe(match);
  }
});
