// Static secret token: the token equals the secret, compared in constant time.
import type { WebAuthCondition } from '@shared/trigger';
import { utf8 } from '@shared/triggers/bytes';
import { lookupToken } from '@shared/triggers/lookup';
import { maskSecret, resolveSecret } from '@shared/triggers/secrets';
import { constantTimeEqual } from './compare';
import { failed, pass, type CheckOutcome, type EvaluationContext, type RequestView } from './types';

export function checkStatic(c: WebAuthCondition, request: RequestView, ctx: EvaluationContext): CheckOutcome {
  const secret = resolveSecret(c.secretKey, ctx.env);
  if (!secret.ok) return failed(secret.reason);
  if (secret.value === '') return failed('the secret key is empty');
  const token = lookupToken(request, c);
  if (!token.ok) return failed(token.reason);
  if (constantTimeEqual(utf8(token.value), utf8(secret.value))) return pass('static token matches the secret key');
  return failed(`static token mismatch: got ${maskSecret(token.value)}, expected ${maskSecret(secret.value)}`);
}
