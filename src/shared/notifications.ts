// Outgoing notifications: the documented payload, channels, routings and the delivery log.
// Payload shape follows the product docs (seeds 003/004); everything else is the app's own.
import type { z } from 'zod';
import type { ChannelSigningSchema, CustomChannelSchema, HeaderRowSchema } from './kinds/channels/custom';
import type { SlackChannelSchema } from './kinds/channels/slack';
import type { TriggerChannelSchema } from './kinds/channels/trigger';

export const NOTIFICATION_EVENT_TYPES = [
  'execution_created',
  'execution_completed',
  'execution_failed',
  'execution_stopped',
  'pipeline_completed',
  'pipeline_failed',
  'task_completed',
  'task_failed',
  'deployment_completed',
  'deployment_failed',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/** Values of `data`: the documented `valohai.*` keys with their JSON types. */
export type NotificationDataValue = string | number | null;

export interface NotificationPayload {
  /** project id */
  project: string;
  title: string;
  type: NotificationEventType;
  /** markdown with one link */
  body: string;
  /** relative URL of the resource */
  url: string;
  data: Record<string, NotificationDataValue>;
}

/** Who the notifications say the project and creator are (the laptop has no real project). */
export interface NotificationProject {
  id: string;
  name: string;
  creatorId: number;
  creatorName: string;
  commitIdentifier: string | null;
  /** prefix of the link in `body`; `url` stays relative as documented */
  appBaseUrl: string;
}

// The channel types are what the channel kinds' schemas (shared/kinds/channels) parse to.
export type HeaderRow = z.output<typeof HeaderRowSchema>;
/** HMAC signing of each attempt of a custom channel (field docs: ChannelSigningSchema) */
export type ChannelSigning = z.output<typeof ChannelSigningSchema>;
export type SlackChannel = z.output<typeof SlackChannelSchema>;
export type CustomChannel = z.output<typeof CustomChannelSchema>;
export type TriggerChannel = z.output<typeof TriggerChannelSchema>;
export type NotificationChannel = SlackChannel | CustomChannel | TriggerChannel;
/** the fields every channel type has */
export type ChannelBase = Pick<NotificationChannel, 'id' | 'name' | 'managed'>;
export type ChannelType = NotificationChannel['type'];

export interface RoutingFilters {
  /** project name; empty: any */
  project?: string;
  /** step (executions) or pipeline name; empty: any */
  step?: string;
  /** e.g. "complete", "error"; empty: any */
  status?: string;
}

export interface NotificationRouting {
  id: string;
  event: NotificationEventType;
  channelIds: string[];
  filters: RoutingFilters;
  enabled: boolean;
}

export interface DeliverySettings {
  /** per attempt; documented: receivers should answer within 30 s */
  timeoutMs: number;
  /** total attempts including the first */
  maxAttempts: number;
  /** first retry waits up to this; each later one doubles the ceiling (full jitter) */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The workspace section `notifications`. */
export interface NotificationsSection {
  project: NotificationProject;
  channels: NotificationChannel[];
  routings: NotificationRouting[];
  /** triggers marked as notification triggers: each gets a managed Trigger channel */
  notificationTriggers: string[];
  delivery: DeliverySettings;
}

export const DEFAULT_DELIVERY: DeliverySettings = { timeoutMs: 30_000, maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

export const DEFAULT_PROJECT: NotificationProject = {
  id: '00000000-0000-4000-8000-00000000b00c',
  name: 'local/hookbench',
  creatorId: 1,
  creatorName: 'hookbench',
  commitIdentifier: null,
  appBaseUrl: 'http://127.0.0.1',
};

export const defaultNotificationsSection = (): NotificationsSection => ({
  project: { ...DEFAULT_PROJECT },
  channels: [],
  routings: [],
  notificationTriggers: [],
  delivery: { ...DEFAULT_DELIVERY },
});

export const managedChannelId = (triggerId: string): string => `trigger-${triggerId}`;

// ---- deliveries -------------------------------------------------------------------------

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';
export type AttemptErrorKind = 'refused' | 'dns' | 'tls' | 'timeout' | 'non-2xx' | 'reset' | 'config' | 'other';

export interface DeliveryAttempt {
  number: number;
  startedAt: number;
  durationMs: number;
  /** request headers as sent, secret values masked */
  requestHeaders: Array<[string, string]>;
  responseStatus: number | null;
  responseHeaders: Array<[string, string]>;
  /** first bytes of the response body (utf-8, capped) */
  responseExcerpt: string;
  responseBytes: number;
  responseTruncated: boolean;
  ok: boolean;
  errorKind?: AttemptErrorKind;
  /** spelled out: "connection refused by 127.0.0.1:9", "timed out after 30000 ms", "HTTP 500 Internal Server Error" */
  error?: string;
  /** when the next attempt is due, if there is one */
  nextRetryAt?: number;
}

export interface DeliveryTarget {
  channelId: string | null;
  channelName: string;
  channelType: ChannelType | 'url';
  url: string;
  /** only for direct-URL sends (simulator): the headers to send; may hold {env:NAME} */
  headers?: HeaderRow[];
}

export interface DeliverySummary {
  id: string;
  eventType: NotificationEventType;
  title: string;
  target: DeliveryTarget;
  status: DeliveryStatus;
  createdAt: number;
  updatedAt: number;
  attemptCount: number;
  lastError?: string;
  lastStatus?: number | null;
  nextRetryAt?: number;
  /** "execution:<id>:completed": what caused it, so one event is never notified twice */
  sourceKey?: string;
  origin: 'event' | 'test' | 'simulator' | 'redeliver';
  redeliveryOf?: string;
}

export interface DeliveryDetail extends DeliverySummary {
  /** the exact JSON body posted */
  requestBody: string;
  payload: NotificationPayload;
  attempts: DeliveryAttempt[];
}

export interface DeliveryFilter {
  channelId?: string;
  status?: DeliveryStatus;
  eventType?: NotificationEventType;
}

export interface ChannelHealth {
  channelId: string;
  total: number;
  succeeded: number;
  failed: number;
  /** 0..1 over finished deliveries; null when none finished */
  successRate: number | null;
  lastError?: string;
  lastErrorAt?: number;
  /** newest last: per attempt ok and duration, for a sparkline */
  recent: Array<{ at: number; ok: boolean; durationMs: number }>;
}

/** What the simulator and "send test" send to. */
export type SendTarget = { channelId: string } | { url: string; headers?: HeaderRow[] };

/** The exact request a payload would become for a target, without sending it. */
export interface OutgoingRequestPreview {
  method: 'POST';
  url: string;
  headers: Array<[string, string]>;
  body: string;
  /** why it could not be built (missing env variable...), if so */
  problem?: string;
  /** where the payload departs from the documented schema of its type */
  schemaProblems: string[];
}

/** What the Notifications page loads: the section and every channel (managed ones included). */
export interface NotificationsView {
  section: NotificationsSection;
  channels: NotificationChannel[];
}
