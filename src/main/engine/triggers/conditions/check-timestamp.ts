// Web timestamp: a UNIX time (seconds; extension: ms) within `tolerance` seconds of now.
import type { WebTimestampCondition } from '@shared/trigger';
import { describeLookup, lookupToken } from '@shared/triggers/lookup';
import { failed, pass, type CheckOutcome, type EvaluationContext, type RequestView } from './types';

export function checkTimestamp(c: WebTimestampCondition, request: RequestView, ctx: EvaluationContext): CheckOutcome {
  const found = lookupToken(request, c);
  if (!found.ok) return failed(`timestamp: ${found.reason}`);
  const raw = found.value.trim();
  const where = describeLookup(c.namespace, c.key);
  if (!/^-?\d+(\.\d+)?$/.test(raw)) {
    return failed(`timestamp: ${where} is ${JSON.stringify(raw.slice(0, 40))}, not a UNIX timestamp in ${c.unit === 'ms' ? 'milliseconds' : 'seconds'}`);
  }
  const value = Number(raw);
  const seconds = c.unit === 'ms' ? value / 1000 : value;
  const drift = ctx.now / 1000 - seconds;
  const abs = Math.abs(drift);
  const when = drift >= 0 ? `${Math.round(abs)} s in the past` : `${Math.round(abs)} s in the future`;
  if (abs > c.tolerance) {
    const hint = c.unit !== 'ms' && value > 1e11 ? ' (it looks like milliseconds; this condition expects seconds)' : '';
    return failed(`timestamp ${raw} is ${when}, more than the tolerance of ${c.tolerance} s${hint}`);
  }
  return pass(`timestamp ${raw} is ${when}, within the tolerance of ${c.tolerance} s`);
}
