// The channel editor's fields for each channel type, keyed by the same ids as shared/kinds/channels.
// A type without its fields here is a compile error.
import type { ComponentType } from 'react';
import type { ChannelType } from '@shared/notifications';
import { CustomChannelFields } from './CustomChannelFields';
import { SlackChannelFields } from './SlackChannelFields';
import { TriggerChannelFields } from './TriggerChannelFields';
import type { ChannelFieldsProps } from './types';

export const CHANNEL_EDITORS = {
  custom: CustomChannelFields,
  slack: SlackChannelFields,
  trigger: TriggerChannelFields,
} as const satisfies { readonly [T in ChannelType]: ComponentType<ChannelFieldsProps<T>> };
