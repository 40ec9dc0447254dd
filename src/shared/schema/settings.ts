// Receiver settings (the Settings page): interface and port, body limit, retention, the inbox answer.
import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../settings';
import { strictObject, wholeNumber } from './fields';

const GIB = 1024 ** 3;
const d = DEFAULT_SETTINGS;

export const ReceiverSettingsSchema = strictObject({
  host: z.string().trim().min(1).default(d.receiver.host).meta({ description: '127.0.0.1 by default; anything else is an explicit opt-in' }),
  port: wholeNumber(0, 65535).default(d.receiver.port),
  maxConnections: wholeNumber(1, 100_000).default(d.receiver.maxConnections).meta({ description: 'connections the receiver keeps open at once' }),
});

export const InboxResponseSchema = strictObject({
  status: wholeNumber(100, 599).default(d.inboxResponse.status),
  contentType: z.string().default(d.inboxResponse.contentType),
  body: z.string().default(d.inboxResponse.body),
});

export const SettingsSchema = strictObject({
  receiver: ReceiverSettingsSchema.default(() => ({ ...d.receiver })),
  bodyLimitBytes: wholeNumber(1, GIB).default(d.bodyLimitBytes).meta({ description: 'larger bodies get 413 and are not stored' }),
  retention: strictObject({
    maxCaptures: wholeNumber(1, Number.MAX_SAFE_INTEGER).default(d.retention.maxCaptures),
    maxBytes: wholeNumber(1, Number.MAX_SAFE_INTEGER).default(d.retention.maxBytes),
  }).default(() => ({ ...d.retention })),
  inboxResponse: InboxResponseSchema.default(() => ({ ...d.inboxResponse })).meta({
    description: 'the answer to a request on a path that is not a trigger URL',
  }),
  theme: z.enum(['system', 'light', 'dark']).default(d.theme),
});
