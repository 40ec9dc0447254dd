// rate-limit: at most `quota` launches per `period` seconds.
import { z } from 'zod';
import { strictObject } from '../../schema/fields';
import type { ConditionKind } from './types';

export const RateLimitConditionSchema = strictObject({
  type: z.literal('rate-limit'),
  period: z.number().gt(0).meta({ description: 'seconds' }),
  quota: z.number().int().min(0),
});

export function formatPeriod(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export const rateLimitCondition = {
  id: 'rate-limit',
  label: 'Rate limit',
  schema: RateLimitConditionSchema,
  defaults: () => ({ type: 'rate-limit', period: 3600, quota: 10 }),
  summary: (c) => `At most ${c.quota} launch${c.quota === 1 ? '' : 'es'} per ${formatPeriod(c.period)}`,
  lint: (c, { path }) =>
    c.quota === 0 ? [{ path: `${path}.quota`, severity: 'warning', code: 'zero-quota', message: 'A quota of 0 rejects every launch.' }] : [],
  checkedOnRunInfo: false,
  countsLaunches: true,
  secretFields: () => [],
} satisfies ConditionKind<'rate-limit'>;
