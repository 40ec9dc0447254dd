// A channel's literal signing secret never goes to the renderer: it sees SECRET_PLACEHOLDER (like
// signing profiles), and saving the placeholder keeps the stored secret. {env:NAME} references
// are not secrets and stay visible.
import { ApiError } from '@shared/contract';
import type { NotificationChannel, NotificationsSection } from '@shared/notifications';
import { SECRET_PLACEHOLDER } from '@shared/trigger';
import { envReferences } from '@shared/triggers/secrets';
import { replaceChannelSecrets } from '@shared/kinds/channels';

const isLiteral = (secret: string): boolean => secret !== '' && envReferences(secret).length === 0;

export function maskChannel<C extends NotificationChannel>(channel: C): C {
  // the signing secret (the channel types say where it is); header values are shown as typed
  return replaceChannelSecrets(channel, (s) => (s.kind === 'signing' && isLiteral(s.value) ? SECRET_PLACEHOLDER : undefined));
}

export const maskSection = (section: NotificationsSection): NotificationsSection => ({ ...section, channels: section.channels.map(maskChannel) });

/** The channel to store: a placeholder secret is replaced by the one stored for this channel. */
export function withStoredChannelSecret(channel: NotificationChannel, stored: readonly NotificationChannel[], previousId?: string): NotificationChannel {
  if (channel.type !== 'custom' || channel.signing?.secret !== SECRET_PLACEHOLDER) return channel;
  const old = stored.find((c) => c.id === (previousId ?? channel.id));
  if (old?.type === 'custom' && old.signing && isLiteral(old.signing.secret))
    return { ...channel, signing: { ...channel.signing, secret: old.signing.secret } };
  throw new ApiError('invalid', 'channel.signing.secret: the hidden secret is not stored for this channel: type the secret again', 'channel.signing.secret');
}
