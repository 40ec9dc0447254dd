// The engine's checker for every condition type and web-auth type, keyed by the same ids as
// the definitions in shared/kinds. A kind without a checker here is a compile error.
import type { WebAuthType } from '@shared/kinds/web-auth';
import type { Condition, ConditionType, WebAuthCondition } from '@shared/trigger';
import { checkHmac } from './check-hmac';
import { checkJwt } from './check-jwt';
import { checkPayloadFilter } from './check-payload-filter';
import { checkRateLimit } from './check-rate-limit';
import { checkStatic } from './check-static';
import { checkTimestamp } from './check-timestamp';
import { failed, type CheckOutcome, type EvaluationContext, type RequestView } from './types';

type Checker<C> = (c: C, request: RequestView, ctx: EvaluationContext) => Promise<CheckOutcome> | CheckOutcome;

export const WEB_AUTH_CHECKERS = {
  static: checkStatic,
  hmac: checkHmac,
  jwt: checkJwt,
} as const satisfies { readonly [T in WebAuthType]: Checker<WebAuthCondition> };

function checkWebAuth(c: WebAuthCondition, request: RequestView, ctx: EvaluationContext): Promise<CheckOutcome> | CheckOutcome {
  const check: Checker<WebAuthCondition> | undefined = Object.hasOwn(WEB_AUTH_CHECKERS, c.authType) ? WEB_AUTH_CHECKERS[c.authType] : undefined;
  return check ? check(c, request, ctx) : failed(`unknown auth type ${String(c.authType)}`);
}

export const CONDITION_CHECKERS = {
  'web-auth': checkWebAuth,
  'web-timestamp': checkTimestamp,
  'rate-limit': (c, _request, ctx) => checkRateLimit(c, ctx),
  'payload-filter': (c, request) => checkPayloadFilter(c, request),
} as const satisfies { readonly [T in ConditionType]: Checker<Extract<Condition, { type: T }>> };

/** Never throws for malformed data: an unknown type is a failed condition with its reason. */
export function checkCondition(c: Condition, request: RequestView, ctx: EvaluationContext): Promise<CheckOutcome> | CheckOutcome {
  if (!Object.hasOwn(CONDITION_CHECKERS, c.type)) return failed(`unknown condition type ${String((c as { type: unknown }).type)}`);
  const check = CONDITION_CHECKERS[c.type] as Checker<Condition>;
  return check(c, request, ctx);
}
