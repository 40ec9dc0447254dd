// Evaluates every condition of a trigger, in order, even after one fails: the trace is the
// product. Never throws: anything malformed becomes a failed condition with a reason.
import type { Trigger } from '@shared/trigger';
import type { ConditionResult } from '@shared/trigger-log';
import { redactText, resolveSecret, secretValues } from '@shared/triggers/secrets';
import { checkCondition } from './conditions/registry';
import { failed, type CheckOutcome, type EvaluationContext, type RequestView } from './conditions/types';
import { triggerSecrets, type SecretField } from '@shared/kinds/secrets';
import { errorMessage } from '@shared/error-message';

export type { EvaluationContext } from './conditions/types';

/**
 * A trigger's secret fields, worked out once per trigger rather than per request. The workspace
 * store replaces a trigger (and its condition and action arrays) when it changes; the arrays
 * are compared too, so a trigger whose lists were swapped is looked at again.
 */
const secretFieldsCache = new WeakMap<Trigger, { conditions: Trigger['conditions']; actions: Trigger['actions']; fields: SecretField[] }>();
function secretFieldsOf(trigger: Trigger): SecretField[] {
  const known = secretFieldsCache.get(trigger);
  if (known && known.conditions === trigger.conditions && known.actions === trigger.actions) return known.fields;
  const fields = triggerSecrets(trigger);
  secretFieldsCache.set(trigger, { conditions: trigger.conditions, actions: trigger.actions, fields });
  return fields;
}

/** Literal secret keys (no {env:} reference) are secrets too; resolved ones are covered by env. */
function literalSecrets(trigger: Trigger, ctx: EvaluationContext): string[] {
  const out: string[] = [];
  // the kinds say which fields hold secrets (a public key is not one)
  for (const { value } of secretFieldsOf(trigger)) {
    const resolved = resolveSecret(value, ctx.env);
    if (resolved.ok && (resolved.references.length === 0 || resolved.value !== value)) out.push(resolved.value);
  }
  return out;
}

export async function evaluateTrigger(trigger: Trigger, request: RequestView, ctx: EvaluationContext): Promise<ConditionResult[]> {
  const secrets = secretValues(ctx.env, literalSecrets(trigger, ctx));
  const results: ConditionResult[] = [];
  const { conditions } = trigger;
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index];
    if (ctx.only && !ctx.only.includes(condition.type)) continue;
    let outcome: CheckOutcome;
    try {
      const checked = checkCondition(condition, request, ctx);
      outcome = checked instanceof Promise ? await checked : checked; // most checks are synchronous
    } catch (err) {
      outcome = failed(`could not evaluate: ${errorMessage(err)}`);
    }
    const result: ConditionResult = { index, type: condition.type, passed: outcome.passed, reason: redactText(outcome.reason, secrets) };
    if (outcome.trace) result.trace = outcome.trace;
    results.push(result);
  }
  return results;
}

export const allPassed = (results: ConditionResult[]): boolean => results.every((r) => r.passed);

export const firstFailure = (results: ConditionResult[]): ConditionResult | undefined => results.find((r) => !r.passed);
