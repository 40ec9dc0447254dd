// Evaluates every condition of a trigger, in order, even after one fails: the trace is the
// product. Never throws or rejects: anything malformed becomes a failed condition with a reason.
import type { Trigger } from '@shared/trigger';
import type { ConditionResult } from '@shared/trigger-log';
import { redactText, resolveSecret, secretValues, type EnvSource } from '@shared/triggers/secrets';
import { checkCondition } from './conditions/registry';
import { failed, type CheckOutcome, type EvaluationContext, type RequestView } from './conditions/types';
import { triggerSecrets, type SecretField } from '@shared/kinds/secrets';
import { errorMessage } from '@shared/error-message';
import type { MaybePromise } from '../util/maybe-promise';

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
function literalSecrets(trigger: Trigger, env: EnvSource): string[] {
  const out: string[] = [];
  // the kinds say which fields hold secrets (a public key is not one)
  for (const { value } of secretFieldsOf(trigger)) {
    const resolved = resolveSecret(value, env);
    if (resolved.ok && (resolved.references.length === 0 || resolved.value !== value)) out.push(resolved.value);
  }
  return out;
}

/**
 * The values a trigger's reasons are redacted of, worked out once per trigger and environment
 * rather than per request. The workspace store replaces the env list and the triggers on every
 * change (never edits them in place), so the same objects mean the same secrets.
 */
const secretsCache = new WeakMap<Trigger, { env: EnvSource; fields: SecretField[]; secrets: string[] }>();
function secretsOf(trigger: Trigger, env: EnvSource): string[] {
  const fields = secretFieldsOf(trigger);
  const known = secretsCache.get(trigger);
  if (known && known.env === env && known.fields === fields) return known.secrets;
  const secrets = secretValues(env, literalSecrets(trigger, env));
  secretsCache.set(trigger, { env, fields, secrets });
  return secrets;
}

/**
 * Every condition's result, in order. Synchronous when every check is (nearly all are: only a
 * JWT key fetch waits), so a launch costs no promise here; from the first check that returns a
 * promise on, the rest are evaluated after it, in the same order.
 */
export function evaluateTrigger(trigger: Trigger, request: RequestView, ctx: EvaluationContext): MaybePromise<ConditionResult[]> {
  return evaluateFrom(0, [], trigger, request, ctx, secretsOf(trigger, ctx.env));
}

function evaluateFrom(
  start: number,
  results: ConditionResult[],
  trigger: Trigger,
  request: RequestView,
  ctx: EvaluationContext,
  secrets: string[],
): MaybePromise<ConditionResult[]> {
  const { conditions } = trigger;
  for (let index = start; index < conditions.length; index++) {
    const condition = conditions[index];
    if (ctx.only && !ctx.only.includes(condition.type)) continue;
    let checked: CheckOutcome | Promise<CheckOutcome>;
    try {
      checked = checkCondition(condition, request, ctx);
    } catch (err) {
      checked = couldNotEvaluate(err);
    }
    if (checked instanceof Promise) {
      return checked.then(undefined, couldNotEvaluate).then((outcome) => {
        results.push(resultOf(index, condition.type, outcome, secrets));
        return evaluateFrom(index + 1, results, trigger, request, ctx, secrets);
      });
    }
    results.push(resultOf(index, condition.type, checked, secrets));
  }
  return results;
}

const couldNotEvaluate = (err: unknown): CheckOutcome => failed(`could not evaluate: ${errorMessage(err)}`);

function resultOf(index: number, type: ConditionResult['type'], outcome: CheckOutcome, secrets: string[]): ConditionResult {
  const result: ConditionResult = { index, type, passed: outcome.passed, reason: redactText(outcome.reason, secrets) };
  if (outcome.trace) result.trace = outcome.trace;
  return result;
}

export const allPassed = (results: ConditionResult[]): boolean => results.every((r) => r.passed);

export const firstFailure = (results: ConditionResult[]): ConditionResult | undefined => results.find((r) => !r.passed);
