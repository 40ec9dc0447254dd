// Triggers: every condition kind, every action kind, and the trigger itself, exactly as
// docs/triggers.md defines them (the workspace file's `triggers`).
import { z } from 'zod';
import { FILTER_OPERATORS, HMAC_ALGORITHMS, JWT_ALGORITHMS, LOCAL_RUN_MODES, TRIGGER_ID_PATTERN } from '../trigger';
import { strictObject, uniqueBy } from './fields';

const NAMESPACES = ['header', 'query', 'form', 'json'] as const;
const oneOf = (values: readonly string[], found: unknown) =>
  `must be one of ${values.join(', ')}${typeof found === 'string' ? `, got ${JSON.stringify(found)}` : ''}`;

const namespace = z.enum(NAMESPACES).meta({ description: 'where the value is looked up' });
const lookupShape = {
  namespace,
  key: z.string().min(1),
  prefix: z.string().optional().meta({ description: 'cut from the start of the found value; a value without it fails' }),
};

export const WebAuthConditionSchema = strictObject({
  type: z.literal('web-auth'),
  authType: z.enum(['static', 'hmac', 'jwt']),
  ...lookupShape,
  secretKey: z.string().meta({ description: 'may contain {env:NAME} references' }),
  algorithm: z.string().optional().meta({ description: `hmac: ${HMAC_ALGORITHMS.join('|')} (default sha256); jwt: ${JWT_ALGORITHMS.join('|')} (required)` }),
  hmacFormat: z.string().optional().meta({ description: 'hmac basestring format; default {body}' }),
  encoding: z.enum(['hex', 'base64']).optional().meta({ description: 'hmac digest encoding; default hex' }),
}).superRefine((c, ctx) => {
  if (c.authType === 'hmac' && c.algorithm !== undefined && !HMAC_ALGORITHMS.includes(c.algorithm as never)) {
    ctx.addIssue({ code: 'custom', path: ['algorithm'], message: oneOf(HMAC_ALGORITHMS, c.algorithm) });
  }
  if (c.authType === 'jwt' && c.algorithm === undefined) {
    ctx.addIssue({ code: 'custom', path: ['algorithm'], message: `is required (one of ${JWT_ALGORITHMS.join(', ')})` });
  } else if (c.authType === 'jwt' && !JWT_ALGORITHMS.includes(c.algorithm as never)) {
    ctx.addIssue({ code: 'custom', path: ['algorithm'], message: oneOf(JWT_ALGORITHMS, c.algorithm) });
  }
});

export const WebTimestampConditionSchema = strictObject({
  type: z.literal('web-timestamp'),
  ...lookupShape,
  tolerance: z.number().min(0).meta({ description: 'seconds of allowed drift, past or future' }),
  unit: z.enum(['s', 'ms']).optional(),
});

export const RateLimitConditionSchema = strictObject({
  type: z.literal('rate-limit'),
  period: z.number().gt(0).meta({ description: 'seconds' }),
  quota: z.number().int().min(0),
});

export const PayloadFilterConditionSchema = strictObject({
  type: z.literal('payload-filter'),
  namespace,
  key: z.string().min(1),
  operator: z.enum(FILTER_OPERATORS as readonly [typeof FILTER_OPERATORS[number], ...typeof FILTER_OPERATORS[number][]]),
  value: z.union([z.string(), z.array(z.string())]).optional().meta({ description: 'a list for "in"; absent for exists/not-exists' }),
}).superRefine((c, ctx) => {
  const v = c.value;
  if (c.operator === 'exists' || c.operator === 'not-exists') {
    if (v !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `must be absent for operator ${c.operator}` });
  } else if (c.operator === 'in') {
    if (!Array.isArray(v)) ctx.addIssue({ code: 'custom', path: ['value'], message: v === undefined ? 'is required' : 'must be an array, got a string' });
  } else if (typeof v !== 'string') {
    ctx.addIssue({ code: 'custom', path: ['value'], message: v === undefined ? 'is required' : 'must be a string, got an array' });
  }
});

export const ConditionSchema = z.discriminatedUnion('type', [
  WebAuthConditionSchema, WebTimestampConditionSchema, RateLimitConditionSchema, PayloadFilterConditionSchema,
]).meta({ id: 'Condition' });

const mode = z.enum(LOCAL_RUN_MODES as readonly ['simulate', 'command']).optional()
  .meta({ description: 'Hookbench extension: simulate or run the step command locally; absent: the project default' });

export const WebResponseTextActionSchema = strictObject({ type: z.literal('web-response-text'), text: z.string() });
export const WebResponseJsonActionSchema = strictObject({ type: z.literal('web-response-json'), json: z.unknown() })
  .superRefine((a, ctx) => {
    if (a.json === undefined) ctx.addIssue({ code: 'custom', path: ['json'], message: 'is required' });
  });
export const RunExecutionActionSchema = strictObject({
  type: z.literal('run-execution'), step: z.string().min(1), payloadInputName: z.string().optional(), mode,
});
const pipelineInput = z.string().optional().superRefine((name, ctx) => {
  if (name !== undefined && name !== '' && !/^[^.]+\.[^.]+$/.test(name)) ctx.addIssue({ code: 'custom', message: 'must be "node.input" for pipelines' });
}).meta({ description: '"node.input"' });
export const RunPipelineActionSchema = strictObject({ type: z.literal('run-pipeline'), pipeline: z.string().min(1), payloadInputName: pipelineInput, mode });
export const CopyPipelineActionSchema = strictObject({ type: z.literal('copy-pipeline'), pipeline: z.string().min(1), payloadInputName: pipelineInput, mode });

export const ActionSchema = z.discriminatedUnion('type', [
  WebResponseTextActionSchema, WebResponseJsonActionSchema, RunExecutionActionSchema, RunPipelineActionSchema, CopyPipelineActionSchema,
]).meta({ id: 'Action' });

const newId = (): string => globalThis.crypto.randomUUID();

/** One trigger; a missing id gets a fresh UUID and a missing title the id. */
export const TriggerSchema = strictObject({
  id: z.string().optional().superRefine((id, ctx) => {
    if (id && !TRIGGER_ID_PATTERN.test(id)) ctx.addIssue({ code: 'custom', message: 'must be 1–64 characters of A-Z, a-z, 0-9, _ and -' });
  }).meta({ description: '[A-Za-z0-9_-]{1,64}; the URL is /api/v0/launch/<id>/. Absent: a fresh UUID' }),
  title: z.string().optional(),
  enabled: z.boolean().default(true),
  conditions: z.array(ConditionSchema).default([]),
  actions: z.array(ActionSchema).default([]),
}).transform((t) => {
  const id = t.id || newId();
  return { id, title: t.title ?? id, enabled: t.enabled, conditions: t.conditions, actions: t.actions };
}).meta({ id: 'Trigger' });

export const TriggersSchema = z.array(TriggerSchema)
  .superRefine(uniqueBy((t) => t.id, 'id', (id) => `duplicate trigger id ${JSON.stringify(id)}`));
