// Folds the trigger side of an event batch into the state: log entries, run statuses and
// "the workspace changed" (which only the engine can answer, so it asks for a reload).
// Pure, like applyEventBatch, so a burst of evaluations costs one set().
import type { EventBatch } from '@shared/events';
import type { TriggerLogEntry } from '@shared/trigger-log';
import { logEntryMatches } from './logFilterMatch';
import type { AppState, TriggerLogState } from './types';

/** The log keeps this many entries in memory; older ones are a filter change away. */
export const LOG_LIMIT = 500;

export interface TriggerBatchOutcome {
  state: Partial<AppState>;
  reloadWorkspace: boolean;
}

export function applyTriggerEvents(state: AppState, batch: EventBatch): TriggerBatchOutcome {
  let log: TriggerLogState = state.triggerLog;
  let reloadWorkspace = false;
  const arrived: TriggerLogEntry[] = [];
  for (const event of batch) {
    if (event.type === 'trigger.evaluated') arrived.push(event.entry);
    else if (event.type === 'run.status') log = { ...log, runs: { ...log.runs, [event.run.id]: event.run } };
    else if (event.type === 'workspace.changed') reloadWorkspace = true;
  }
  if (arrived.length) log = prependEntries(log, arrived);
  return { state: log === state.triggerLog ? {} : { triggerLog: log }, reloadWorkspace };
}

/** `arrived` is oldest first; the log is newest first. */
function prependEntries(log: TriggerLogState, arrived: TriggerLogEntry[]): TriggerLogState {
  // the load on its way will include them
  if (log.status !== 'ready') return log;
  const known = new Set(log.entries.map((e) => e.id));
  const fresh = arrived.filter((e) => !known.has(e.id) && logEntryMatches(e, log.filter)).reverse();
  if (!fresh.length) return log;
  return { ...log, entries: fresh.concat(log.entries).slice(0, LOG_LIMIT) };
}
