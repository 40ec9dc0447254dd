// Local executions and pipelines: what run actions create on the laptop, with their lifecycle.

export type ExecutionStatus = 'created' | 'queued' | 'started' | 'completed' | 'error' | 'stopped';

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
  /** keys of the JSON objects the step printed one per line on stdout (Valohai's execution metadata) */
  metadata?: Record<string, unknown>;
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
  /** the input that received the request body */
  payloadInputName?: string;
  /** the execution this one re-ran */
  rerunOf?: string;
  /** the command lines as run, with parameters filled in (command mode) */
  command?: string[];
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
  /** nodes whose outputs or parameters this node waits for */
  dependsOn?: string[];
  startedAt?: number;
  endedAt?: number;
  /** why the node ended without running (an upstream node failed…) */
  reason?: string;
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
  mode?: RunMode;
  /** "node.input" that received the request body */
  payloadInputName?: string;
  rerunOf?: string;
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

export const isFinalExecutionStatus = (status: ExecutionStatus | 'pending'): boolean => status === 'completed' || status === 'error' || status === 'stopped';

export interface RunsQuery {
  /** execution or pipeline status */
  status?: ExecutionStatus;
  triggerId?: string;
  /** executions of this step, pipelines with a node of this step */
  step?: string;
  kind?: 'execution' | 'pipeline';
  /** executions that belong to a pipeline are left out unless true */
  includePipelineNodes?: boolean;
  limit?: number;
}

export type RunListItem = { kind: 'execution'; execution: LocalExecution } | { kind: 'pipeline'; pipeline: LocalPipeline };

export interface RunsPage {
  /** newest first */
  items: RunListItem[];
  total: number;
}

export interface ExecutionDetail {
  execution: LocalExecution;
  /** the last lines of the log */
  logTail: ExecutionLogLine[];
  logLines: number;
}

export interface PipelineDetail {
  pipeline: LocalPipeline;
  executions: LocalExecution[];
}

export interface LogQuery {
  executionId: string;
  /** index of the first line (after filtering by search) */
  offset?: number;
  limit?: number;
  /** case-insensitive substring */
  search?: string;
}

export interface LogPage {
  lines: ExecutionLogLine[];
  /** lines matching the search */
  total: number;
  offset: number;
}

export interface RunFile {
  kind: 'input' | 'output';
  /** the input name, for inputs */
  input?: string;
  /** path relative to the input or outputs folder */
  name: string;
  /** absolute path: open or reveal it with the desktop shell */
  path: string;
  size: number;
}

export interface RunFiles {
  workDir: string | null;
  inputs: RunFile[];
  outputs: RunFile[];
}
