// evaluateTrigger returns the results at once when every check is synchronous (the launch path
// then makes no promise), and from the first check that waits (a JWT) on evaluates the rest
// after it: either way the results are the same as awaiting every check in order. The values
// reasons are redacted of are worked out once per trigger and env list, and a new env list (the
// workspace store replaces it on every change) is looked at again.
import { createHmac } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import type { Condition, Trigger } from '@shared/trigger';
import type { ConditionResult } from '@shared/trigger-log';
import { redactText, secretValues, type EnvSource } from '@shared/triggers/secrets';
import { evaluateTrigger } from '../../../src/main/engine/triggers/evaluate';
import { checkCondition } from '../../../src/main/engine/triggers/conditions/registry';
import type { RequestView } from '../../../src/main/engine/triggers/conditions/types';

const SECRET = 'evaluate-sync-secret';
const env: EnvSource = [{ name: 'T', value: SECRET, secret: true }];
const hmac: Condition = { type: 'web-auth', authType: 'hmac', namespace: 'header', key: 'X-Sig', prefix: 'sha256=', secretKey: '{env:T}', algorithm: 'sha256' };
const jwt: Condition = {
  type: 'web-auth',
  authType: 'jwt',
  namespace: 'header',
  key: 'Authorization',
  prefix: 'Bearer ',
  secretKey: '{env:T}',
  algorithm: 'HS256',
};
const filter: Condition = { type: 'payload-filter', namespace: 'json', key: 'ref', operator: 'equals', value: 'refs/heads/main' };
// a static check whose failure reason quotes what it got: the secret, when that is what was sent
const staticToken: Condition = { type: 'web-auth', authType: 'static', namespace: 'query', key: 'token', secretKey: 'a-literal-token-value' };

const trigger = (conditions: Condition[]): Trigger => ({ id: 't', title: 't', enabled: true, conditions, actions: [] });

function request(body: string, headers: Array<[string, string]> = [], url = '/'): RequestView {
  const bytes = new TextEncoder().encode(body);
  const sig = `sha256=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`;
  return { method: 'POST', url, rawHeaders: [['X-Sig', sig], ...headers], body: bytes };
}

/** the plain definition: every check awaited, in order */
async function reference(t: Trigger, req: RequestView, ctxEnv: EnvSource, now: number): Promise<ConditionResult[]> {
  const secrets = secretValues(ctxEnv, ['a-literal-token-value']);
  const out: ConditionResult[] = [];
  for (const [index, condition] of t.conditions.entries()) {
    const outcome = await checkCondition(condition, req, { env: ctxEnv, now });
    out.push({
      index,
      type: condition.type,
      passed: outcome.passed,
      reason: redactText(outcome.reason, secrets),
      ...(outcome.trace ? { trace: outcome.trace } : {}),
    });
  }
  return out;
}

describe('evaluateTrigger', () => {
  it('answers synchronously when every check is synchronous', () => {
    const t = trigger([hmac, filter, staticToken]);
    const results = evaluateTrigger(t, request('{"ref":"refs/heads/main"}'), { env, now: 1 });
    expect(results).not.toBeInstanceOf(Promise);
    expect((results as ConditionResult[]).map((r) => r.passed)).toEqual([true, true, false]);
  });

  it('with a JWT among them, waits for it and evaluates the rest after it, in order', async () => {
    const now = Date.now();
    const token = jsonwebtoken.sign({ sub: 'x' }, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    const orders: Condition[][] = [
      [hmac, jwt, filter, staticToken],
      [jwt, hmac, jwt, filter],
      [filter, staticToken, jwt],
    ];
    for (const conditions of orders) {
      for (const req of [
        request('{"ref":"refs/heads/main"}', [['Authorization', `Bearer ${token}`]], '/?token=a-literal-token-value'),
        request('{"ref":"other"}', [['Authorization', 'Bearer not-a-token']], `/?token=${SECRET}`),
        request('not json'),
      ]) {
        const t = trigger(conditions);
        const results = evaluateTrigger(t, req, { env, now });
        expect(results).toBeInstanceOf(Promise);
        expect(await results).toEqual(await reference(t, req, env, now));
      }
    }
  });

  it('redacts the secrets of the env list it is given, also after the list is replaced', () => {
    const t = trigger([filter, hmac]);
    const sent = (value: string) => request(JSON.stringify({ ref: value }));
    // the filter's reason quotes the value it got: unredacted, it would show the secret
    expect((checkCondition(filter, sent(SECRET), { env, now: 1 }) as { reason: string }).reason).toContain(SECRET);
    const first = evaluateTrigger(t, sent(SECRET), { env, now: 1 }) as ConditionResult[];
    expect(first[0].passed).toBe(false);
    expect(first[0].reason).not.toContain(SECRET);
    const replaced: EnvSource = [{ name: 'T', value: 'a-different-secret-now', secret: true }];
    const second = evaluateTrigger(t, sent('a-different-secret-now'), { env: replaced, now: 1 }) as ConditionResult[];
    expect(second[0].reason).not.toContain('a-different-secret-now');
    expect(second[0].reason).toContain('a-… (22 chars)'); // masked, not dropped
  });
});
