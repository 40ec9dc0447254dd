// Triggers, conditions and actions exactly as docs/triggers.md defines them.
// These types are also the workspace file format (`hookbench.json`).

import type { z } from 'zod';
import type { ActionSchema } from './kinds/actions';
import type { CopyPipelineActionSchema, RunExecutionActionSchema, RunPipelineActionSchema } from './kinds/actions/run';
import type { WebResponseJsonActionSchema, WebResponseTextActionSchema } from './kinds/actions/web-response';
import type { ConditionSchema } from './kinds/conditions';
import type { PayloadFilterConditionSchema } from './kinds/conditions/payload-filter';
import type { RateLimitConditionSchema } from './kinds/conditions/rate-limit';
import type { WebTimestampConditionSchema } from './kinds/conditions/web-timestamp';
import type { WebAuthConditionSchema } from './kinds/web-auth';

export type LookupNamespace = 'header' | 'query' | 'form' | 'json';

export interface Lookup {
  namespace: LookupNamespace;
  key: string;
  /** cut exactly from the start of the found value; a value without it fails */
  prefix?: string;
}

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512' | 'sha224' | 'sha384' | 'md5';
export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

export const HMAC_ALGORITHMS: readonly HmacAlgorithm[] = ['sha1', 'sha256', 'sha512', 'sha224', 'sha384', 'md5'];
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

// The condition and action shapes are defined once, as the zod schemas of their kind modules
// (shared/kinds/conditions/<type>.ts, shared/kinds/actions/<type>.ts); these are their types.

/** web-auth: one shape per auth type (static, hmac, jwt), told apart by `authType` */
export type WebAuthCondition = z.output<typeof WebAuthConditionSchema>;
/** seconds of allowed drift (`tolerance`); `unit` "ms" is an extension */
export type WebTimestampCondition = z.output<typeof WebTimestampConditionSchema>;
/** at most `quota` launches per `period` seconds */
export type RateLimitCondition = z.output<typeof RateLimitConditionSchema>;
/** `value` is a list for "in", absent for exists/not-exists, one string otherwise */
export type PayloadFilterCondition = z.output<typeof PayloadFilterConditionSchema>;
export type FilterOperator = PayloadFilterCondition['operator'];

const FILTER_OPERATOR_SET: { readonly [O in FilterOperator]: true } = {
  equals: true,
  'not-equals': true,
  contains: true,
  'starts-with': true,
  regex: true,
  exists: true,
  'not-exists': true,
  in: true,
};
/** Every operator, in the order the editor offers them (a new one is a compile error above). */
export const FILTER_OPERATORS = Object.keys(FILTER_OPERATOR_SET) as FilterOperator[];

export type Condition = z.output<typeof ConditionSchema>;
export type ConditionType = Condition['type'];

/**
 * Extension: how Hookbench carries a run action out locally. Absent means the project's
 * default (simulate without a linked project); the real service ignores it.
 */
export type LocalRunMode = 'simulate' | 'command';
export const LOCAL_RUN_MODES: readonly LocalRunMode[] = ['simulate', 'command'];

export type WebResponseTextAction = z.output<typeof WebResponseTextActionSchema>;
export type WebResponseJsonAction = z.output<typeof WebResponseJsonActionSchema>;
export type RunExecutionAction = z.output<typeof RunExecutionActionSchema>;
export type RunPipelineAction = z.output<typeof RunPipelineActionSchema>;
export type CopyPipelineAction = z.output<typeof CopyPipelineActionSchema>;

export type Action = z.output<typeof ActionSchema>;
export type ActionType = Action['type'];

export interface Trigger {
  /** [A-Za-z0-9_-]{1,64} */
  id: string;
  title: string;
  enabled: boolean;
  conditions: Condition[];
  actions: Action[];
}

export interface EnvVariable {
  name: string;
  value: string;
  secret: boolean;
}

/** The workspace file (`hookbench.json`). */
export interface WorkspaceFile {
  version: 1;
  env: EnvVariable[];
  triggers: Trigger[];
}

export const TRIGGER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What env.list shows instead of a secret value. Saving a secret whose value is still this
 * placeholder keeps the stored value, so the renderer never needs to hold the secret.
 */
export const SECRET_PLACEHOLDER = '••••••••';
