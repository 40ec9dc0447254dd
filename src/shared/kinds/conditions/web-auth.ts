// web-auth: the request proves it knows the secret (static token, HMAC, JWT). What differs per
// auth type lives in kinds/web-auth/<type>.ts; this module is what they share.
import { envReferences, type EnvSource } from '../../triggers/secrets';
import type { TriggerWarning } from '../types';
import { describeWhere } from '../lookup';
import { WebAuthConditionSchema, webAuthKind } from '../web-auth';
import type { ConditionKind } from './types';

function envNames(env: EnvSource): Set<string> {
  return new Set(Array.isArray(env) ? env.map((v) => v.name) : Object.keys(env));
}

export const webAuthCondition = {
  id: 'web-auth',
  label: 'Authentication',
  schema: WebAuthConditionSchema,
  defaults: () => ({
    type: 'web-auth',
    authType: 'hmac',
    namespace: 'header',
    key: 'X-Signature',
    prefix: '',
    secretKey: '{env:WEBHOOK_TOKEN}',
    algorithm: 'sha256',
    hmacFormat: '{body}',
    encoding: 'hex',
  }),
  summary: (c) => {
    const kind = webAuthKind(c);
    return kind ? kind.summary(c, describeWhere(c)) : `Unknown auth type in ${describeWhere(c)}`;
  },
  lint(c, ctx) {
    const { path, env } = ctx;
    const out: TriggerWarning[] = [];
    if (c.secretKey.trim() === '') {
      out.push({
        path: `${path}.secretKey`,
        severity: 'warning',
        code: 'empty-secret',
        message: 'The secret key is empty: this condition can never pass (or passes for anyone, for a static token sent empty).',
      });
    }
    if (env) {
      const known = envNames(env);
      for (const name of envReferences(c.secretKey)) {
        if (!known.has(name))
          out.push({
            path: `${path}.secretKey`,
            severity: 'warning',
            code: 'missing-env',
            message: `{env:${name}} refers to a variable that is not defined: every request will be rejected.`,
          });
      }
    }
    const kind = webAuthKind(c);
    if (kind) out.push(...kind.lint(c, ctx));
    if (c.namespace === 'json' && /(^|[^\\])\./.test(c.key)) {
      out.push({
        path: `${path}.key`,
        severity: 'info',
        code: 'extension',
        message: 'Dotted JSON paths are a Hookbench extension: the documented service reads top-level keys only.',
      });
    }
    if (kind?.lintAcross) out.push(...kind.lintAcross(c, ctx));
    return out;
  },
  // a public key is not a secret; the auth type says which keys are
  checkedOnRunInfo: true,
  countsLaunches: false,
  secretFields: (c) => (webAuthKind(c)?.secretKeyIsSecret(c) === false ? [] : ['secretKey']),
} satisfies ConditionKind<'web-auth'>;
