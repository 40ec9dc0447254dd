// web-timestamp: the request carries a fresh timestamp (seconds, or milliseconds as an extension).
import { z } from 'zod';
import { DEFAULT_HMAC_FORMAT, parseFormat, signedHeaders, signedQueryKeys } from '../../triggers/basestring';
import type { Trigger } from '../../trigger';
import { strictObject } from '../../schema/fields';
import type { TriggerWarning } from '../types';
import { describeWhere, lookupShape } from '../lookup';
import type { ConditionKind, ConditionOf } from './types';

export const WebTimestampConditionSchema = strictObject({
  type: z.literal('web-timestamp'),
  ...lookupShape,
  tolerance: z.number().min(0).meta({ description: 'seconds of allowed drift, past or future' }),
  unit: z.enum(['s', 'ms']).optional(),
});

/** Whether an HMAC condition of the trigger signs this timestamp (else a replay only needs a fresh one). */
function timestampIsSigned(t: ConditionOf<'web-timestamp'>, trigger: Trigger): boolean {
  const key = t.key.toLowerCase();
  return trigger.conditions.some((h) => {
    if (h.type !== 'web-auth' || h.authType !== 'hmac') return false;
    const format = h.hmacFormat ?? DEFAULT_HMAC_FORMAT;
    if (t.namespace === 'header') return signedHeaders(format).some((n) => n.toLowerCase() === key);
    if (t.namespace === 'query') return signedQueryKeys(format).includes(t.key);
    return parseFormat(format).some((p) => p.kind === 'body'); // form/json timestamps live in the signed body
  });
}

export const webTimestampCondition = {
  id: 'web-timestamp',
  label: 'Timestamp',
  schema: WebTimestampConditionSchema,
  defaults: () => ({ type: 'web-timestamp', namespace: 'header', key: 'Request-Timestamp', tolerance: 60 }),
  summary: (c) => `Timestamp in ${describeWhere(c)} within ${c.tolerance} ${c.unit === 'ms' ? 'ms' : 's'}`,
  lint(c, { path, whole }) {
    const out: TriggerWarning[] = [];
    if (!timestampIsSigned(c, whole)) {
      out.push({
        path,
        severity: 'warning',
        code: 'unsigned-timestamp',
        message: `No HMAC condition signs ${c.key}: a replayed request only needs a fresh timestamp.`,
      });
    }
    if (c.unit === 'ms')
      out.push({
        path: `${path}.unit`,
        severity: 'info',
        code: 'extension',
        message: 'Millisecond timestamps are a Hookbench extension; the documented service expects seconds.',
      });
    return out;
  },
  checkedOnRunInfo: true,
  countsLaunches: false,
  secretFields: () => [],
} satisfies ConditionKind<'web-timestamp'>;
