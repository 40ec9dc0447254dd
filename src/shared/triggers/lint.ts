// Editor warnings: things that are valid but probably not what the user meant.
import type { Condition, Trigger, WebAuthCondition, WebTimestampCondition } from '../trigger';
import { DEFAULT_HMAC_FORMAT, isExtensionPart, parseFormat, signedHeaders, signedQueryKeys, unknownPlaceholders } from './basestring';
import { envReferences, type EnvSource } from './secrets';
import { isSymmetric } from '../kinds/web-auth/jwt';
import { compilePattern } from './safe-regex';

export interface TriggerWarning {
  /** JSON path inside the trigger, e.g. "conditions[1].hmacFormat" */
  path: string;
  severity: 'warning' | 'info';
  code: string;
  message: string;
}

const isHmac = (c: Condition): c is WebAuthCondition => c.type === 'web-auth' && c.authType === 'hmac';
const looksLikePublicKey = (s: string): boolean => /-----BEGIN (PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY)-----/.test(s) || /^\s*\{[\s\S]*"kty"/.test(s);

function envNames(env: EnvSource): Set<string> {
  return new Set(Array.isArray(env) ? env.map((v) => v.name) : Object.keys(env));
}

function lintWebAuth(c: WebAuthCondition, path: string, env: EnvSource | undefined, out: TriggerWarning[]): void {
  if (c.secretKey.trim() === '') {
    out.push({ path: `${path}.secretKey`, severity: 'warning', code: 'empty-secret', message: 'The secret key is empty: this condition can never pass (or passes for anyone, for a static token sent empty).' });
  }
  if (env) {
    const known = envNames(env);
    for (const name of envReferences(c.secretKey)) {
      if (!known.has(name)) out.push({ path: `${path}.secretKey`, severity: 'warning', code: 'missing-env', message: `{env:${name}} refers to a variable that is not defined: every request will be rejected.` });
    }
  }
  if (c.authType === 'hmac') {
    const format = c.hmacFormat ?? DEFAULT_HMAC_FORMAT;
    for (const bad of unknownPlaceholders(format)) {
      out.push({ path: `${path}.hmacFormat`, severity: 'warning', code: 'unknown-placeholder', message: `${bad} is not a placeholder; it is signed as literal text.` });
    }
    if (parseFormat(format).some(isExtensionPart)) {
      out.push({ path: `${path}.hmacFormat`, severity: 'info', code: 'extension', message: '{query:…}, {method} and {url} are Hookbench extensions: the documented service only knows {body} and {header:…}.' });
    }
    if (c.encoding === 'base64') out.push({ path: `${path}.encoding`, severity: 'info', code: 'extension', message: 'base64 signatures are a Hookbench extension; the documented service compares hex.' });
    if (c.algorithm && ['sha224', 'sha384', 'md5'].includes(c.algorithm)) {
      out.push({ path: `${path}.algorithm`, severity: 'info', code: 'extension', message: `${c.algorithm} is a Hookbench extension; the documented service offers sha1, sha256 and sha512.` });
    }
  }
  if (c.authType === 'jwt' && c.algorithm) {
    const literal = envReferences(c.secretKey).length === 0;
    if (isSymmetric(c.algorithm) && looksLikePublicKey(c.secretKey)) {
      out.push({ path: `${path}.secretKey`, severity: 'warning', code: 'jwt-key-confusion', message: `${c.algorithm} uses a shared secret, but this looks like a public key: anyone holding the public key could sign tokens.` });
    } else if (!isSymmetric(c.algorithm) && literal && c.secretKey.trim() !== '' && !looksLikePublicKey(c.secretKey)) {
      out.push({ path: `${path}.secretKey`, severity: 'warning', code: 'jwt-key-format', message: `${c.algorithm} needs a public key (PEM "BEGIN PUBLIC KEY", a certificate, or a JWK).` });
    }
  }
  if (c.namespace === 'json' && /(^|[^\\])\./.test(c.key)) {
    out.push({ path: `${path}.key`, severity: 'info', code: 'extension', message: 'Dotted JSON paths are a Hookbench extension: the documented service reads top-level keys only.' });
  }
}

function timestampIsSigned(t: WebTimestampCondition, hmacs: WebAuthCondition[]): boolean {
  const key = t.key.toLowerCase();
  return hmacs.some((h) => {
    const format = h.hmacFormat ?? DEFAULT_HMAC_FORMAT;
    if (t.namespace === 'header') return signedHeaders(format).some((n) => n.toLowerCase() === key);
    if (t.namespace === 'query') return signedQueryKeys(format).includes(t.key);
    return parseFormat(format).some((p) => p.kind === 'body'); // form/json timestamps live in the signed body
  });
}

export function lintTrigger(trigger: Trigger, env?: EnvSource): TriggerWarning[] {
  const out: TriggerWarning[] = [];
  const hmacs = trigger.conditions.filter(isHmac);
  const timestamps = trigger.conditions.filter((c): c is WebTimestampCondition => c.type === 'web-timestamp');

  if (!trigger.conditions.some((c) => c.type === 'web-auth')) {
    out.push({ path: 'conditions', severity: 'warning', code: 'no-auth', message: 'No web-auth condition: anyone who knows the URL can launch this trigger.' });
  }
  trigger.conditions.forEach((c, i) => {
    const path = `conditions[${i}]`;
    if (c.type === 'web-auth') {
      lintWebAuth(c, path, env, out);
      if (c.authType === 'hmac') {
        for (const name of signedHeaders(c.hmacFormat ?? DEFAULT_HMAC_FORMAT)) {
          const checked = timestamps.some((t) => t.namespace === 'header' && t.key.toLowerCase() === name.toLowerCase());
          if (!checked) out.push({ path: `${path}.hmacFormat`, severity: 'warning', code: 'unchecked-signed-header', message: `{header:${name}} is signed but no web-timestamp condition checks it: a recorded request can be replayed forever.` });
        }
      }
    } else if (c.type === 'web-timestamp') {
      if (!timestampIsSigned(c, hmacs)) {
        out.push({ path, severity: 'warning', code: 'unsigned-timestamp', message: `No HMAC condition signs ${c.key}: a replayed request only needs a fresh timestamp.` });
      }
      if (c.unit === 'ms') out.push({ path: `${path}.unit`, severity: 'info', code: 'extension', message: 'Millisecond timestamps are a Hookbench extension; the documented service expects seconds.' });
    } else if (c.type === 'rate-limit') {
      if (c.quota === 0) out.push({ path: `${path}.quota`, severity: 'warning', code: 'zero-quota', message: 'A quota of 0 rejects every launch.' });
    } else if (c.type === 'payload-filter' && c.operator === 'regex' && typeof c.value === 'string') {
      const re = compilePattern(c.value);
      if (!re.ok) {
        const what = re.unsupported ? 'Unsupported regular expression' : 'Invalid regular expression';
        out.push({ path: `${path}.value`, severity: 'warning', code: re.unsupported ? 'unsupported-regex' : 'invalid-regex', message: `${what}: ${re.message}. The condition always fails.` });
      }
    }
  });

  let responses = 0;
  trigger.actions.forEach((a, i) => {
    if (a.type !== 'web-response-text' && a.type !== 'web-response-json') return;
    responses++;
    if (responses > 1) out.push({ path: `actions[${i}]`, severity: 'warning', code: 'unused-response', message: 'Only the first web-response action answers; this one is never used.' });
  });
  return out;
}
