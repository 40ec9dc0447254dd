// toHex (shared by the engine and the UI, so it cannot use Buffer) against node's own hex
// encoding, for seeded random bytes of many lengths.
import { expect, it } from 'vitest';
import { toHex } from '@shared/triggers/bytes';
import { seededRandom } from '../../support/seeded-random';

it('equals Buffer hex for any bytes (seeded)', () => {
  const random = seededRandom(0x4e7);
  for (let run = 0; run < 500; run++) {
    const bytes = Uint8Array.from({ length: random.below(300) }, () => random.below(256));
    expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
  }
  // a preview's 32 bytes take their own path
  for (let run = 0; run < 200; run++) {
    const bytes = Uint8Array.from({ length: 32 }, () => random.below(256));
    expect(toHex(bytes)).toBe(Buffer.from(bytes).toString('hex'));
  }
  expect(toHex(new Uint8Array())).toBe('');
});
