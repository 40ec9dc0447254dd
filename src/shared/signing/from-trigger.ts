// "Sign like this trigger": the profile whose requests pass a trigger's web-auth and
// web-timestamp conditions. Secret references are kept as {env:NAME}.
import type { JwtAlgorithm, Trigger, WebAuthCondition, WebTimestampCondition } from '../trigger';
import { SIGN_HMAC_ALGORITHMS, type SignHmacAlgorithm, type SigningProfile, type TimestampSpec } from './types';

export function profileFromTrigger(trigger: Trigger, id: string): SigningProfile | null {
  const auth = trigger.conditions.find((c): c is WebAuthCondition => c.type === 'web-auth');
  const ts = trigger.conditions.find((c): c is WebTimestampCondition => c.type === 'web-timestamp');
  if (!auth) return null;
  const name = `Like ${trigger.title || trigger.id}`;
  const placement = { namespace: auth.namespace, key: auth.key, ...(auth.prefix ? { prefix: auth.prefix } : {}) };
  if (auth.authType === 'static') return { id, name, kind: 'static', secret: auth.secretKey, placement };
  if (auth.authType === 'jwt') {
    return {
      id, name, kind: 'jwt', secret: auth.secretKey, placement,
      algorithm: (auth.algorithm ?? 'HS256') as JwtAlgorithm,
      claims: { iat: true, expSeconds: 60 },
    };
  }
  const algorithm = (auth.algorithm ?? 'sha256') as SignHmacAlgorithm;
  if (!SIGN_HMAC_ALGORITHMS.includes(algorithm)) throw new Error(`the trigger's HMAC algorithm ${auth.algorithm} cannot be signed here (sha1, sha256 or sha512)`);
  const timestamp: TimestampSpec | undefined =
    ts && (ts.namespace === 'header' || ts.namespace === 'query') ? { namespace: ts.namespace, key: ts.key, unit: ts.unit ?? 's' } : undefined;
  return {
    id, name, kind: 'hmac', secret: auth.secretKey, placement, algorithm,
    encoding: auth.encoding ?? 'hex', format: auth.hmacFormat ?? '{body}',
    ...(timestamp ? { timestamp } : {}),
  };
}
