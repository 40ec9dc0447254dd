// An action type's definition (actions/<type>.ts); the registry in actions/index.ts has one
// per `Action['type']`.
import type { Action, ActionType, Trigger } from '../../trigger';
import type { KindDefinition, OfType } from '../types';

export type ActionOf<T extends ActionType> = OfType<Action, T>;

export interface ActionKind<T extends ActionType> extends KindDefinition<T, ActionOf<T>, Trigger> {
  /** a response answers the launch (the first one only); a run action launches work after it */
  role: 'response' | 'run';
}
