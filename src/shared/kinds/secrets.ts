// The secret rules of every kind in one place: which fields of a condition or action hold a
// secret (each kind's `secretFields`). Export redaction and the engine's log masking use these.
import type { Action, Condition, Trigger } from '../trigger';
import { actionKind } from './actions';
import { conditionKind } from './conditions';

export interface SecretField {
  /** e.g. "secretKey" */
  field: string;
  /** as written: may hold {env:NAME} references */
  value: string;
}

function fieldsOf<V>(kind: { secretFields(value: V): readonly string[] } | undefined, item: V): SecretField[] {
  if (!kind) return [];
  return kind.secretFields(item).flatMap((field) => {
    const value = (item as Record<string, unknown>)[field];
    return typeof value === 'string' ? [{ field, value }] : [];
  });
}

export const conditionSecrets = (c: Condition): SecretField[] => fieldsOf(conditionKind(c), c);
export const actionSecrets = (a: Action): SecretField[] => fieldsOf(actionKind(a), a);

/** Every secret field of a trigger's conditions and actions. */
export const triggerSecrets = (t: Trigger): SecretField[] => [...t.conditions.flatMap(conditionSecrets), ...t.actions.flatMap(actionSecrets)];

/** The item with every secret field whose value `redact` picks replaced by "". */
export function blankSecrets<T extends Condition | Action>(item: T, secrets: SecretField[], redact: (value: string) => boolean): T {
  const blank = secrets.filter((f) => redact(f.value));
  return blank.length === 0 ? item : { ...item, ...Object.fromEntries(blank.map((f) => [f.field, ''])) };
}
