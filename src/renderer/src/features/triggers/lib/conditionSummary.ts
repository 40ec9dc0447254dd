// One line per condition for the trigger list: enough to recognise a trigger at a glance. Each
// condition type writes its own line (shared/kinds/conditions/<type>.ts).
import type { Condition, Trigger } from '@shared/trigger';
import { conditionKind } from '@shared/kinds/conditions';

export { formatPeriod } from '@shared/kinds/conditions';

export function summarizeCondition(c: Condition): string {
  return conditionKind(c)?.summary(c) ?? `Unknown condition type ${JSON.stringify((c as { type: unknown }).type)}`;
}

export function summarizeConditions(trigger: Trigger): string[] {
  if (!trigger.conditions.length) return ['No conditions: anyone who knows the URL can launch it'];
  return trigger.conditions.map(summarizeCondition);
}
