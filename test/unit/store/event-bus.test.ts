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
});
