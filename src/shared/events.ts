// Everything the engine pushes to the renderer: tagged unions with timestamps.
import type { CaptureSummary } from './capture';
import type { DeliverySummary } from './notifications';
import type { ExecutionLogLine, LocalExecution, LocalPipeline } from './runs';
import type { Settings } from './settings';
import type { BulkProgress, SentRecord, TrackedRun } from './signing/types';
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
  | { type: 'execution.log'; at: number; lines: ExecutionLogLine[] }
  | { type: 'sender.sent'; at: number; record: SentRecord }
  | { type: 'sender.track'; at: number; track: TrackedRun }
  | { type: 'sender.bulk'; at: number; progress: BulkProgress }
  | { type: 'delivery.attempt'; at: number; delivery: DeliverySummary };

/** Transports deliver events in batches (≈100 ms) so a burst never re-renders per request. */
export type EventBatch = EngineEvent[];
