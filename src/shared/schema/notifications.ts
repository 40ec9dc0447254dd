// The `notifications` workspace section: channels (Slack, custom URL, local trigger), routings,
// delivery settings and who the notifications say the project is (src/shared/notifications.ts).
import { z } from 'zod';
import { DEFAULT_DELIVERY, DEFAULT_PROJECT, NOTIFICATION_EVENT_TYPES } from '../notifications';
import { NotificationChannelSchema } from '../kinds/channels';
import { httpUrl, idString, strictObject, uniqueBy, wholeNumber } from './fields';

export const NotificationProjectSchema = strictObject({
  id: z.string().min(1).default(DEFAULT_PROJECT.id),
  name: z.string().min(1).default(DEFAULT_PROJECT.name),
  creatorId: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(DEFAULT_PROJECT.creatorId),
  creatorName: z.string().default(DEFAULT_PROJECT.creatorName),
  commitIdentifier: z.string().nullable().default(null),
  appBaseUrl: httpUrl()
    .default(DEFAULT_PROJECT.appBaseUrl)
    .transform((u) => u.replace(/\/+$/, ''))
    .meta({ description: 'prefix of the link in each notification body' }),
});

// channels: one module per type in shared/kinds/channels
export { ChannelSigningSchema, HeaderRowSchema, NotificationChannelSchema } from '../kinds/channels';

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
  baseDelayMs: wholeNumber(0, 3_600_000)
    .default(DEFAULT_DELIVERY.baseDelayMs)
    .meta({ description: 'first retry waits up to this; the ceiling doubles each time (full jitter)' }),
  maxDelayMs: wholeNumber(0, 24 * 3_600_000).default(DEFAULT_DELIVERY.maxDelayMs),
};
export const DeliverySettingsSchema = strictObject(delivery).superRefine((d, ctx) => {
  if (d.maxDelayMs < d.baseDelayMs) ctx.addIssue({ code: 'custom', path: ['maxDelayMs'], message: 'must not be below baseDelayMs' });
});

export const NotificationsSectionSchema = strictObject({
  project: NotificationProjectSchema.default(() => NotificationProjectSchema.parse({})),
  channels: z
    .array(NotificationChannelSchema)
    .default([])
    .superRefine(
      uniqueBy(
        (c) => c.id,
        'id',
        (id) => `${JSON.stringify(id)} is used twice`,
      ),
    ),
  routings: z.array(NotificationRoutingSchema).default([]),
  notificationTriggers: z
    .array(z.string().min(1))
    .default([])
    .transform((ids) => [...new Set(ids)])
    .meta({ description: 'triggers marked as notification triggers: each gets a managed Trigger channel' }),
  delivery: DeliverySettingsSchema.default(() => ({ ...DEFAULT_DELIVERY })),
});
