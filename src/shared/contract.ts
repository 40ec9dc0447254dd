// The one contract between the renderer and the engine. Every call the renderer can make is
// a key of ApiCalls; both transports (Electron IPC and HTTP+WebSocket) carry exactly these.
import type { CaptureDetail, CapturePage, CaptureQuery } from './capture';
import type {
  ChannelHealth,
  DeliveryDetail,
  DeliveryFilter,
  DeliverySettings,
  DeliverySummary,
  NotificationChannel,
  NotificationEventType,
  NotificationPayload,
  NotificationProject,
  NotificationRouting,
  NotificationsSection,
  NotificationsView,
  OutgoingRequestPreview,
  SendTarget,
} from './notifications';
import type { ProjectInfo, ProjectSectionPatch, ProjectSummary } from './project';
import type { ExecutionDetail, LogPage, LogQuery, PipelineDetail, RunFiles, RunsPage, RunsQuery } from './runs';
import type { Settings, SettingsPatch } from './settings';
import type { StorageHealth } from './storage-health';
import type {
  BulkProgress,
  BulkReplayRequest,
  GeneratedKeys,
  HistoryQuery,
  MatrixRow,
  ReplayRequest,
  SendDraft,
  SendPreview,
  SentRecord,
  SigningProfile,
  TrackOptions,
  TrackedRun,
} from './signing/types';
import type { EnvVariable, Trigger } from './trigger';
import type { ForensicReport, PlaygroundInput, PlaygroundOutput, TriggerLogEntry, TriggerLogFilter, TriggerRun } from './trigger-log';

export interface EngineInfo {
  version: string;
  mode: 'electron' | 'headless';
  /** e.g. http://127.0.0.1:7780 — what senders post to */
  receiverUrl: string;
  dataDir: string;
  /** the receiver could not start (busy port...): the reason, shown in the UI */
  receiverError: string | null;
  /** what start found wrong in the data dir (damaged journal ranges, wide permissions); shown as a banner */
  storage: StorageHealth;
}

export interface ImportResult {
  triggers: number;
  env: number;
  /** run actions that do not match the linked valohai.yaml, as "triggers[i].actions[j].step: …" */
  warnings: string[];
}

export interface WhatIfRow {
  captureId: string;
  receivedAt: number;
  /** the verdict recorded when the request arrived */
  before: 'passed' | 'failed';
  /** the verdict under the edited trigger */
  after: 'passed' | 'failed';
  /** type and index of the first failing condition under the edited trigger */
  failedAt?: { index: number; type: string; reason: string };
}

/** Each call: [argument, result]. The argument is always one serialisable object (or void). */
export interface ApiCalls {
  'engine.info': [void, EngineInfo];
  /** show a run's file in the OS file manager (desktop app only; run folders and the project only) */
  'files.reveal': [{ path: string }, { ok: boolean; reason?: string }];

  'captures.list': [CaptureQuery, CapturePage];
  'captures.get': [{ id: string }, CaptureDetail | null];
  'captures.delete': [{ ids: string[] }, { deleted: number }];
  'captures.clear': [void, { deleted: number }];

  'settings.get': [void, Settings];
  'settings.update': [SettingsPatch, Settings];

  'triggers.list': [void, Trigger[]];
  'triggers.save': [{ trigger: Trigger; previousId?: string }, Trigger];
  'triggers.delete': [{ id: string }, { deleted: boolean }];
  'triggers.whatIf': [{ trigger: Trigger; limit?: number }, WhatIfRow[]];
  /** on an HMAC mismatch: which usual sender mistake reproduces the received signature */
  'triggers.forensics': [{ captureId: string; conditionIndex: number }, ForensicReport | null];
  /** the basestring playground: render and sign as the user types */
  'playground.sign': [PlaygroundInput, PlaygroundOutput];

  'env.list': [void, EnvVariable[]];
  'env.save': [{ env: EnvVariable[] }, EnvVariable[]];

  'workspace.export': [{ includeSecrets?: boolean }, { json: string }];
  'workspace.import': [{ json: string; mode?: 'merge' | 'replace' }, ImportResult];

  'triggerLog.list': [{ filter?: TriggerLogFilter; limit?: number }, TriggerLogEntry[]];
  'triggerLog.forCapture': [{ captureId: string }, TriggerLogEntry | null];
  'triggerRuns.get': [{ id: string }, TriggerRun | null];

  /** signing profiles (workspace section signingProfiles); literal secrets come back as SECRET_PLACEHOLDER */
  'signing.listProfiles': [void, SigningProfile[]];
  'signing.saveProfile': [{ profile: SigningProfile; previousId?: string }, SigningProfile];
  'signing.deleteProfile': [{ id: string }, { deleted: boolean }];
  'signing.exportProfiles': [{ includeSecrets?: boolean }, { json: string }];
  /** "sign like this trigger": an unsaved profile matching the trigger's web-auth/web-timestamp */
  'signing.fromTrigger': [{ triggerId: string }, SigningProfile];
  'signing.generateKeys': [{ algorithm: import('./trigger').JwtAlgorithm }, GeneratedKeys];
  'sender.preview': [SendDraft, SendPreview];
  'sender.send': [{ draft: SendDraft; track?: boolean | TrackOptions }, SentRecord];
  /** null when no capture has that id */
  'sender.replay': [ReplayRequest, SentRecord | null];
  'sender.bulkReplay': [BulkReplayRequest, BulkProgress];
  'sender.bulkCancel': [{ bulkId: string }, { cancelled: boolean }];
  /** sends the valid request and broken variants; expected vs actual per variant */
  'sender.matrix': [SendDraft, MatrixRow[]];
  'sender.history': [HistoryQuery, SentRecord[]];
  'sender.get': [{ id: string }, SentRecord | null];
  /** null when no sent request has that id */
  'sender.track': [{ sentId: string; runId?: string; jsonPath?: string }, TrackedRun | null];
  'sender.tracks': [void, TrackedRun[]];
  'sender.stopTrack': [{ id: string }, TrackedRun | null];
  'sender.export': [
    { draft?: SendDraft; sentId?: string; format: 'curl' | 'fetch' | 'python'; includeSecrets?: boolean },
    { text: string; warnings: string[] },
  ];
  'sender.exportHar': [{ captureIds?: string[]; sentIds?: string[]; includeSecrets?: boolean }, { json: string }];
  'sender.importHar': [{ har: string }, { imported: number }];

  'project.get': [void, ProjectInfo];
  /** links a folder (null unlinks) and changes run settings */
  'project.set': [ProjectSectionPatch, ProjectInfo];
  /** step and pipeline names with their inputs, for the trigger editor */
  'project.summary': [void, ProjectSummary];
  'runs.list': [RunsQuery, RunsPage];
  'runs.getExecution': [{ id: string }, ExecutionDetail | null];
  'runs.getPipeline': [{ id: string }, PipelineDetail | null];
  'runs.stop': [{ id: string }, { stopped: boolean }];
  /** null when no such execution or pipeline exists */
  'runs.rerun': [{ id: string }, { id: string; kind: 'execution' | 'pipeline' } | null];
  'runs.log': [LogQuery, LogPage];
  /** absolute paths: the desktop shell can open or reveal them */
  'runs.files': [{ id: string }, RunFiles];

  'notifications.get': [void, NotificationsView];
  'notifications.saveChannel': [{ channel: NotificationChannel; previousId?: string }, NotificationChannel];
  /** also drops the channel from routings (a routing left with no channel is deleted) */
  'notifications.deleteChannel': [{ id: string }, { deleted: boolean }];
  'notifications.saveRouting': [{ routing: NotificationRouting }, NotificationRouting];
  'notifications.deleteRouting': [{ id: string }, { deleted: boolean }];
  'notifications.saveSettings': [{ project?: NotificationProject; delivery?: DeliverySettings }, NotificationsSection];
  /** marks a trigger as a notification trigger: a managed Trigger channel follows it */
  'notifications.setNotificationTrigger': [{ triggerId: string; enabled: boolean }, NotificationsView];
  'notifications.testChannel': [{ channelId: string; eventType?: NotificationEventType }, DeliverySummary];
  'notifications.example': [{ eventType: NotificationEventType }, NotificationPayload];
  'notifications.preview': [{ target: SendTarget; payload: NotificationPayload }, OutgoingRequestPreview];
  'notifications.send': [{ target: SendTarget; payload: NotificationPayload }, DeliverySummary];
  'deliveries.list': [{ filter?: DeliveryFilter; limit?: number }, DeliverySummary[]];
  'deliveries.get': [{ id: string }, DeliveryDetail | null];
  'deliveries.redeliver': [{ ids: string[] }, DeliverySummary[]];
  'deliveries.health': [void, ChannelHealth[]];
}

export type ApiMethod = keyof ApiCalls;
export type ApiArgs<M extends ApiMethod> = ApiCalls[M][0];
export type ApiResult<M extends ApiMethod> = ApiCalls[M][1];

/** The runtime list of calls: what the preload exposes, and what tests check handlers against. */
export const API_METHODS = [
  'engine.info',
  'files.reveal',
  'captures.list',
  'captures.get',
  'captures.delete',
  'captures.clear',
  'settings.get',
  'settings.update',
  'triggers.list',
  'triggers.save',
  'triggers.delete',
  'triggers.whatIf',
  'triggers.forensics',
  'playground.sign',
  'env.list',
  'env.save',
  'workspace.export',
  'workspace.import',
  'triggerLog.list',
  'triggerLog.forCapture',
  'triggerRuns.get',
  'signing.listProfiles',
  'signing.saveProfile',
  'signing.deleteProfile',
  'signing.exportProfiles',
  'signing.fromTrigger',
  'signing.generateKeys',
  'sender.preview',
  'sender.send',
  'sender.replay',
  'sender.bulkReplay',
  'sender.bulkCancel',
  'sender.matrix',
  'sender.history',
  'sender.get',
  'sender.track',
  'sender.tracks',
  'sender.stopTrack',
  'sender.export',
  'sender.exportHar',
  'sender.importHar',
  'project.get',
  'project.set',
  'project.summary',
  'runs.list',
  'runs.getExecution',
  'runs.getPipeline',
  'runs.stop',
  'runs.rerun',
  'runs.log',
  'runs.files',
  'notifications.get',
  'notifications.saveChannel',
  'notifications.deleteChannel',
  'notifications.saveRouting',
  'notifications.deleteRouting',
  'notifications.saveSettings',
  'notifications.setNotificationTrigger',
  'notifications.testChannel',
  'notifications.example',
  'notifications.preview',
  'notifications.send',
  'deliveries.list',
  'deliveries.get',
  'deliveries.redeliver',
  'deliveries.health',
] as const satisfies readonly ApiMethod[];

// A call added to ApiCalls but not to API_METHODS is a compile error here.
type MissingFromList = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: MissingFromList extends never ? true : MissingFromList = true;
void everyMethodListed;

/** What the engine implements: one handler per call. */
export type ApiHandlers = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>>;
};

/** What the renderer calls: the same shape, whatever the transport. */
export type ApiClient = {
  [M in ApiMethod]: ApiArgs<M> extends void ? () => Promise<ApiResult<M>> : (args: ApiArgs<M>) => Promise<ApiResult<M>>;
};

export { ApiError, ValidationError, type ApiErrorCode, type ApiErrorPayload } from './api-error';

/** Names of the Electron IPC channels: one per call, plus the event stream. */
export const IPC_EVENT_CHANNEL = 'hookbench:events';
export const ipcChannelFor = (method: ApiMethod): string => `hookbench:call:${method}`;

/** Names of the web transport's routes. */
export const WEB_CALL_PREFIX = '/api/call/';
export const WEB_EVENTS_PATH = '/api/events';
