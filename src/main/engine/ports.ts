// The seams between engine parts. Each part is built against these interfaces, so the
// receiver, the trigger emulator, the stores and the transports can be tested alone.
import type { CaptureDetail, CaptureKind, CapturePage, CaptureQuery, CaptureSummary, CapturedResponse, HeaderTuple, TriggerOutcome } from '@shared/capture';
import type { Durability } from './store/durability';
import type { MaybePromise } from './util/maybe-promise';
import type { EngineEvent } from '@shared/events';

/** A request as the receiver read it, before anything is stored. */
export interface IncomingRequest {
  /** assigned when the request started, so the trigger log can point at the capture */
  id: string;
  receivedAt: number;
  method: string;
  url: string;
  httpVersion: string;
  rawHeaders: HeaderTuple[];
  body: Buffer;
  remoteAddress: string;
  remotePort: number;
  timings: { startedAt: number; headersMs: number; bodyMs: number };
}

/** What the router decided; the receiver stores the capture and runs `commit` together, then answers. */
export interface RouteDecision {
  kind: CaptureKind;
  response: CapturedResponse;
  triggerId?: string;
  outcome?: TriggerOutcome;
  /**
   * Writes that must be durable before the answer goes out (trigger log entry, trigger run).
   * Called in the same turn as the capture's append, with that append's promise: the writes
   * are issued at once so one group commit covers them all, and `commit` settles only once
   * the capture and its own writes are durable (rejecting if any failed; nothing launches then).
   */
  commit?: (captured: Promise<CaptureSummary>) => Promise<void>;
  /**
   * The answer cannot reach the client (`reason` says why): undo what deciding reserved, and a
   * launch that was committed is not started (its run ends as error with the reason).
   */
  abandon?: (reason: string) => void;
}

/** synchronous when nothing in the decision waits (the inbox, nearly every trigger) */
export type RequestRouter = (request: IncomingRequest) => MaybePromise<RouteDecision>;

/** A capture as stored: everything of CaptureDetail but the body preview, plus the body bytes. */
export interface NewCapture {
  request: IncomingRequest;
  decision: Pick<RouteDecision, 'kind' | 'response' | 'triggerId' | 'outcome'>;
  /** set when it is already known that the client does not get `decision.response` */
  undelivered?: string;
  /** the status line and header block exactly as written to the connection */
  responseHead?: string;
}

export interface CaptureStore {
  /** resolves once the record is written to the OS (group commits are fine) */
  append(capture: NewCapture): Promise<CaptureSummary>;
  /** records that a stored capture's answer never reached its client (`note` says why) */
  markUndelivered(id: string, note: string): Promise<void>;
  list(query: CaptureQuery): Promise<CapturePage>;
  /** the most recent captures of one trigger, newest first (for what-if) */
  recentForTrigger(triggerId: string, limit: number): CaptureSummary[];
  get(id: string, bodyPreviewLimit?: number): Promise<CaptureDetail | null>;
  readBody(id: string): Promise<Buffer | null>;
  delete(ids: string[]): Promise<number>;
  clear(): Promise<number>;
  setRetention(retention: { maxCaptures: number; maxBytes: number }): Promise<void>;
  count(): number;
  close(): Promise<void>;
}

export type EventListener = (batch: EngineEvent[]) => void;

export interface EventBus {
  emit(event: EngineEvent): void;
  /** listeners receive events in batches (after 100 ms, or at the next turn once 256 wait); returns an unsubscribe function */
  subscribe(listener: EventListener): () => void;
  /** delivers whatever is pending now (used on shutdown and in tests) */
  flush(): void;
}

/** How secrets are kept at rest: Electron passes safeStorage, headless mode stores them as-is. */
export interface SecretCodec {
  readonly encrypted: boolean;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

import type { ApiHandlers, EngineInfo } from '@shared/contract';
import type { SettingsPatch } from '@shared/settings';
import type { AnyWorkspaceFile } from '@shared/schema/workspace-file';

export interface EngineOptions {
  /** where workspace.json and the journals live */
  dataDir: string;
  mode: 'electron' | 'headless';
  /** overrides for this launch only (CLI --port/--host); not written to the workspace */
  settingsOverride?: SettingsPatch;
  /** a workspace loaded with `serve --config`: replaces triggers and env, and each section it carries */
  workspace?: AnyWorkspaceFile;
  secretCodec?: SecretCodec;
  /** injectable clock for tests */
  now?: () => number;
  /**
   * process-kill (default): an answered request is in the OS page cache, so it survives the
   * process being killed but not a power loss; power-loss: each group commit of the journals
   * on the answer path (captures, trigger log, trigger runs) is fdatasync'ed before answering
   */
  durability?: Durability;
  /** OS integrations the desktop shell provides; headless mode has none */
  desktop?: DesktopIntegration;
}

export interface DesktopIntegration {
  /** shows the file or folder in the OS file manager */
  reveal(path: string): void;
}

export interface Engine {
  readonly handlers: ApiHandlers;
  readonly events: EventBus;
  info(): EngineInfo;
  /** opens the stores and starts the receiver; rejects with a one-line reason */
  start(): Promise<void>;
  stop(): Promise<void>;
}
