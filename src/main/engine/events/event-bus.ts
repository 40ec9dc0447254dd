// Engine events go out in batches so a burst of webhooks costs the UI one update, not hundreds.
import type { EngineEvent } from '@shared/events';
import type { EventBus, EventListener } from '../ports';

export interface EventBusOptions {
  /** how long events wait to be batched; default 100 ms */
  intervalMs?: number;
  /** told when a listener throws, so one broken listener never stops delivery to the others */
  onListenerError?: (error: unknown) => void;
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const intervalMs = options.intervalMs ?? 100;
  const listeners = new Set<EventListener>();
  let pending: EngineEvent[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
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
      pending.push(event);
      if (!timer) {
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
