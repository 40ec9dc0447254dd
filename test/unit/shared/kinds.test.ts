// One definition per kind: every condition and action type's module gives the schema the
// validator runs and the JSON Schema editors get, and the two agree on the cross-field rules
// (algorithm per auth type, value shape per operator); the registries derive the type lists.
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { z } from 'zod';
import { ACTION_KINDS, ACTION_TYPES, ActionSchema } from '@shared/kinds/actions';
import { CONDITION_KINDS, CONDITION_TYPES, ConditionSchema, RUN_INFO_CONDITION_TYPES } from '@shared/kinds/conditions';
import { conditionSecrets } from '@shared/kinds/secrets';
import { WEB_AUTH_TYPES } from '@shared/kinds/web-auth';
import { seededRandom } from '../../support/seeded-random';

const draft7 = (schema: z.ZodType) => {
  const out = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return new Ajv({ allErrors: true }).compile(out);
};

describe('kind registries', () => {
  it('list every type of the schema unions, in the order the validator names them', () => {
    expect(CONDITION_TYPES).toEqual(['web-auth', 'web-timestamp', 'rate-limit', 'payload-filter']);
    expect(ACTION_TYPES).toEqual(['web-response-text', 'web-response-json', 'run-execution', 'run-pipeline', 'copy-pipeline']);
    expect(WEB_AUTH_TYPES).toEqual(['static', 'hmac', 'jwt']);
    expect(RUN_INFO_CONDITION_TYPES).toEqual(['web-auth', 'web-timestamp']);
    const issue = (schema: z.ZodType, value: unknown) => (schema.safeParse(value).error?.issues[0] as { options?: unknown[] }).options;
    expect(issue(ConditionSchema, { type: 'nope' })).toEqual(CONDITION_TYPES);
    expect(issue(ActionSchema, { type: 'nope' })).toEqual(ACTION_TYPES);
    expect(issue(ConditionSchema, { type: 'web-auth', authType: 'nope' })).toEqual(WEB_AUTH_TYPES);
  });

  it('give defaults that their own schema accepts, and ids equal to their keys', () => {
    for (const [id, kind] of Object.entries(CONDITION_KINDS)) {
      expect(kind.id).toBe(id);
      expect(kind.schema.parse(kind.defaults())).toEqual(kind.defaults());
      expect(kind.summary(kind.defaults() as never)).not.toBe('');
    }
    for (const [id, kind] of Object.entries(ACTION_KINDS)) {
      expect(kind.id).toBe(id);
      expect(kind.schema.parse(kind.defaults())).toEqual(kind.defaults());
    }
  });

  it('say which fields are secrets: a shared secret is, a JWT public key is not', () => {
    const at = { namespace: 'header', key: 'A' } as const;
    expect(conditionSecrets({ type: 'web-auth', authType: 'hmac', ...at, secretKey: 's' })).toEqual([{ field: 'secretKey', value: 's' }]);
    expect(conditionSecrets({ type: 'web-auth', authType: 'jwt', ...at, secretKey: 's', algorithm: 'HS256' })).toEqual([{ field: 'secretKey', value: 's' }]);
    expect(conditionSecrets({ type: 'web-auth', authType: 'jwt', ...at, secretKey: 'PEM', algorithm: 'RS256' })).toEqual([]);
    expect(conditionSecrets({ type: 'rate-limit', period: 1, quota: 1 })).toEqual([]);
  });
});

describe('cross-field rules in the JSON Schema', () => {
  const conditionCheck = draft7(ConditionSchema);
  const at = { namespace: 'header', key: 'A', secretKey: 's' };
  const cases: [string, unknown, boolean][] = [
    ['hmac with an HMAC algorithm', { type: 'web-auth', authType: 'hmac', ...at, algorithm: 'sha512' }, true],
    ['hmac with a JWT algorithm', { type: 'web-auth', authType: 'hmac', ...at, algorithm: 'RS256' }, false],
    ['jwt with a JWT algorithm', { type: 'web-auth', authType: 'jwt', ...at, algorithm: 'ES256' }, true],
    ['jwt without an algorithm', { type: 'web-auth', authType: 'jwt', ...at }, false],
    ['jwt with an HMAC algorithm', { type: 'web-auth', authType: 'jwt', ...at, algorithm: 'sha256' }, false],
    ['static with anything in algorithm (ignored, as always)', { type: 'web-auth', authType: 'static', ...at, algorithm: 'whatever' }, true],
    ['"in" with a list', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'in', value: ['a'] }, true],
    ['"in" with a string', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'in', value: 'a' }, false],
    ['"equals" with a list', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'equals', value: ['a'] }, false],
    ['"equals" without a value', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'equals' }, false],
    ['"exists" with a value', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'exists', value: 'a' }, false],
    ['"not-exists" without one', { type: 'payload-filter', namespace: 'json', key: 'k', operator: 'not-exists' }, true],
  ];
  for (const [name, value, ok] of cases) {
    it(`${ok ? 'accepts' : 'rejects'} ${name} (JSON Schema and validator alike)`, () => {
      expect(conditionCheck(value)).toBe(ok);
      expect(ConditionSchema.safeParse(value).success).toBe(ok);
    });
  }

  it('agree with the validator on seeded mutations of every kind (property test)', () => {
    const actionCheck = draft7(ActionSchema);
    const rnd = seededRandom(11);
    const pick = <T>(xs: readonly T[]): T => xs[rnd.below(xs.length)];
    const values: unknown[] = [
      undefined,
      null,
      1,
      -1,
      0,
      2.5,
      '',
      'x',
      'sha256',
      'sha3',
      'HS256',
      'RS256',
      'md5',
      'hex',
      'base64',
      ['a'],
      [],
      [1],
      {},
      true,
      'in',
      'exists',
      'not-exists',
      'equals',
      'regex',
      'static',
      'hmac',
      'jwt',
      'json',
      'ms',
      'a.b',
      'simulate',
      'command',
      'run-pipeline',
      'rate-limit',
    ];
    const keys = [
      'type',
      'authType',
      'namespace',
      'key',
      'prefix',
      'secretKey',
      'algorithm',
      'hmacFormat',
      'encoding',
      'tolerance',
      'unit',
      'period',
      'quota',
      'operator',
      'value',
      'text',
      'json',
      'step',
      'pipeline',
      'payloadInputName',
      'mode',
      'bogus',
    ];
    const kinds = [
      ...Object.values(CONDITION_KINDS).map((k) => [k.defaults(), ConditionSchema, conditionCheck] as const),
      ...Object.values(ACTION_KINDS).map((k) => [k.defaults(), ActionSchema, actionCheck] as const),
    ];
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const [base, schema, check] = pick(kinds);
      const value: Record<string, unknown> = structuredClone(base);
      for (let e = 1 + rnd.below(2); e > 0; e--) {
        const key = pick(keys);
        const v = pick(values);
        if (v === undefined) delete value[key];
        else value[key] = v;
      }
      // "node.input" for pipelines is a refinement the JSON Schema does not carry
      if (typeof value.payloadInputName === 'string' && String(value.type).endsWith('pipeline')) continue;
      const ok = schema.safeParse(value).success;
      if (ok) accepted++;
      expect(check(value), JSON.stringify(value)).toBe(ok);
    }
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('notification channel kinds', () => {
  it('build each type from another, keep what applies, and say where they post and what is secret', async () => {
    const { CHANNEL_TYPES, NotificationChannelSchema, channelSecrets, channelTarget, withChannelType } = await import('@shared/kinds/channels');
    expect(CHANNEL_TYPES).toEqual(['custom', 'slack', 'trigger']);
    const custom = {
      id: 'c',
      name: 'C',
      type: 'custom' as const,
      url: 'https://example.test/h',
      headers: [
        { name: 'Authorization', value: 'Bearer x' },
        { name: 'X-Team', value: 'ml' },
      ],
      signing: null,
    };
    const slack = withChannelType(custom, 'slack');
    expect(slack).toEqual({ id: 'c', name: 'C', type: 'slack', url: 'https://example.test/h' });
    expect(withChannelType(slack, 'trigger')).toEqual({ id: 'c', name: 'C', type: 'trigger', triggerId: '' });
    for (const t of CHANNEL_TYPES) {
      const c = withChannelType(custom, t);
      expect(NotificationChannelSchema.safeParse(t === 'trigger' ? { ...c, triggerId: 'x' } : c).success, t).toBe(true);
    }
    expect(channelTarget(custom)).toBe('https://example.test/h');
    expect(channelTarget({ id: 't', name: 'T', type: 'trigger', triggerId: 'gh' })).toBe('trigger gh');
    expect(channelSecrets(custom).map((s) => s.path)).toEqual(['headers[0].value']);
  });
});
