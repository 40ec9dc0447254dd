// JSON Schemas (draft 2020-12 subset) of every notification payload, one per event type, and
// a small checker for exactly the keywords used here (no schema library is installed).
import { NOTIFICATION_EVENT_TYPES, type NotificationEventType } from './notifications';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  type?: SchemaType | SchemaType[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}
type SchemaType = 'string' | 'number' | 'integer' | 'null' | 'object' | 'array' | 'boolean';

const TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$';
const str: JsonSchema = { type: 'string' };
const nonEmpty: JsonSchema = { type: 'string', minLength: 1 };
const time: JsonSchema = { type: 'string', pattern: TIMESTAMP };
const optionalTime: JsonSchema = { type: ['string', 'null'], pattern: TIMESTAMP };
const counter: JsonSchema = { type: 'integer', minimum: 0 };
const duration: JsonSchema = { type: ['number', 'null'], minimum: 0 };

const COMMON_DATA: Record<string, JsonSchema> = {
  'valohai.project-id': nonEmpty,
  'valohai.project-name': nonEmpty,
  'valohai.creator-id': { type: 'integer', minimum: 0 },
  'valohai.creator-name': str,
  'valohai.commit-identifier': { type: ['string', 'null'] },
};

type Kind = 'execution' | 'pipeline' | 'task' | 'deployment';

function dataFor(kind: Kind, statuses: string[]): Record<string, JsonSchema> {
  const status: JsonSchema = { type: 'string', enum: statuses };
  if (kind === 'deployment') {
    return {
      'valohai.deployment-id': nonEmpty,
      'valohai.deployment-name': nonEmpty,
      'valohai.deployment-version-name': nonEmpty,
      'valohai.deployment-ctime': time,
      'valohai.deployment-status': status,
      ...COMMON_DATA,
    };
  }
  const own: Record<string, JsonSchema> = {
    [`valohai.${kind}-counter`]: counter,
    [`valohai.${kind}-ctime`]: time,
    [`valohai.${kind}-duration`]: duration,
    [`valohai.${kind}-id`]: nonEmpty,
    [`valohai.${kind}-status`]: status,
    [`valohai.${kind}-title`]: { type: ['string', 'null'] },
  };
  if (kind === 'execution') {
    own['valohai.execution-qtime'] = optionalTime;
    own['valohai.execution-step'] = nonEmpty;
  }
  if (kind === 'task') own['valohai.task-step'] = nonEmpty;
  return { ...own, ...COMMON_DATA };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function schemaFor(type: NotificationEventType): JsonSchema {
  const [kind, outcome] = type.split('_') as [Kind, string];
  const word = outcome === 'failed' ? 'error' : outcome;
  const dataStatus = outcome === 'completed' ? 'complete' : word;
  const label = kind[0].toUpperCase() + kind.slice(1);
  const verb = outcome === 'created' ? 'created' : 'finished';
  const data = dataFor(kind, [dataStatus]);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `hookbench:notification:${type}`,
    title: `${type} notification`,
    type: 'object',
    properties: {
      project: nonEmpty,
      title: { type: 'string', pattern: `^${escapeRe(`${label} ${verb}: `)}.+ \\(${escapeRe(word)}\\)$` },
      type: { const: type },
      body: { type: 'string', pattern: `^${label} \\[[^\\]]+\\]\\([^)]+\\) \\(by [^)]*\\)\\n` },
      url: { type: 'string', pattern: `^/p/.+/${kind}/[^/]+/$` },
      data: { type: 'object', properties: data, required: Object.keys(data), additionalProperties: false },
    },
    required: ['project', 'title', 'type', 'body', 'url', 'data'],
    additionalProperties: false,
  };
}

export const NOTIFICATION_SCHEMAS: Record<NotificationEventType, JsonSchema> = Object.fromEntries(
  NOTIFICATION_EVENT_TYPES.map((t) => [t, schemaFor(t)]),
) as Record<NotificationEventType, JsonSchema>;

function typeOf(value: unknown): SchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as SchemaType;
}

/** Every problem as "<path>: <what>"; empty when the value matches. */
export function checkSchema(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
    if (!ok) return [`${path}: expected ${allowed.join(' or ')}, got ${actual}`];
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    problems.push(`${path}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      problems.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    }
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: is required`);
    for (const [key, item] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) problems.push(...checkSchema(sub, item, `${path}[${JSON.stringify(key)}]`));
      else if (schema.additionalProperties === false) problems.push(`${path}[${JSON.stringify(key)}]: is not allowed`);
    }
  }
  return problems;
}

/** Checks a payload against the schema of the type it names. */
export function checkNotificationPayload(payload: unknown): string[] {
  const type = (payload as { type?: unknown } | null)?.type;
  if (!NOTIFICATION_EVENT_TYPES.includes(type as NotificationEventType)) return [`$.type: unknown event type ${JSON.stringify(type)}`];
  return checkSchema(NOTIFICATION_SCHEMAS[type as NotificationEventType], payload);
}
