// The notification channel types, one module each. The channel's wire shape is the union of
// their schemas; the registry must have one entry per `NotificationChannel['type']`.
import { z } from 'zod';
import type { ChannelType, NotificationChannel } from '../../notifications';
import { customChannel, CustomChannelSchema } from './custom';
import { slackChannel, SlackChannelSchema } from './slack';
import { triggerChannel, TriggerChannelSchema } from './trigger';
import type { ChannelKind, ChannelSecret } from './types';

export type { ChannelKind, ChannelOf, ChannelSecret } from './types';
export { ChannelSigningSchema, HeaderRowSchema } from './custom';

export const NotificationChannelSchema = z.discriminatedUnion('type', [SlackChannelSchema, CustomChannelSchema, TriggerChannelSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? 'must be slack, custom or trigger' : undefined),
});

/** In the order the editor offers them (Custom first: the most general). */
export const CHANNEL_KINDS = {
  custom: customChannel,
  slack: slackChannel,
  trigger: triggerChannel,
} as const satisfies { readonly [T in ChannelType]: ChannelKind<T> };

export const CHANNEL_TYPES = Object.keys(CHANNEL_KINDS) as ChannelType[];

export const channelKind = (c: Pick<NotificationChannel, 'type'>): ChannelKind<ChannelType> | undefined =>
  Object.hasOwn(CHANNEL_KINDS, c.type) ? (CHANNEL_KINDS[c.type] as unknown as ChannelKind<ChannelType>) : undefined;

/** The channel of another type, keeping what still applies. */
export const withChannelType = (c: NotificationChannel, type: ChannelType): NotificationChannel => CHANNEL_KINDS[type].withType({ id: c.id, name: c.name }, c);

export const channelTarget = (c: NotificationChannel): string => channelKind(c)?.target(c) ?? '';

export const channelSecrets = (c: NotificationChannel): ChannelSecret<NotificationChannel>[] => channelKind(c)?.secrets(c) ?? [];

/** The channel with every secret `pick` chooses replaced by what it returns. */
export function replaceChannelSecrets<C extends NotificationChannel>(c: C, pick: (s: ChannelSecret<NotificationChannel>) => string | undefined): C {
  let out: NotificationChannel = c;
  for (const s of channelSecrets(c)) {
    const next = pick(s);
    if (next !== undefined) out = s.replace(out, next);
  }
  return out as C;
}
