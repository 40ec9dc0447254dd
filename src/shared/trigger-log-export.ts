// The trigger log as it may leave the app (CLI output, files, HAR): the HMAC a request should
// have carried is dropped. With it, anyone holding the export could send that exact request
// with a valid signature; the UI keeps showing it, since it reads the log in place.
import type { ConditionResult, TriggerLogEntry } from './trigger-log';

function conditionForExport(condition: ConditionResult): ConditionResult {
  if (condition.trace?.kind !== 'hmac' || condition.trace.expected === undefined) return condition;
  const { expected: _expected, ...trace } = condition.trace;
  return { ...condition, trace };
}

export function logEntryForExport(entry: TriggerLogEntry): TriggerLogEntry {
  return { ...entry, conditions: entry.conditions.map(conditionForExport) };
}
