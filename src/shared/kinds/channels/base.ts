// The fields every channel type has.
import { z } from 'zod';
import { idString } from '../../schema/fields';

export const channelBase = {
  id: idString(),
  name: z.string().refine((n) => n.trim().length > 0, { error: 'must not be empty' }),
  managed: z.boolean().optional().meta({ description: 'set on the channel of a notification trigger' }),
};
