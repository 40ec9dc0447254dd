// The trigger log: loading with a filter, opening an entry, and fetching a run's status.
import type { ApiArgs } from '@shared/contract';
import type { TriggerLogFilter } from '@shared/trigger-log';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { startRequest } from './latest';
import { useAppStore } from './store';
import { LOG_LIMIT } from './triggerEvents';
import type { TriggerLogState } from './types';

const { getState, setState } = useAppStore;

function patchLog(patch: Partial<TriggerLogState>) {
  setState((state) => ({ triggerLog: { ...state.triggerLog, ...patch } }));
}

export async function loadTriggerLog(): Promise<void> {
  const latest = startRequest('triggerLog');
  const filter = getState().triggerLog.filter;
  patchLog({ status: 'loading', error: null });
  try {
    const entries = await api['triggerLog.list']({ filter, limit: LOG_LIMIT });
    if (latest()) patchLog({ entries, status: 'ready' });
  } catch (error) {
    if (latest()) patchLog({ status: 'error', error: describeError(error) });
  }
}

export function setTriggerLogFilter(filter: TriggerLogFilter): Promise<void> {
  patchLog({ filter });
  return loadTriggerLog();
}

export function openLogEntry(id: string | null) {
  patchLog({ openEntryId: id });
}

/** Fetches a run once; run.status events keep it fresh afterwards. */
export async function loadRun(id: string): Promise<void> {
  const run = await api['triggerRuns.get']({ id });
  if (run) setState((state) => ({ triggerLog: { ...state.triggerLog, runs: { ...state.triggerLog.runs, [run.id]: run } } }));
}

/** A one-off query (the rate-limit chart), not the log's list. */
export const queryTriggerLog = (args: ApiArgs<'triggerLog.list'>) => api['triggerLog.list'](args);
export const logEntriesForCapture = (captureId: string) => api['triggerLog.forCapture']({ captureId });
