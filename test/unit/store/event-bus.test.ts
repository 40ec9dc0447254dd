import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@shared/events';
import { createEventBus } from '../../../src/main/engine/events/event-bus';

const ev = (at: number): EngineEvent => ({ type: 'captures.cleared', at });

describe('event bus', () => {
  it('delivers emitted events in one batch after the interval', async () => {
    const bus = createEventBus({ intervalMs: 30 });
    const batches: EngineEvent[][] = [];
    bus.subscribe((b) => batches.push(b));
    for (let i = 0; i < 50; i++) bus.emit(ev(i));
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(batches.length).toBe(1);
    expect(batches[0].map((e) => e.at)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('flushes on demand, unsubscribes, and survives a throwing listener', () => {
    const errors: unknown[] = [];
    const bus = createEventBus({ intervalMs: 10_000, onListenerError: (e) => errors.push(e) });
    const got: number[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    const off = bus.subscribe((b) => got.push(...b.map((e) => e.at)));
    bus.emit(ev(1));
    bus.flush();
    expect(got).toEqual([1]);
    expect(errors.length).toBe(1);
    off();
    bus.emit(ev(2));
    bus.flush();
    expect(got).toEqual([1]);
    bus.flush(); // nothing pending: no empty batches
    expect(errors.length).toBe(2);
  });

  it('sends a batch at the next turn once maxBatch events wait, in order, without waiting for the interval', async () => {
    const bus = createEventBus({ intervalMs: 10_000, maxBatch: 4 });
    const batches: number[][] = [];
    bus.subscribe((b) => batches.push(b.map((e) => e.at)));
    for (let i = 0; i < 3; i++) bus.emit(ev(i));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([]); // under the cap: the interval still holds them
    for (let i = 3; i < 6; i++) bus.emit(ev(i));
    expect(batches).toEqual([]); // never from inside emit
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5]]); // everything of that turn, once the cap was reached
    bus.emit(ev(6));
    bus.flush();
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5], [6]]);
    await new Promise((r) => setTimeout(r, 20));
    expect(batches.length).toBe(2); // the flushed batch left no timer or immediate behind
  });
});
