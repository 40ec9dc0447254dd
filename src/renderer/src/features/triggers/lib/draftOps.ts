// Pure edits of a trigger draft: new items with sensible defaults, type switches that keep
// what still applies and drop what would be rejected, reordering and fresh ids.
import type { Action, ActionType, Condition, ConditionType, Trigger, WebAuthCondition } from '@shared/trigger';
import { WEB_AUTH_KINDS } from '@shared/kinds/web-auth';
import { CONDITION_KINDS } from '@shared/kinds/conditions';
import { ACTION_KINDS } from '@shared/kinds/actions';

export { CONDITION_TYPES, withOperator } from '@shared/kinds/conditions';
export { ACTION_TYPES } from '@shared/kinds/actions';

/** A new condition of a type, with the defaults its kind defines. */
export const newCondition = (type: ConditionType): Condition => CONDITION_KINDS[type].defaults();

/** A new action of a type, with the defaults its kind defines. */
export const newAction = (type: ActionType): Action => ACTION_KINDS[type].defaults();

/** hmac keeps a format and encoding, jwt needs a JWS algorithm, static needs neither. */
export function withAuthType(c: WebAuthCondition, authType: WebAuthCondition['authType']): WebAuthCondition {
  const { algorithm: _a, hmacFormat: _f, encoding: _e, authType: _t, ...base } = c;
  return WEB_AUTH_KINDS[authType].withType(base, c);
}

/** One value per line; blank lines are ignored (they are usually the line being typed). */
export const listFromLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line !== '');

export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items.slice();
  const out = items.slice();
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, i) => (i === index ? item : x));
export const removeAt = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

/** base, base-2, base-3…: the first not taken, kept within the 64-character id limit. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60) || 'trigger';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

export function blankTrigger(taken: Iterable<string>): Trigger {
  return { id: uniqueId('my-trigger', taken), title: 'New trigger', enabled: true, conditions: [], actions: [newAction('web-response-text')] };
}

export function duplicateTrigger(t: Trigger, taken: Iterable<string>): Trigger {
  return { ...structuredClone(t), id: uniqueId(`${t.id}-copy`, taken), title: `${t.title} (copy)` };
}

export function fromPreset(built: Trigger, taken: Iterable<string>): Trigger {
  return { ...built, id: uniqueId(built.id, taken) };
}
