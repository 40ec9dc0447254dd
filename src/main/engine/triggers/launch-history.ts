// When each trigger launched, for rate limits. Derived from the trigger log, so it survives
// restarts without a file of its own.
import type { TriggerLogEntry } from '@shared/trigger-log';

/** Older launches cannot matter to any sane rate limit; dropping them bounds memory. */
const KEEP_MS = 400 * 24 * 3600 * 1000;

export interface LaunchHistory {
  times(triggerId: string): readonly number[];
  record(triggerId: string, at: number): void;
  /** undoes a reservation whose launch never happened */
  forget(triggerId: string, at: number): void;
}

export function createLaunchHistory(
  entries: Iterable<Pick<TriggerLogEntry, 'at' | 'triggerId' | 'outcome'>> = [],
  now: () => number = Date.now,
): LaunchHistory {
  const byTrigger = new Map<string, number[]>();
  const record = (triggerId: string, at: number) => {
    let list = byTrigger.get(triggerId);
    if (!list) byTrigger.set(triggerId, (list = []));
    list.push(at);
    const horizon = now() - KEEP_MS;
    while (list.length > 0 && list[0] < horizon) list.shift();
  };
  for (const e of entries) if (e.outcome === 'launched') record(e.triggerId, e.at);
  return {
    times: (triggerId) => byTrigger.get(triggerId) ?? [],
    record,
    forget(triggerId, at) {
      const list = byTrigger.get(triggerId);
      const i = list ? list.lastIndexOf(at) : -1;
      if (list && i >= 0) list.splice(i, 1);
    },
  };
}
