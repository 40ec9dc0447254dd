// A stand-in engine for transport tests: every contract call answers with what it was given,
// a few chosen calls fail, and the event bus delivers on flush().
import { API_METHODS, ApiError, type ApiErrorCode, type ApiHandlers, type ApiMethod } from '@shared/contract';
import type { EngineEvent } from '@shared/events';
import type { Engine, EventBus, EventListener } from '../../../src/main/engine/ports';

export function fakeEventBus(): EventBus & { listenerCount(): number } {
  const listeners = new Set<EventListener>();
  let pending: EngineEvent[] = [];
  return {
    emit(event) {
      pending.push(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      for (const listener of listeners) listener(batch);
    },
    listenerCount: () => listeners.size,
  };
}

export interface FakeEngineOptions {
  /** calls that throw ApiError('bad_input', …, 'trigger.id') */
  apiErrorOn?: ApiMethod[];
  /** calls that throw a plain Error */
  crashOn?: ApiMethod[];
}

export function fakeEngine(options: FakeEngineOptions = {}): Pick<Engine, 'handlers' | 'events'> & {
  events: ReturnType<typeof fakeEventBus>;
  calls: Array<{ method: ApiMethod; args: unknown }>;
} {
  const calls: Array<{ method: ApiMethod; args: unknown }> = [];
  const handlers = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    handlers[method] = async (args: unknown) => {
      calls.push({ method, args });
      // a code outside the vocabulary: the transports carry it verbatim
      if (options.apiErrorOn?.includes(method)) throw new ApiError('bad_input' as ApiErrorCode, `${method} refused`, 'trigger.id');
      if (options.crashOn?.includes(method)) throw new Error(`${method} blew up`);
      return { echo: method, args: args ?? null };
    };
  }
  return { handlers: handlers as unknown as ApiHandlers, events: fakeEventBus(), calls };
}
