// Everything the engine pushes to the renderer: tagged unions with timestamps.
import type { CaptureSummary } from './capture';
import type { ExecutionLogLine, LocalExecution, LocalPipeline } from './runs';
import type { Settings } from './settings';
import type { TriggerLogEntry, TriggerRun } from './trigger-log';

export type EngineEvent =
  | { type: 'capture.received'; at: number; capture: CaptureSummary }
  | { type: 'captures.deleted'; at: number; ids: string[] }
  | { type: 'captures.cleared'; at: number }
  | { type: 'settings.changed'; at: number; settings: Settings }
  | { type: 'workspace.changed'; at: number }
  | { type: 'trigger.evaluated'; at: number; entry: TriggerLogEntry }
  | { type: 'run.status'; at: number; run: TriggerRun }
  | { type: 'execution.status'; at: number; execution: LocalExecution }
  | { type: 'pipeline.status'; at: number; pipeline: LocalPipeline }
  | { type: 'execution.log'; at: number; lines: ExecutionLogLine[] };

export type EngineEventType = EngineEvent['type'];

/** Transports deliver events in batches (≈100 ms) so a burst never re-renders per request. */
export type EventBatch = EngineEvent[];
