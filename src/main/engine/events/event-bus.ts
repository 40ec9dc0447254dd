// Engine events go out in batches so a burst of webhooks costs the UI one update, not hundreds.
// A batch leaves after `intervalMs`, or at the next turn of the event loop once `maxBatch`
// events wait: under sustained load (thousands of launches a second, four events each) the bus
// then holds a few milliseconds of events, not 100 ms of them, so they die young instead of
// being copied by every young-generation GC, and each message stays a few hundred events.
import type { EngineEvent } from '@shared/events';
import type { EventBus, EventListener } from '../ports';

export interface EventBusOptions {
  /** how long events wait to be batched; default 100 ms */
  intervalMs?: number;
  /** a batch this long goes out at the next turn of the event loop, without waiting; default 256 */
  maxBatch?: number;
  /** told when a listener throws, so one broken listener never stops delivery to the others */
  onListenerError?: (error: unknown) => void;
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const intervalMs = options.intervalMs ?? 100;
  const maxBatch = Math.max(1, options.maxBatch ?? 256);
  const listeners = new Set<EventListener>();
  let pending: EngineEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Immediate | null = null;

  const flush = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (soon) {
      clearImmediate(soon);
      soon = null;
    }
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    for (const listener of [...listeners]) {
      try {
        listener(batch);
      } catch (error) {
        options.onListenerError?.(error);
      }
    }
  };

  return {
    emit(event) {
      if (pending.push(event) >= maxBatch) {
        // not synchronously: emit is called from inside engine work, which a listener must not re-enter
        soon ??= setImmediate(flush);
      } else if (!timer) {
        timer = setTimeout(flush, intervalMs);
        timer.unref(); // a pending batch never keeps the process alive
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    flush,
  };
}
