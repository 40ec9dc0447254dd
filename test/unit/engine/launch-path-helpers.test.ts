// The launch path's own helpers must behave exactly as what they replace: firstFailure as
// awaiting Promise.allSettled and taking the first rejected result in argument order (for any
// order of settling, seeded), never leaving a rejection unhandled; randomUuid as
// crypto.randomUUID's format (version 4, variant 10, lower-case hex) with no repeats.
import { afterEach, describe, expect, it } from 'vitest';
import { Failure, firstFailure, valueUnlessFailed } from '../../../src/main/engine/util/first-failure';
import { randomUuid } from '../../../src/main/engine/crypto/random-uuid';
import { mulberry32 } from '../../support/seeded-random';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function viaAllSettled(promises: Promise<unknown>[]): Promise<{ reason: unknown; index: number } | null> {
  const settled = await Promise.allSettled(promises);
  const index = settled.findIndex((r) => r.status === 'rejected');
  return index === -1 ? null : { reason: (settled[index] as PromiseRejectedResult).reason, index };
}

describe('firstFailure', () => {
  it('equals allSettled + first rejected in argument order, for any settling order and timing (seeded)', async () => {
    process.on('unhandledRejection', onUnhandled);
    const rand = mulberry32(4242);
    for (let trial = 0; trial < 300; trial++) {
      const count = rand() < 0.5 ? 2 : 3;
      // each input settles (fulfilled or rejected) after a random number of turns: microtasks, immediates or timers
      const plan = Array.from({ length: count }, (_, i) => ({ reject: rand() < 0.35, delay: Math.floor(rand() * 4), reason: new Error(`r${trial}.${i}`) }));
      const make = () =>
        plan.map(
          (p, i) =>
            new Promise<unknown>((resolve, reject) => {
              const settle = () => (p.reject ? reject(p.reason) : resolve(i));
              if (p.delay === 0) settle();
              else if (p.delay === 1) queueMicrotask(settle);
              else if (p.delay === 2) setImmediate(settle);
              else setTimeout(settle, 1);
            }),
        );
      const expected = await viaAllSettled(make());
      const [a, b, c] = make();
      let done = false;
      const pending = firstFailure(a, b, c).then((r) => {
        done = true;
        return r;
      });
      const got = await pending;
      expect(done).toBe(true);
      expect(got).toEqual(expected);
      if (got) expect(got.reason).toBe(plan[got.index].reason);
    }
    await new Promise((r) => setTimeout(r, 5));
    expect(unhandled).toEqual([]);
  });

  it('waits for every input even when an earlier one has already failed', async () => {
    let release!: () => void;
    let lateSettled = false;
    const late = new Promise<void>((resolve) => (release = resolve)).then(() => {
      lateSettled = true;
    });
    const result = firstFailure(Promise.reject(new Error('early')), late);
    let finished = false;
    void result.then(() => (finished = true));
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    release();
    const failed = await result;
    expect(lateSettled).toBe(true);
    expect(failed).toMatchObject({ index: 0, reason: new Error('early') });
  });
});

describe('valueUnlessFailed', () => {
  it("is the first failure in argument order, else the first input's value, once both settled (seeded)", async () => {
    process.on('unhandledRejection', onUnhandled);
    const rand = mulberry32(777);
    for (let trial = 0; trial < 300; trial++) {
      const plan = Array.from({ length: 2 }, (_, i) => ({ reject: rand() < 0.35, delay: Math.floor(rand() * 4), reason: new Error(`r${trial}.${i}`) }));
      let settled = 0;
      const [a, b] = plan.map(
        (p, i) =>
          new Promise<unknown>((resolve, reject) => {
            const settle = () => {
              settled++;
              if (p.reject) reject(p.reason);
              else resolve({ value: i });
            };
            if (p.delay === 0) settle();
            else if (p.delay === 1) queueMicrotask(settle);
            else if (p.delay === 2) setImmediate(settle);
            else setTimeout(settle, 1);
          }),
      );
      const got = await valueUnlessFailed(a, b);
      expect(settled).toBe(2);
      const first = plan.findIndex((p) => p.reject);
      if (first === -1) expect(got).toEqual({ value: 0 });
      else {
        expect(got).toBeInstanceOf(Failure);
        expect(got).toMatchObject({ index: first, reason: plan[first].reason });
      }
    }
    await new Promise((r) => setTimeout(r, 5));
    expect(unhandled).toEqual([]);
  });
});

describe('randomUuid', () => {
  it('has crypto.randomUUID format (v4, variant 10, lower-case hex) and does not repeat', () => {
    const seen = new Set<string>();
    const nibbles = new Array<number>(16).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const id = randomUuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      nibbles[parseInt(id[0], 16)]++;
    }
    // the random positions use every hex digit about evenly (20,000 / 16 = 1,250 each)
    for (const n of nibbles) expect(n).toBeGreaterThan(1000);
  });
});
