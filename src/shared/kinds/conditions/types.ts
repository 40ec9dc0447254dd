// A condition type's definition (conditions/<type>.ts); the registry in conditions/index.ts
// has one per `Condition['type']`.
import type { Condition, ConditionType, Trigger } from '../../trigger';
import type { KindDefinition, OfType } from '../types';

export type ConditionOf<T extends ConditionType> = OfType<Condition, T>;

export interface ConditionKind<T extends ConditionType> extends KindDefinition<T, ConditionOf<T>, Trigger> {
  /** also checked when a sender polls run info (who may read a run), not only on launch */
  checkedOnRunInfo: boolean;
  /** depends on earlier launches of the trigger: requests are evaluated one at a time */
  countsLaunches: boolean;
}
