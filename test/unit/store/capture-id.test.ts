import { describe, expect, it } from 'vitest';
import { newCaptureId } from '../../../src/main/engine/store/capture-id';

describe('capture ids', () => {
  it('are 26 Crockford characters that sort by time and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => newCaptureId(1_700_000_000_000 + Math.floor(i / 10)));
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => id.slice(0, 10));
    expect([...times].sort()).toEqual(times);
    expect(newCaptureId(2_000_000_000_000) > newCaptureId(1_999_999_999_999)).toBe(true);
  });
});
