// Validation of one trigger: its conditions and actions, field by field, with JSON paths.
import {
  FILTER_OPERATORS, HMAC_ALGORITHMS, JWT_ALGORITHMS, LOCAL_RUN_MODES, TRIGGER_ID_PATTERN,
  type Action, type Condition, type LookupNamespace, type Trigger,
} from '../trigger';
import { asArray, asObject, bool, fail, join, num, oneOf, onlyKeys, str, type Obj } from './validate-helpers';

const NAMESPACES: readonly LookupNamespace[] = ['header', 'query', 'form', 'json'];
const CONDITION_TYPES = ['web-auth', 'web-timestamp', 'rate-limit', 'payload-filter'] as const;
const ACTION_TYPES = ['web-response-text', 'web-response-json', 'run-execution', 'run-pipeline', 'copy-pipeline'] as const;

const newId = (): string => globalThis.crypto.randomUUID();

function lookupFields(o: Obj, path: string) {
  const namespace = oneOf(o, 'namespace', NAMESPACES, path)!;
  const key = str(o, 'key', path, { nonEmpty: true })!;
  const prefix = str(o, 'prefix', path, { optional: true });
  return { namespace, key, ...(prefix !== undefined ? { prefix } : {}) };
}

export function validateCondition(value: unknown, path: string): Condition {
  const o = asObject(value, path);
  const type = oneOf(o, 'type', CONDITION_TYPES, path)!;
  switch (type) {
    case 'web-auth': {
      onlyKeys(o, ['type', 'authType', 'namespace', 'key', 'prefix', 'secretKey', 'algorithm', 'hmacFormat', 'encoding'], path);
      const authType = oneOf(o, 'authType', ['static', 'hmac', 'jwt'] as const, path)!;
      const lookup = lookupFields(o, path);
      const secretKey = str(o, 'secretKey', path)!;
      let algorithm: string | undefined;
      if (authType === 'hmac') algorithm = oneOf(o, 'algorithm', HMAC_ALGORITHMS, path, { optional: true });
      else if (authType === 'jwt') algorithm = oneOf(o, 'algorithm', JWT_ALGORITHMS, path);
      else algorithm = str(o, 'algorithm', path, { optional: true });
      const hmacFormat = str(o, 'hmacFormat', path, { optional: true });
      const encoding = oneOf(o, 'encoding', ['hex', 'base64'] as const, path, { optional: true });
      return {
        type, authType, ...lookup, secretKey,
        ...(algorithm !== undefined ? { algorithm } : {}),
        ...(hmacFormat !== undefined ? { hmacFormat } : {}),
        ...(encoding !== undefined ? { encoding } : {}),
      };
    }
    case 'web-timestamp': {
      onlyKeys(o, ['type', 'namespace', 'key', 'prefix', 'tolerance', 'unit'], path);
      const lookup = lookupFields(o, path);
      const tolerance = num(o, 'tolerance', path, { min: 0 })!;
      const unit = oneOf(o, 'unit', ['s', 'ms'] as const, path, { optional: true });
      return { type, ...lookup, tolerance, ...(unit !== undefined ? { unit } : {}) };
    }
    case 'rate-limit': {
      onlyKeys(o, ['type', 'period', 'quota'], path);
      const period = num(o, 'period', path, { positive: true })!;
      const quota = num(o, 'quota', path, { min: 0, integer: true })!;
      return { type, period, quota };
    }
    case 'payload-filter': {
      onlyKeys(o, ['type', 'namespace', 'key', 'operator', 'value'], path);
      const namespace = oneOf(o, 'namespace', NAMESPACES, path)!;
      const key = str(o, 'key', path, { nonEmpty: true })!;
      const operator = oneOf(o, 'operator', FILTER_OPERATORS, path)!;
      const v = o.value;
      if (operator === 'exists' || operator === 'not-exists') {
        if (v !== undefined) fail(join(path, 'value'), `must be absent for operator ${operator}`);
        return { type, namespace, key, operator };
      }
      if (operator === 'in') {
        const list = asArray(v, join(path, 'value'));
        list.forEach((item, i) => { if (typeof item !== 'string') fail(join(join(path, 'value'), i), 'must be a string'); });
        return { type, namespace, key, operator, value: list as string[] };
      }
      return { type, namespace, key, operator, value: str(o, 'value', path)! };
    }
  }
  return fail(join(path, 'type'), 'unknown condition type');
}

export function validateAction(value: unknown, path: string): Action {
  const o = asObject(value, path);
  const type = oneOf(o, 'type', ACTION_TYPES, path)!;
  switch (type) {
    case 'web-response-text':
      onlyKeys(o, ['type', 'text'], path);
      return { type, text: str(o, 'text', path)! };
    case 'web-response-json':
      onlyKeys(o, ['type', 'json'], path);
      if (o.json === undefined) fail(join(path, 'json'), 'is required');
      return { type, json: o.json };
    case 'run-execution': {
      onlyKeys(o, ['type', 'step', 'payloadInputName', 'mode'], path);
      const payloadInputName = str(o, 'payloadInputName', path, { optional: true });
      const mode = o.mode === undefined ? undefined : oneOf(o, 'mode', LOCAL_RUN_MODES, path);
      return {
        type, step: str(o, 'step', path, { nonEmpty: true })!,
        ...(payloadInputName !== undefined ? { payloadInputName } : {}),
        ...(mode ? { mode } : {}),
      };
    }
    case 'run-pipeline':
    case 'copy-pipeline': {
      onlyKeys(o, ['type', 'pipeline', 'payloadInputName', 'mode'], path);
      const payloadInputName = str(o, 'payloadInputName', path, { optional: true });
      if (payloadInputName !== undefined && payloadInputName !== '' && !/^[^.]+\.[^.]+$/.test(payloadInputName)) {
        fail(join(path, 'payloadInputName'), 'must be "node.input" for pipelines');
      }
      const mode = o.mode === undefined ? undefined : oneOf(o, 'mode', LOCAL_RUN_MODES, path);
      return {
        type, pipeline: str(o, 'pipeline', path, { nonEmpty: true })!,
        ...(payloadInputName !== undefined ? { payloadInputName } : {}),
        ...(mode ? { mode } : {}),
      };
    }
  }
  return fail(join(path, 'type'), 'unknown action type');
}

/** Validates one trigger; a missing id gets a fresh UUID. */
export function validateTrigger(value: unknown, path = ''): Trigger {
  const o = asObject(value, path);
  onlyKeys(o, ['id', 'title', 'enabled', 'conditions', 'actions'], path);
  let id = str(o, 'id', path, { optional: true });
  if (id === undefined || id === '') id = newId();
  else if (!TRIGGER_ID_PATTERN.test(id)) fail(join(path, 'id'), 'must be 1–64 characters of A-Z, a-z, 0-9, _ and -');
  const title = str(o, 'title', path, { optional: true }) ?? id;
  const enabled = bool(o, 'enabled', path, true);
  const conditions = o.conditions === undefined ? [] : asArray(o.conditions, join(path, 'conditions'))
    .map((c, i) => validateCondition(c, join(join(path, 'conditions'), i)));
  const actions = o.actions === undefined ? [] : asArray(o.actions, join(path, 'actions'))
    .map((a, i) => validateAction(a, join(join(path, 'actions'), i)));
  return { id, title, enabled, conditions, actions };
}
