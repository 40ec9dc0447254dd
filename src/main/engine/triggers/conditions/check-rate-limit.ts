// Rate limit: launching now must not make more than `quota` launches within `period` seconds.
import type { RateLimitCondition } from '@shared/trigger';
import { failed, pass, type CheckOutcome, type EvaluationContext } from './types';

export function checkRateLimit(c: RateLimitCondition, ctx: EvaluationContext): CheckOutcome {
  const since = ctx.now - c.period * 1000;
  const inWindow = (ctx.launches ?? []).filter((t) => t > since && t <= ctx.now).sort((a, b) => a - b);
  const used = inWindow.length;
  if (used + 1 > c.quota) {
    const freeAt = used > 0 && c.quota > 0 ? inWindow[used - c.quota] + c.period * 1000 : undefined;
    const wait = freeAt !== undefined ? `; the next launch is allowed in ${Math.max(1, Math.ceil((freeAt - ctx.now) / 1000))} s` : '';
    return failed(`rate limit exceeded: ${used} launch${used === 1 ? '' : 'es'} in the last ${c.period} s, quota ${c.quota}${wait}`);
  }
  return pass(`${used} of ${c.quota} launches used in the last ${c.period} s`);
}
