// The trigger-log filter on the client, so live entries land in the filtered list without a refetch.
import type { TriggerLogEntry, TriggerLogFilter } from '@shared/trigger-log';

export function logEntryMatches(entry: TriggerLogEntry, filter: TriggerLogFilter): boolean {
  if (filter.triggerId && entry.triggerId !== filter.triggerId) return false;
  if (filter.outcome && entry.outcome !== filter.outcome) return false;
  if (filter.failedConditionType && !entry.conditions.some((c) => !c.passed && c.type === filter.failedConditionType)) return false;
  return true;
}
