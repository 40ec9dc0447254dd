// decodeToken reads a hex signature with node's hex decoding (which stops at the first pair that
// is not hex) instead of a regex first: for seeded random tokens — hex of any case and length,
// odd lengths, stray characters anywhere, surrounding whitespace — it must answer what the plain
// definition answers.
import { expect, it } from 'vitest';
import { decodeToken } from '../../../src/main/engine/crypto/hmac';
import { seededRandom } from '../../support/seeded-random';

function plainDefinition(token: string): { ok: true; bytes: Uint8Array; normalised: string } | { ok: false; reason: string } {
  const t = token.trim().toLowerCase();
  if (!/^[0-9a-f]*$/.test(t) || t.length % 2 !== 0) return { ok: false, reason: 'the signature is not hex' };
  return { ok: true, bytes: Buffer.from(t, 'hex'), normalised: t };
}

it('answers as the regex definition does, for any token (seeded)', () => {
  const random = seededRandom(0xdec0de);
  const alphabet = '0123456789abcdefABCDEF';
  const stray = ['g', 'z', 'G', ' ', '\t', '-', '=', 'é', '\u0000', 'x'];
  for (let run = 0; run < 3_000; run++) {
    const chars = Array.from({ length: random.below(80) }, () => alphabet[random.below(alphabet.length)]);
    if (random.below(3) === 0 && chars.length) chars[random.below(chars.length)] = stray[random.below(stray.length)];
    const token = (random.below(4) === 0 ? ' ' : '') + chars.join('') + (random.below(4) === 0 ? '\n' : '');
    expect(decodeToken(token, 'hex')).toEqual(plainDefinition(token));
  }
  for (const token of ['', 'a', 'ab', 'abc', 'zz', '0g', 'g0', 'AB', ' ab ']) expect(decodeToken(token, 'hex')).toEqual(plainDefinition(token));
});
