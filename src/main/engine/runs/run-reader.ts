// Reading runs back: the list, one execution (with its log tail) or pipeline, an execution's log.
// One implementation for the engine's run service and for CLI readers that open the run
// records and the runs/ folder read-only when no engine runs, so both answer the same.
import path from 'node:path';
import type { ExecutionDetail, LogPage, LogQuery, PipelineDetail, RunsPage, RunsQuery } from '@shared/runs';
import { openRunRecords, runsDir, type RunRecords } from './run-records';
import { pageLog, readLog } from './run-log';

export const LOG_TAIL_LINES = 200;

export interface RunReader {
  list(query: RunsQuery): RunsPage;
  execution(id: string): Promise<ExecutionDetail | null>;
  pipeline(id: string): PipelineDetail | null;
  log(query: LogQuery): Promise<LogPage>;
  /** an execution's work folder (its log and files), null for an unknown id */
  runDirOf(id: string): string | null;
}

export function runReader(records: RunRecords, dir: string): RunReader {
  const runDirOf = (id: string): string | null => {
    const e = records.getExecution(id);
    return e ? (e.workDir ?? path.join(dir, id)) : null;
  };
  return {
    list: (query) => records.list(query),
    async execution(id) {
      const execution = records.getExecution(id);
      if (!execution) return null;
      const lines = await readLog(runDirOf(id)!);
      return { execution, logTail: lines.slice(-LOG_TAIL_LINES), logLines: lines.length };
    },
    pipeline(id) {
      const pipeline = records.getPipeline(id);
      if (!pipeline) return null;
      return { pipeline, executions: records.executionsOf(id).sort((a, b) => a.createdAt - b.createdAt) };
    },
    async log(query) {
      const runDir = runDirOf(query.executionId);
      return runDir ? pageLog(runDir, query) : { lines: [], total: 0, offset: 0 };
    },
    runDirOf,
  };
}

/** The runs of a data dir as they are on disk: no lock, nothing created or written. */
export async function openRunReader(dataDir: string): Promise<RunReader & { close(): Promise<void> }> {
  const records = await openRunRecords(dataDir, Date.now, { readOnly: true });
  return { ...runReader(records, runsDir(dataDir)), close: () => records.close() };
}
