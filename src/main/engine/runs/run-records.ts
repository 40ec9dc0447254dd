// Executions and pipelines in two journals: every state change is appended, the latest record
// per id wins on replay. Whatever was in flight when the process died is marked stopped at open.
// Retention keeps the newest N of each (in update order) and deletes the work folders of the
// ones it forgets; nothing in flight, nor anything a live pipeline or re-run reads, is forgotten.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { LocalExecution, LocalPipeline, RunListItem, RunsPage, RunsQuery } from '@shared/runs';
import { isFinalExecutionStatus } from '@shared/runs';
import { openJournal, type Journal, type JournalPointer } from '../store/journal';
import { UNBOUNDED, dropUnneeded, earliestPointer, pickEvictions, type LogRetention } from '../store/journal-retention';
import { safeName } from './work-folder';

export const RESTART_REASON = 'Hookbench was restarted while this was running';

/** `<dataDir>/runs/<id>`: an execution's work folder, or a pipeline's (its payload for re-runs) */
export const runsDir = (dataDir: string) => path.join(dataDir, 'runs');

export interface RunRecordsOptions {
  /** executions beyond this many, and pipelines beyond this many, are forgotten oldest first */
  retention?: LogRetention;
  /** journal segment size (tests use small ones to see segments go) */
  segmentBytes?: number;
  /**
   * CLI readers when no engine runs: the journals as they are on disk, nothing written. In-flight
   * records stay as recorded (the engine that opens next marks them stopped); no retention.
   */
  readOnly?: boolean;
}

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

type Held<T> = { value: T; pointer: JournalPointer };

export async function openRunRecords(dataDir: string, now: () => number, options: RunRecordsOptions = {}): Promise<RunRecords> {
  const retention = options.retention ?? UNBOUNDED;
  const readOnly = options.readOnly === true;
  const journalOf = <T>(name: string) => openJournal<T>({ dir: path.join(dataDir, 'run-records', name), segmentBytes: options.segmentBytes, readOnly });
  const executionJournal: Journal<LocalExecution> = await journalOf<LocalExecution>('executions');
  const pipelineJournal: Journal<LocalPipeline> = await journalOf<LocalPipeline>('pipelines');
  // map order follows the latest update, so the oldest entries come first when evicting
  const executions = new Map<string, Held<LocalExecution>>();
  const pipelines = new Map<string, Held<LocalPipeline>>();
  const hold = <T extends { id: string }>(map: Map<string, Held<T>>, value: T, pointer: JournalPointer): void => {
    map.delete(value.id);
    map.set(value.id, { value, pointer });
  };
  await executionJournal.replay((meta, pointer) => hold(executions, meta, pointer));
  await pipelineJournal.replay((meta, pointer) => hold(pipelines, meta, pointer));
  const counters = {
    execution: Math.max(0, ...[...executions.values()].map((e) => e.value.counter)),
    pipeline: Math.max(0, ...[...pipelines.values()].map((p) => p.value.counter)),
  };

  const recovered: RunRecords['recovered'] = { executions: [], pipelines: [] };
  const at = now();
  for (const { value: e } of readOnly ? [] : [...executions.values()]) {
    if (isFinalExecutionStatus(e.status)) continue;
    const fixed: LocalExecution = { ...e, status: 'stopped', statusReason: RESTART_REASON, endedAt: at };
    hold(executions, fixed, await executionJournal.append(fixed));
    recovered.executions.push(fixed);
  }
  for (const { value: p } of readOnly ? [] : [...pipelines.values()]) {
    if (p.status !== 'started') continue;
    const nodes = p.nodes.map((n) =>
      isFinalExecutionStatus(n.status) ? n : { ...n, status: 'stopped' as const, reason: RESTART_REASON, endedAt: n.startedAt ? at : undefined },
    );
    const fixed: LocalPipeline = { ...p, nodes, status: 'stopped', statusReason: RESTART_REASON, endedAt: at };
    hold(pipelines, fixed, await pipelineJournal.append(fixed));
    recovered.pipelines.push(fixed);
  }

  const workRoot = runsDir(dataDir);
  const removeFolder = async (id: string): Promise<void> => {
    if (safeName(id) !== id) return; // never a path outside the runs folder
    await fs.rm(path.join(workRoot, id), { recursive: true, force: true }).catch(() => undefined);
  };
  const evict = async (): Promise<void> => {
    if (readOnly) return;
    const max = retention.maxEntries();
    if (!(executions.size > max || pipelines.size > max)) return;
    const pipelineLive = (p: LocalPipeline) => p.status === 'started';
    // a queued re-run copies its inputs from the execution it repeats
    const rerunSources = new Set<string>();
    for (const { value } of executions.values()) if (value.rerunOf && !isFinalExecutionStatus(value.status)) rerunSources.add(value.rerunOf);
    const goneExecutions = pickEvictions(executions, max, (e) => {
      if (!isFinalExecutionStatus(e.value.status) || rerunSources.has(e.value.id)) return true;
      // a live pipeline copies its finished nodes' outputs into the next ones
      const parent = e.value.pipelineId ? pipelines.get(e.value.pipelineId) : undefined;
      return parent !== undefined && pipelineLive(parent.value);
    });
    const gonePipelines = pickEvictions(pipelines, max, (p) => pipelineLive(p.value));
    if (!goneExecutions.length && !gonePipelines.length) return;
    for (const id of goneExecutions) executions.delete(id);
    for (const id of gonePipelines) pipelines.delete(id);
    await dropUnneeded(executionJournal, earliestPointer([...executions.values()].map((e) => e.pointer)));
    await dropUnneeded(pipelineJournal, earliestPointer([...pipelines.values()].map((p) => p.pointer)));
    for (const id of [...goneExecutions, ...gonePipelines]) await removeFolder(id);
  };
  await evict();

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
    getExecution: (id) => executions.get(id)?.value ?? null,
    getPipeline: (id) => pipelines.get(id)?.value ?? null,
    async putExecution(execution) {
      hold(executions, execution, await executionJournal.append(execution));
      await evict();
    },
    async putPipeline(pipeline) {
      hold(pipelines, pipeline, await pipelineJournal.append(pipeline));
      await evict();
    },
    nextCounter(kind) {
      counters[kind] += 1;
      return counters[kind];
    },
    list(query) {
      const all: RunListItem[] = [
        ...[...executions.values()].map(({ value: execution }) => ({ kind: 'execution' as const, execution })),
        ...[...pipelines.values()].map(({ value: pipeline }) => ({ kind: 'pipeline' as const, pipeline })),
      ].filter((item) => matches(item, query));
      const created = (item: RunListItem) => (item.kind === 'execution' ? item.execution.createdAt : item.pipeline.createdAt);
      const counter = (item: RunListItem) => (item.kind === 'execution' ? item.execution.counter : item.pipeline.counter);
      all.sort((a, b) => created(b) - created(a) || counter(b) - counter(a));
      return { items: all.slice(0, query.limit ?? 200), total: all.length };
    },
    executionsOf: (pipelineId) => [...executions.values()].map((e) => e.value).filter((e) => e.pipelineId === pipelineId),
    recovered,
    async close() {
      await Promise.all([executionJournal.close(), pipelineJournal.close()]);
    },
  };
}
