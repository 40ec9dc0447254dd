// trigger: a local trigger of this workspace is launched with the payload (a notification trigger).
import { z } from 'zod';
import { strictObject } from '../../schema/fields';
import { channelBase } from './base';
import type { ChannelKind } from './types';

export const TriggerChannelSchema = strictObject({ ...channelBase, type: z.literal('trigger'), triggerId: z.string().min(1) });

export const triggerChannel = {
  id: 'trigger',
  label: 'Local trigger',
  shortLabel: 'Trigger',
  schema: TriggerChannelSchema,
  withType: (base, previous) => ({ ...base, type: 'trigger', triggerId: previous.type === 'trigger' ? previous.triggerId : '' }),
  target: (c) => `trigger ${c.triggerId}`,
  secrets: () => [],
} satisfies ChannelKind<'trigger'>;
