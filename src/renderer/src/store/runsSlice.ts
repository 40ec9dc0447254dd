// The runs slice: the list of local executions and pipelines, the open one, and the live log of
// the open execution. Events fold in per batch like the other slices.
import type { EventBatch } from '@shared/events';
import type { ProjectInfo } from '@shared/project';
import type { ExecutionLogLine, LocalExecution, LocalPipeline, RunListItem, RunsQuery } from '@shared/runs';

export type OpenRun = { kind: 'execution' | 'pipeline'; id: string };

export interface RunsState {
  /** newest first */
  items: RunListItem[];
  total: number;
  filter: Pick<RunsQuery, 'status' | 'triggerId' | 'step' | 'kind'>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: OpenRun | null;
  /** every execution and pipeline seen, by id: detail panes read these, events keep them fresh */
  executions: Record<string, LocalExecution>;
  pipelines: Record<string, LocalPipeline>;
  /** live log lines of executions whose log is shown (capped) */
  logs: Record<string, ExecutionLogLine[]>;
  project: ProjectInfo | null;
  projectError: string | null;
}

export const RUN_LIST_LIMIT = 300;
/** lines kept in memory per shown log; older ones are paged from the engine on demand */
export const LOG_LINES_KEPT = 5_000;

export const initialRuns = (): RunsState => ({
  items: [],
  total: 0,
  filter: {},
  status: 'idle',
  error: null,
  open: null,
  executions: {},
  pipelines: {},
  logs: {},
  project: null,
  projectError: null,
});

export const runItemId = (item: RunListItem) => (item.kind === 'execution' ? item.execution.id : item.pipeline.id);

export function runMatches(item: RunListItem, f: RunsState['filter']): boolean {
  if (f.kind && f.kind !== item.kind) return false;
  if (item.kind === 'execution') {
    const e = item.execution;
    return !e.pipelineId && (!f.status || e.status === f.status) && (!f.triggerId || e.triggerId === f.triggerId) && (!f.step || e.step === f.step);
  }
  const p = item.pipeline;
  return (!f.status || p.status === f.status) && (!f.triggerId || p.triggerId === f.triggerId) && (!f.step || p.nodes.some((n) => n.step === f.step));
}

export interface RunsBatchOutcome {
  next: RunsState | null;
  /** the workspace changed: the project link may have */
  reloadProject: boolean;
}

/** Pure: newer records replace older ones in place; new ones matching the filter go on top. */
export function applyRunEvents(state: RunsState, batch: EventBatch): RunsBatchOutcome {
  let changed = false;
  let reloadProject = false;
  let items = state.items;
  let total = state.total;
  const executions = { ...state.executions };
  const pipelines = { ...state.pipelines };
  let logs = state.logs;
  const upsert = (item: RunListItem) => {
    const id = runItemId(item);
    const at = items.findIndex((x) => runItemId(x) === id);
    const matches = runMatches(item, state.filter);
    if (at >= 0) {
      items = items.slice();
      if (matches) items[at] = item;
      else {
        items.splice(at, 1);
        total -= 1;
      }
    } else if (matches) {
      items = [item, ...items].slice(0, RUN_LIST_LIMIT);
      total += 1;
    }
  };
  for (const event of batch) {
    if (event.type === 'workspace.changed') reloadProject = true;
    else if (event.type === 'execution.status') {
      executions[event.execution.id] = event.execution;
      upsert({ kind: 'execution', execution: event.execution });
      changed = true;
    } else if (event.type === 'pipeline.status') {
      pipelines[event.pipeline.id] = event.pipeline;
      upsert({ kind: 'pipeline', pipeline: event.pipeline });
      changed = true;
    } else if (event.type === 'execution.log') {
      for (const line of event.lines) {
        const current = logs[line.executionId];
        if (!current) continue;
        if (logs === state.logs) logs = { ...state.logs };
        const next = logs[line.executionId] === current ? [...current] : logs[line.executionId];
        next.push(line);
        logs[line.executionId] = next.length > LOG_LINES_KEPT ? next.slice(-LOG_LINES_KEPT) : next;
        changed = true;
      }
    }
  }
  return { next: changed ? { ...state, items, total, executions, pipelines, logs } : null, reloadProject };
}
