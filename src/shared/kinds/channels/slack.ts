// slack: a Slack incoming webhook; the payload is posted as a Slack message.
import { z } from 'zod';
import { httpUrl, strictObject } from '../../schema/fields';
import { channelBase } from './base';
import type { ChannelKind } from './types';

export const SlackChannelSchema = strictObject({ ...channelBase, type: z.literal('slack'), url: httpUrl() });

export const slackChannel = {
  id: 'slack',
  label: 'Slack incoming webhook',
  shortLabel: 'Slack',
  schema: SlackChannelSchema,
  withType: (base, previous) => ({ ...base, type: 'slack', url: 'url' in previous ? previous.url : '' }),
  target: (c) => c.url,
  secrets: () => [],
} satisfies ChannelKind<'slack'>;
