// What evaluating a request against a trigger produced: the trace the UI shows and the log keeps.
import type { TriggerOutcome } from './capture';

/** One piece of a rendered HMAC basestring, for the visualiser. */
export interface BasestringSegment {
  kind: 'literal' | 'body' | 'header' | 'query' | 'method' | 'url';
  /** the placeholder argument: the header or query name */
  name?: string;
  /** the segment's text as source: "{header:X-Slack-Request-Timestamp}" or the literal */
  source: string;
  /** the resolved value, utf-8 decoded and cut to a preview length */
  preview: string;
  byteLength: number;
  /** the placeholder could not be resolved (missing header/query) */
  missing?: boolean;
}

export interface HmacTrace {
  kind: 'hmac';
  format: string;
  algorithm: string;
  encoding: 'hex' | 'base64';
  segments: BasestringSegment[];
  basestringLength: number;
  /** the rendered basestring as text, cut to a preview length */
  basestringPreview: string;
  /** hex of the first bytes of the basestring */
  basestringHexPreview: string;
  expected?: string;
  received?: string;
  /** index of the first character where expected and received differ; -1 when equal */
  firstDifference?: number;
}

export interface JwtTrace {
  kind: 'jwt';
  algorithm: string;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  notes: string[];
}

export interface ConditionResult {
  index: number;
  type: string;
  passed: boolean;
  /** a human reason, with secrets masked */
  reason: string;
  trace?: HmacTrace | JwtTrace;
}

export interface TriggerLogEntry {
  id: string;
  at: number;
  triggerId: string;
  captureId: string;
  outcome: TriggerOutcome;
  conditions: ConditionResult[];
  status: number;
  runId?: string;
  /** why a request was answered without evaluating conditions (unknown trigger, wrong method, unknown run_id…) */
  note?: string;
}

export type TriggerRunStatus = 'pending' | 'completed' | 'error' | 'complete_with_error';

export type RunResultEntry =
  | { action: 'run_execution'; execution_step: string; execution_id: string }
  | { action: 'run_pipeline'; pipeline_name: string; pipeline_id: string }
  | { action: 'copy_pipeline'; pipeline_name: string; pipeline_id: string };

export interface TriggerRun {
  id: string;
  triggerId: string;
  captureId: string;
  createdAt: number;
  updatedAt: number;
  status: TriggerRunStatus;
  result: RunResultEntry[];
  /**
   * Why run actions failed to launch. The documented run-info body leaves error details out
   * (they belong to the trigger log), so this is shown in the log and never served by run-info.
   */
  errors?: RunActionError[];
}

export interface RunActionError {
  /** the action as the trigger declares it, e.g. "run-execution train" */
  action: string;
  message: string;
}

export interface TriggerLogFilter {
  triggerId?: string;
  outcome?: TriggerOutcome;
  /** only entries where a condition of this type failed */
  failedConditionType?: string;
}

/** One sender mistake that reproduces the received HMAC signature. */
export interface ForensicMatch {
  /** what the sender does differently, one fragment per difference */
  differences: string[];
  /** the whole finding as a sentence */
  sentence: string;
  algorithm: string;
  encoding: 'hex' | 'base64';
  format: string;
}

export interface ForensicReport {
  /** the signature already matches as configured */
  matchesAsConfigured: boolean;
  matches: ForensicMatch[];
  /** how many combinations were tried */
  tried: number;
  /** why nothing could be tried (no signature in the request…) */
  problem?: string;
}

/** A request to sign in the basestring playground: a capture, or pasted parts. */
export type PlaygroundRequest = { captureId: string } | { method: string; url: string; rawHeaders: [string, string][]; bodyBase64: string };

export interface PlaygroundInput {
  format: string;
  /** may contain {env:NAME} references, resolved against the workspace env */
  secretKey: string;
  algorithm: string;
  encoding: 'hex' | 'base64';
  request: PlaygroundRequest;
}

export interface PlaygroundOutput {
  /** segments, basestring previews and the computed signature (as `expected`) */
  trace: HmacTrace | null;
  signature: string | null;
  /** why nothing could be signed (missing env var, unknown capture, missing header…) */
  error: string | null;
}
