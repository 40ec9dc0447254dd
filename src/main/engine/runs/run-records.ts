// Executions and pipelines in two journals: every state change is appended, the latest record
// per id wins on replay. Whatever was in flight when the process died is marked stopped at open.
import path from 'node:path';
import type { LocalExecution, LocalPipeline, RunListItem, RunsPage, RunsQuery } from '../../../shared/runs';
import { isFinalExecutionStatus } from '../../../shared/runs';
import { openJournal, type Journal } from '../store/journal';

export const RESTART_REASON = 'Hookbench was restarted while this was running';

export interface RunRecords {
  getExecution(id: string): LocalExecution | null;
  getPipeline(id: string): LocalPipeline | null;
  putExecution(execution: LocalExecution): Promise<void>;
  putPipeline(pipeline: LocalPipeline): Promise<void>;
  nextCounter(kind: 'execution' | 'pipeline'): number;
  list(query: RunsQuery): RunsPage;
  executionsOf(pipelineId: string): LocalExecution[];
  /** records changed at open because they were in flight (for events) */
  recovered: { executions: LocalExecution[]; pipelines: LocalPipeline[] };
  close(): Promise<void>;
}

export async function openRunRecords(dataDir: string, now: () => number): Promise<RunRecords> {
  const executionJournal: Journal<LocalExecution> = await openJournal<LocalExecution>({ dir: path.join(dataDir, 'run-records', 'executions') });
  const pipelineJournal: Journal<LocalPipeline> = await openJournal<LocalPipeline>({ dir: path.join(dataDir, 'run-records', 'pipelines') });
  const executions = new Map<string, LocalExecution>();
  const pipelines = new Map<string, LocalPipeline>();
  await executionJournal.replay((meta) => void executions.set(meta.id, meta));
  await pipelineJournal.replay((meta) => void pipelines.set(meta.id, meta));
  const counters = {
    execution: Math.max(0, ...[...executions.values()].map((e) => e.counter)),
    pipeline: Math.max(0, ...[...pipelines.values()].map((p) => p.counter)),
  };

  const recovered: RunRecords['recovered'] = { executions: [], pipelines: [] };
  const at = now();
  for (const e of executions.values()) {
    if (isFinalExecutionStatus(e.status)) continue;
    const fixed: LocalExecution = { ...e, status: 'stopped', statusReason: RESTART_REASON, endedAt: at };
    executions.set(e.id, fixed);
    recovered.executions.push(fixed);
    await executionJournal.append(fixed);
  }
  for (const p of pipelines.values()) {
    if (p.status !== 'started') continue;
    const nodes = p.nodes.map((n) => (isFinalExecutionStatus(n.status) ? n : { ...n, status: 'stopped' as const, reason: RESTART_REASON, endedAt: n.startedAt ? at : undefined }));
    const fixed: LocalPipeline = { ...p, nodes, status: 'stopped', statusReason: RESTART_REASON, endedAt: at };
    pipelines.set(p.id, fixed);
    recovered.pipelines.push(fixed);
    await pipelineJournal.append(fixed);
  }

  const matches = (item: RunListItem, q: RunsQuery): boolean => {
    if (q.kind && q.kind !== item.kind) return false;
    if (item.kind === 'execution') {
      const e = item.execution;
      if (e.pipelineId && !q.includePipelineNodes) return false;
      return (!q.status || e.status === q.status) && (!q.triggerId || e.triggerId === q.triggerId) && (!q.step || e.step === q.step);
    }
    const p = item.pipeline;
    // a pipeline's "queued"/"created" never happen; its nodes' statuses do not count here
    return (!q.status || p.status === q.status) && (!q.triggerId || p.triggerId === q.triggerId) && (!q.step || p.nodes.some((n) => n.step === q.step));
  };

  return {
    getExecution: (id) => executions.get(id) ?? null,
    getPipeline: (id) => pipelines.get(id) ?? null,
    async putExecution(execution) {
      executions.set(execution.id, execution);
      await executionJournal.append(execution);
    },
    async putPipeline(pipeline) {
      pipelines.set(pipeline.id, pipeline);
      await pipelineJournal.append(pipeline);
    },
    nextCounter(kind) {
      counters[kind] += 1;
      return counters[kind];
    },
    list(query) {
      const all: RunListItem[] = [
        ...[...executions.values()].map((execution) => ({ kind: 'execution' as const, execution })),
        ...[...pipelines.values()].map((pipeline) => ({ kind: 'pipeline' as const, pipeline })),
      ].filter((item) => matches(item, query));
      const created = (item: RunListItem) => (item.kind === 'execution' ? item.execution.createdAt : item.pipeline.createdAt);
      const counter = (item: RunListItem) => (item.kind === 'execution' ? item.execution.counter : item.pipeline.counter);
      all.sort((a, b) => created(b) - created(a) || counter(b) - counter(a));
      return { items: all.slice(0, query.limit ?? 200), total: all.length };
    },
    executionsOf: (pipelineId) => [...executions.values()].filter((e) => e.pipelineId === pipelineId),
    recovered,
    async close() {
      await Promise.all([executionJournal.close(), pipelineJournal.close()]);
    },
  };
}
