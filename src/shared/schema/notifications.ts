// The `notifications` workspace section: channels (Slack, custom URL, local trigger), routings,
// delivery settings and who the notifications say the project is (src/shared/notifications.ts).
import { z } from 'zod';
import { HMAC_ALGORITHMS } from '../trigger';
import { DEFAULT_DELIVERY, DEFAULT_PROJECT, NOTIFICATION_EVENT_TYPES } from '../notifications';
import { headerName, httpUrl, idString, strictObject, uniqueBy, wholeNumber } from './fields';

export const NotificationProjectSchema = strictObject({
  id: z.string().min(1).default(DEFAULT_PROJECT.id),
  name: z.string().min(1).default(DEFAULT_PROJECT.name),
  creatorId: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(DEFAULT_PROJECT.creatorId),
  creatorName: z.string().default(DEFAULT_PROJECT.creatorName),
  commitIdentifier: z.string().nullable().default(null),
  appBaseUrl: httpUrl().default(DEFAULT_PROJECT.appBaseUrl).transform((u) => u.replace(/\/+$/, ''))
    .meta({ description: 'prefix of the link in each notification body' }),
});

export const HeaderRowSchema = strictObject({
  name: headerName(),
  value: z.string().regex(/^[^\r\n]*$/, { error: 'must be one line' }).meta({ description: 'may contain {env:NAME}' }),
});

export const ChannelSigningSchema = strictObject({
  header: z.string().min(1).meta({ description: 'header that carries the signature, e.g. X-Hookbench-Signature' }),
  prefix: z.string().default(''),
  algorithm: z.enum(HMAC_ALGORITHMS as readonly ['sha1', 'sha256', 'sha512', 'sha224', 'sha384', 'md5']).default('sha256'),
  encoding: z.enum(['hex', 'base64']).default('hex'),
  secret: z.string().min(1).meta({ description: 'usually {env:NAME}' }),
  format: z.string().min(1).default('{body}').meta({ description: 'basestring format, e.g. v0:{header:X-Hookbench-Timestamp}:{body}' }),
  timestampHeader: z.string().default('').meta({ description: 'header set to the UNIX seconds of each attempt; empty: none' }),
});

const channelBase = {
  id: idString(),
  name: z.string().refine((n) => n.trim().length > 0, { error: 'must not be empty' }),
  managed: z.boolean().optional().meta({ description: 'set on the channel of a notification trigger' }),
};

export const SlackChannelSchema = strictObject({ ...channelBase, type: z.literal('slack'), url: httpUrl() });
export const CustomChannelSchema = strictObject({
  ...channelBase,
  type: z.literal('custom'),
  url: httpUrl(),
  headers: z.array(HeaderRowSchema).default([]),
  signing: ChannelSigningSchema.nullable().default(null),
});
export const TriggerChannelSchema = strictObject({ ...channelBase, type: z.literal('trigger'), triggerId: z.string().min(1) });

export const NotificationChannelSchema = z.discriminatedUnion('type', [SlackChannelSchema, CustomChannelSchema, TriggerChannelSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? 'must be slack, custom or trigger' : undefined),
});

const eventType = z.enum(NOTIFICATION_EVENT_TYPES, { error: `must be one of ${NOTIFICATION_EVENT_TYPES.join(', ')}` });

export const RoutingFiltersSchema = strictObject({
  project: z.string().optional().meta({ description: 'project name; empty: any' }),
  step: z.string().optional().meta({ description: 'step or pipeline name; empty: any' }),
  status: z.string().optional().meta({ description: 'e.g. complete, error; empty: any' }),
}).transform((f) => {
  const out: { project?: string; step?: string; status?: string } = {};
  for (const key of ['project', 'step', 'status'] as const) if (f[key]) out[key] = f[key];
  return out;
});

export const NotificationRoutingSchema = strictObject({
  id: idString(),
  event: eventType,
  channelIds: z.array(z.string().min(1)).min(1, { error: 'choose at least one channel' }),
  filters: RoutingFiltersSchema.default({}),
  enabled: z.boolean().default(true),
});

const delivery = {
  timeoutMs: wholeNumber(10, 300_000).default(DEFAULT_DELIVERY.timeoutMs).meta({ description: 'per attempt' }),
  maxAttempts: wholeNumber(1, 20).default(DEFAULT_DELIVERY.maxAttempts).meta({ description: 'total attempts including the first' }),
  baseDelayMs: wholeNumber(0, 3_600_000).default(DEFAULT_DELIVERY.baseDelayMs).meta({ description: 'first retry waits up to this; the ceiling doubles each time (full jitter)' }),
  maxDelayMs: wholeNumber(0, 24 * 3_600_000).default(DEFAULT_DELIVERY.maxDelayMs),
};
export const DeliverySettingsSchema = strictObject(delivery).superRefine((d, ctx) => {
  if (d.maxDelayMs < d.baseDelayMs) ctx.addIssue({ code: 'custom', path: ['maxDelayMs'], message: 'must not be below baseDelayMs' });
});

export const NotificationsSectionSchema = strictObject({
  project: NotificationProjectSchema.default(() => NotificationProjectSchema.parse({})),
  channels: z.array(NotificationChannelSchema).default([])
    .superRefine(uniqueBy((c) => c.id, 'id', (id) => `${JSON.stringify(id)} is used twice`)),
  routings: z.array(NotificationRoutingSchema).default([]),
  notificationTriggers: z.array(z.string().min(1)).default([]).transform((ids) => [...new Set(ids)])
    .meta({ description: 'triggers marked as notification triggers: each gets a managed Trigger channel' }),
  delivery: DeliverySettingsSchema.default(() => ({ ...DEFAULT_DELIVERY })),
});
