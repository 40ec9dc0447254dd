// The condition types, one module each (conditions/<type>.ts). `Condition` is the union of their
// schemas; the registry must have one entry per type, and so must the engine's checkers
// (engine/triggers/conditions/registry.ts) and the editor's fields (triggers/editor/registry.ts).
import { z } from 'zod';
import type { Condition, ConditionType } from '../../trigger';
import type { ConditionKind } from './types';
import { payloadFilterCondition, PayloadFilterConditionSchema } from './payload-filter';
import { rateLimitCondition, RateLimitConditionSchema } from './rate-limit';
import { webAuthCondition } from './web-auth';
import { WebAuthConditionSchema } from '../web-auth';
import { webTimestampCondition, WebTimestampConditionSchema } from './web-timestamp';

export type { ConditionKind, ConditionOf } from './types';
export { formatPeriod } from './rate-limit';
export { withOperator } from './payload-filter';

/** One condition of a trigger, told apart by `type` (web-auth and payload-filter by a second field). */
export const ConditionSchema = z
  .discriminatedUnion('type', [WebAuthConditionSchema, WebTimestampConditionSchema, RateLimitConditionSchema, PayloadFilterConditionSchema])
  .meta({ id: 'Condition' });

export const CONDITION_KINDS = {
  'web-auth': webAuthCondition,
  'web-timestamp': webTimestampCondition,
  'rate-limit': rateLimitCondition,
  'payload-filter': payloadFilterCondition,
} as const satisfies { readonly [T in ConditionType]: ConditionKind<T> };

/** In the order the editor offers them. */
export const CONDITION_TYPES = Object.keys(CONDITION_KINDS) as ConditionType[];

/** The types a run-info poll checks (web-auth, web-timestamp). */
export const RUN_INFO_CONDITION_TYPES: readonly ConditionType[] = CONDITION_TYPES.filter((t) => CONDITION_KINDS[t].checkedOnRunInfo);

/** Whether a trigger has a condition that counts earlier launches (launches are then evaluated one at a time). */
export const countsLaunches = (conditions: readonly Condition[]): boolean => conditions.some((c) => conditionKind(c)?.countsLaunches === true);

export const isConditionType = (value: unknown): value is ConditionType => typeof value === 'string' && Object.hasOwn(CONDITION_KINDS, value);

/** The definition of a condition's type (undefined only for malformed data). */
export const conditionKind = (c: Pick<Condition, 'type'>): ConditionKind<ConditionType> | undefined =>
  isConditionType(c.type) ? (CONDITION_KINDS[c.type] as unknown as ConditionKind<ConditionType>) : undefined;
