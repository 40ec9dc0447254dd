// Loading runs, their details and the project link through the API; the slice is updated from the answers.
import type { ApiArgs } from '@shared/contract';
import type { ProjectSectionPatch } from '@shared/project';
import type { LocalExecution, LocalPipeline } from '@shared/runs';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { RUN_LIST_LIMIT, type OpenRun, type RunsState } from './runsSlice';
import { startRequest } from './latest';
import { useAppStore } from './store';

const { getState, setState } = useAppStore;

export function patchRuns(patch: Partial<RunsState> | ((runs: RunsState) => Partial<RunsState>)): void {
  setState((state) => ({ runs: { ...state.runs, ...(typeof patch === 'function' ? patch(state.runs) : patch) } }));
}

const remember = (executions: LocalExecution[], pipelines: LocalPipeline[]) =>
  patchRuns((runs) => ({
    executions: { ...runs.executions, ...Object.fromEntries(executions.map((e) => [e.id, e])) },
    pipelines: { ...runs.pipelines, ...Object.fromEntries(pipelines.map((p) => [p.id, p])) },
  }));

export async function loadRuns(): Promise<void> {
  const latest = startRequest('runs');
  if (getState().runs.status === 'idle') patchRuns({ status: 'loading' });
  try {
    const page = await api['runs.list']({ ...getState().runs.filter, limit: RUN_LIST_LIMIT });
    if (!latest()) return;
    patchRuns({ items: page.items, total: page.total, status: 'ready', error: null });
    remember(
      page.items.flatMap((i) => (i.kind === 'execution' ? [i.execution] : [])),
      page.items.flatMap((i) => (i.kind === 'pipeline' ? [i.pipeline] : [])),
    );
  } catch (error) {
    if (latest()) patchRuns({ status: 'error', error: describeError(error) });
  }
}

export function setRunsFilter(filter: RunsState['filter']): Promise<void> {
  patchRuns({ filter });
  return loadRuns();
}

export function openRun(open: OpenRun | null): void {
  patchRuns({ open });
}

export async function loadExecution(id: string): Promise<void> {
  const detail = await api['runs.getExecution']({ id });
  if (!detail) return;
  patchRuns((runs) => ({
    executions: { ...runs.executions, [id]: detail.execution },
    logs: { ...runs.logs, [id]: detail.logTail },
  }));
}

export function forgetLog(id: string): void {
  patchRuns((runs) => {
    const logs = { ...runs.logs };
    delete logs[id];
    return { logs };
  });
}

export async function loadPipeline(id: string): Promise<void> {
  const detail = await api['runs.getPipeline']({ id });
  if (detail) remember(detail.executions, [detail.pipeline]);
}

export async function stopRun(id: string): Promise<void> {
  await api['runs.stop']({ id });
}

export async function rerun(id: string): Promise<void> {
  const started = await api['runs.rerun']({ id });
  if (started) openRun(started);
}

export async function loadProject(): Promise<void> {
  try {
    patchRuns({ project: await api['project.get'](), projectError: null });
  } catch (error) {
    patchRuns({ projectError: describeError(error) });
  }
}

export async function saveProject(patch: ProjectSectionPatch): Promise<void> {
  patchRuns({ project: await api['project.set'](patch), projectError: null });
}

export const listRunFiles = (id: string) => api['runs.files']({ id });
export const revealFile = (path: string) => api['files.reveal']({ path });
export const searchRunLog = (args: ApiArgs<'runs.log'>) => api['runs.log'](args);
