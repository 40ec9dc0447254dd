import type { ChannelType } from '@shared/notifications';
import type { ChannelOf } from '@shared/kinds/channels';

/** What a channel type's own fields get: the channel of that type and a way to change it. */
export interface ChannelFieldsProps<T extends ChannelType> {
  channel: ChannelOf<T>;
  onChange(next: ChannelOf<T>): void;
}
