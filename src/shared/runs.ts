// Local executions and pipelines: what run actions create on the laptop, with their lifecycle.

export type ExecutionStatus = 'created' | 'queued' | 'started' | 'completed' | 'error' | 'stopped';
export const FINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['completed', 'error', 'stopped'];

/** simulate: a timed state machine; command: the step's commands run in a work folder */
export type RunMode = 'simulate' | 'command';

export interface LocalExecution {
  id: string;
  /** per-workspace counter, like the service's #736 */
  counter: number;
  step: string;
  title: string | null;
  status: ExecutionStatus;
  mode: RunMode;
  /** why it ended as it did: exit code, timeout, stopped by user, app restarted… */
  statusReason?: string;
  exitCode?: number | null;
  triggerId?: string;
  triggerRunId?: string;
  captureId?: string;
  pipelineId?: string;
  nodeName?: string;
  parameters: Record<string, unknown>;
  /** input name → absolute file paths */
  inputs: Record<string, string[]>;
  /** files the execution wrote to its outputs folder, relative paths */
  outputs: string[];
  workDir?: string;
  createdAt: number;
  queuedAt?: number;
  startedAt?: number;
  endedAt?: number;
}

export type PipelineStatus = 'started' | 'completed' | 'error' | 'stopped';

export interface PipelineNodeState {
  name: string;
  step: string;
  executionId?: string;
  status: ExecutionStatus | 'pending';
}

export interface LocalPipeline {
  id: string;
  counter: number;
  name: string;
  status: PipelineStatus;
  nodes: PipelineNodeState[];
  statusReason?: string;
  triggerId?: string;
  triggerRunId?: string;
  captureId?: string;
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
}

export interface ExecutionLogLine {
  executionId: string;
  stream: 'stdout' | 'stderr' | 'system';
  at: number;
  text: string;
}
