// Validation of one trigger, its conditions and actions: the zod schemas in shared/schema/trigger.ts,
// with the first problem thrown as a WorkspaceValidationError naming its JSON path.
import type { Action, Condition, Trigger } from '../trigger';
import { ActionSchema, ConditionSchema, TriggerSchema } from '../schema/trigger';
import { parseOrThrow } from '../schema/validate';
import { WorkspaceValidationError } from './validate-helpers';

export function validateCondition(value: unknown, path: string): Condition {
  return parseOrThrow(ConditionSchema, value, path, WorkspaceValidationError.from);
}

export function validateAction(value: unknown, path: string): Action {
  return parseOrThrow(ActionSchema, value, path, WorkspaceValidationError.from);
}

/** Validates one trigger; a missing id gets a fresh UUID. */
export function validateTrigger(value: unknown, path = ''): Trigger {
  return parseOrThrow(TriggerSchema, value, path, WorkspaceValidationError.from);
}
