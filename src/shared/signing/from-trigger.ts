// "Sign like this trigger": the profile whose requests pass a trigger's web-auth and
// web-timestamp conditions. Secret references are kept as {env:NAME}.
import { webAuthKind } from '../kinds/web-auth';
import type { Trigger, WebAuthCondition, WebTimestampCondition } from '../trigger';
import type { SigningProfile, TimestampSpec } from './types';

export function profileFromTrigger(trigger: Trigger, id: string): SigningProfile | null {
  const auth = trigger.conditions.find((c): c is WebAuthCondition => c.type === 'web-auth');
  const ts = trigger.conditions.find((c): c is WebTimestampCondition => c.type === 'web-timestamp');
  if (!auth) return null;
  const name = `Like ${trigger.title || trigger.id}`;
  const placement = { namespace: auth.namespace, key: auth.key, ...(auth.prefix ? { prefix: auth.prefix } : {}) };
  const timestamp: TimestampSpec | undefined =
    ts && (ts.namespace === 'header' || ts.namespace === 'query') ? { namespace: ts.namespace, key: ts.key, unit: ts.unit ?? 's' } : undefined;
  const kind = webAuthKind(auth);
  if (!kind) throw new Error(`the trigger's auth type ${JSON.stringify(auth.authType)} cannot be signed`);
  return kind.signingProfile(auth, { id, name, placement, ...(timestamp ? { timestamp } : {}) });
}
