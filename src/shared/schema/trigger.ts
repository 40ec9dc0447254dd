// Triggers exactly as docs/triggers.md defines them (the workspace file's `triggers`). Each
// condition and action shape is defined once, in its kind module (shared/kinds/); this file
// puts them into a trigger.
import { z } from 'zod';
import { TRIGGER_ID_PATTERN } from '../trigger';
import { ActionSchema } from '../kinds/actions';
import { ConditionSchema } from '../kinds/conditions';
import { strictObject, uniqueBy } from './fields';

export { ActionSchema } from '../kinds/actions';
export { ConditionSchema } from '../kinds/conditions';

const newId = (): string => globalThis.crypto.randomUUID();

/** One trigger; a missing id gets a fresh UUID and a missing title the id. */
export const TriggerSchema = strictObject({
  id: z
    .string()
    .optional()
    .superRefine((id, ctx) => {
      if (id && !TRIGGER_ID_PATTERN.test(id)) ctx.addIssue({ code: 'custom', message: 'must be 1–64 characters of A-Z, a-z, 0-9, _ and -' });
    })
    .meta({ description: '[A-Za-z0-9_-]{1,64}; the URL is /api/v0/launch/<id>/. Absent: a fresh UUID' }),
  title: z.string().optional(),
  enabled: z.boolean().default(true),
  conditions: z.array(ConditionSchema).default([]),
  actions: z.array(ActionSchema).default([]),
})
  .transform((t) => {
    const id = t.id || newId();
    return { id, title: t.title ?? id, enabled: t.enabled, conditions: t.conditions, actions: t.actions };
  })
  .meta({ id: 'Trigger' });

export const TriggersSchema = z.array(TriggerSchema).superRefine(
  uniqueBy(
    (t) => t.id,
    'id',
    (id) => `duplicate trigger id ${JSON.stringify(id)}`,
  ),
);
