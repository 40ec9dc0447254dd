// Triggers, conditions and actions exactly as docs/triggers.md defines them.
// These types are also the workspace file format (`hookbench.json`).

export type LookupNamespace = 'header' | 'query' | 'form' | 'json';

export interface Lookup {
  namespace: LookupNamespace;
  key: string;
  /** cut exactly from the start of the found value; a value without it fails */
  prefix?: string;
}

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512' | 'sha224' | 'sha384' | 'md5';
export type JwtAlgorithm =
  | 'HS256' | 'HS384' | 'HS512'
  | 'RS256' | 'RS384' | 'RS512'
  | 'PS256' | 'PS384' | 'PS512'
  | 'ES256' | 'ES384' | 'ES512'
  | 'EdDSA';

export const HMAC_ALGORITHMS: readonly HmacAlgorithm[] = ['sha1', 'sha256', 'sha512', 'sha224', 'sha384', 'md5'];
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = [
  'HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA',
];

export interface WebAuthCondition extends Lookup {
  type: 'web-auth';
  authType: 'static' | 'hmac' | 'jwt';
  /** may contain {env:NAME} references */
  secretKey: string;
  /** hmac: HmacAlgorithm; jwt: JwtAlgorithm */
  algorithm?: string;
  /** hmac only; default "{body}" */
  hmacFormat?: string;
  /** hmac only; default hex */
  encoding?: 'hex' | 'base64';
}

export interface WebTimestampCondition extends Lookup {
  type: 'web-timestamp';
  /** seconds of allowed drift, past or future */
  tolerance: number;
  /** extension; default "s" */
  unit?: 's' | 'ms';
}

export interface RateLimitCondition {
  type: 'rate-limit';
  /** seconds */
  period: number;
  quota: number;
}

export type FilterOperator =
  | 'equals' | 'not-equals' | 'contains' | 'starts-with' | 'regex' | 'exists' | 'not-exists' | 'in';
export const FILTER_OPERATORS: readonly FilterOperator[] = [
  'equals', 'not-equals', 'contains', 'starts-with', 'regex', 'exists', 'not-exists', 'in',
];

export interface PayloadFilterCondition {
  type: 'payload-filter';
  namespace: LookupNamespace;
  key: string;
  operator: FilterOperator;
  /** a list for "in"; absent for exists/not-exists */
  value?: string | string[];
}

export type Condition = WebAuthCondition | WebTimestampCondition | RateLimitCondition | PayloadFilterCondition;
export type ConditionType = Condition['type'];

export interface WebResponseTextAction { type: 'web-response-text'; text: string }
export interface WebResponseJsonAction { type: 'web-response-json'; json: unknown }
/**
 * Extension: how Hookbench carries a run action out locally. Absent means the project's
 * default (simulate without a linked project); the real service ignores it.
 */
export type LocalRunMode = 'simulate' | 'command';
export const LOCAL_RUN_MODES: readonly LocalRunMode[] = ['simulate', 'command'];

export interface RunExecutionAction { type: 'run-execution'; step: string; payloadInputName?: string; mode?: LocalRunMode }
export interface RunPipelineAction { type: 'run-pipeline'; pipeline: string; payloadInputName?: string; mode?: LocalRunMode }
export interface CopyPipelineAction { type: 'copy-pipeline'; pipeline: string; payloadInputName?: string; mode?: LocalRunMode }

export type Action =
  | WebResponseTextAction
  | WebResponseJsonAction
  | RunExecutionAction
  | RunPipelineAction
  | CopyPipelineAction;
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
