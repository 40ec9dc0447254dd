// What every condition checker receives and returns.
import type { ConditionType } from '@shared/trigger';
import type { ConditionResult } from '@shared/trigger-log';
import type { RequestView } from '@shared/triggers/lookup';
import type { EnvSource } from '@shared/triggers/secrets';

export interface EvaluationContext {
  env: EnvSource;
  /** epoch ms */
  now: number;
  /** epoch ms of earlier launches of this trigger (for rate limits) */
  launches?: readonly number[];
  /** evaluate only these types (run-info: web-auth and web-timestamp); others are left out */
  only?: readonly ConditionType[];
}

export type CheckOutcome = Omit<ConditionResult, 'index' | 'type'>;

export const pass = (reason: string, trace?: ConditionResult['trace']): CheckOutcome => ({ passed: true, reason, ...(trace ? { trace } : {}) });
export const failed = (reason: string, trace?: ConditionResult['trace']): CheckOutcome => ({ passed: false, reason, ...(trace ? { trace } : {}) });
export type { RequestView };
