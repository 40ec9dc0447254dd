// One line per condition for the trigger list: enough to recognise a trigger at a glance.
import type { Condition, Lookup, Trigger } from '../../../../../shared/trigger';
import { webAuthKind } from '../../../../../shared/kinds/web-auth';
import { assertNever } from '../../../../../shared/kinds/assert-never';

const where = (l: Lookup): string => `${l.namespace} ${l.key}${l.prefix ? ` (prefix ${JSON.stringify(l.prefix)})` : ''}`;

export function formatPeriod(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export function summarizeCondition(c: Condition): string {
  switch (c.type) {
    case 'web-auth':
      return webAuthKind(c)?.summary(c, where(c)) ?? `Unknown auth type in ${where(c)}`;
    case 'web-timestamp':
      return `Timestamp in ${where(c)} within ${c.tolerance} ${c.unit === 'ms' ? 'ms' : 's'}`;
    case 'rate-limit':
      return `At most ${c.quota} launch${c.quota === 1 ? '' : 'es'} per ${formatPeriod(c.period)}`;
    case 'payload-filter': {
      const value = Array.isArray(c.value) ? `[${c.value.map((v) => JSON.stringify(v)).join(', ')}]` : c.value === undefined ? '' : JSON.stringify(c.value);
      return `${c.namespace} ${c.key} ${c.operator}${value ? ` ${value}` : ''}`;
    }
    default:
      return assertNever(c, 'condition type');
  }
}

export function summarizeConditions(trigger: Trigger): string[] {
  if (!trigger.conditions.length) return ['No conditions: anyone who knows the URL can launch it'];
  return trigger.conditions.map(summarizeCondition);
}
