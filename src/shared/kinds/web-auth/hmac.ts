// web-auth hmac: a digest of a basestring ({body}, {header:Name}, literal text) with the secret.
import { z } from 'zod';
import { DEFAULT_HMAC_FORMAT, isExtensionPart, parseFormat, signedHeaders, unknownPlaceholders } from '../../triggers/basestring';
import { SIGN_HMAC_ALGORITHMS, type SignHmacAlgorithm } from '../../signing/types';
import { HMAC_ALGORITHMS } from '../../trigger';
import type { TriggerWarning } from '../types';
import { webAuthSchema } from './shape';
import type { WebAuthKind } from './types';

export const HmacAuthSchema = webAuthSchema(
  'hmac',
  z
    .enum(HMAC_ALGORITHMS as readonly ['sha1', ...(typeof HMAC_ALGORITHMS)[number][]])
    .optional()
    .meta({ description: 'default sha256' }),
);

export const hmacAuth = {
  id: 'hmac',
  label: 'HMAC',
  withType: (base, previous) => ({
    ...base,
    authType: 'hmac',
    algorithm: 'sha256',
    hmacFormat: previous.hmacFormat ?? '{body}',
    encoding: previous.encoding ?? 'hex',
  }),
  summary: (c, where) => `HMAC-${(c.algorithm ?? 'sha256').toUpperCase()} of ${c.hmacFormat ?? DEFAULT_HMAC_FORMAT} in ${where}`,
  secretKeyIsSecret: () => true,
  signingProfile(c, like) {
    const algorithm = (c.algorithm ?? 'sha256') as SignHmacAlgorithm;
    if (!SIGN_HMAC_ALGORITHMS.includes(algorithm))
      throw new Error(`the trigger's HMAC algorithm ${c.algorithm} cannot be signed here (sha1, sha256 or sha512)`);
    return {
      id: like.id,
      name: like.name,
      kind: 'hmac',
      secret: c.secretKey,
      placement: like.placement,
      algorithm,
      encoding: c.encoding ?? 'hex',
      format: c.hmacFormat ?? '{body}',
      ...(like.timestamp ? { timestamp: like.timestamp } : {}),
    };
  },
  lint(c, { path }) {
    const out: TriggerWarning[] = [];
    const format = c.hmacFormat ?? DEFAULT_HMAC_FORMAT;
    for (const bad of unknownPlaceholders(format)) {
      out.push({
        path: `${path}.hmacFormat`,
        severity: 'warning',
        code: 'unknown-placeholder',
        message: `${bad} is not a placeholder; it is signed as literal text.`,
      });
    }
    if (parseFormat(format).some(isExtensionPart)) {
      out.push({
        path: `${path}.hmacFormat`,
        severity: 'info',
        code: 'extension',
        message: '{query:…}, {method} and {url} are Hookbench extensions: the documented service only knows {body} and {header:…}.',
      });
    }
    if (c.encoding === 'base64')
      out.push({
        path: `${path}.encoding`,
        severity: 'info',
        code: 'extension',
        message: 'base64 signatures are a Hookbench extension; the documented service compares hex.',
      });
    if (c.algorithm && ['sha224', 'sha384', 'md5'].includes(c.algorithm)) {
      out.push({
        path: `${path}.algorithm`,
        severity: 'info',
        code: 'extension',
        message: `${c.algorithm} is a Hookbench extension; the documented service offers sha1, sha256 and sha512.`,
      });
    }
    return out;
  },
  lintAcross(c, { path, whole }) {
    const out: TriggerWarning[] = [];
    for (const name of signedHeaders(c.hmacFormat ?? DEFAULT_HMAC_FORMAT)) {
      const checked = whole.conditions.some((t) => t.type === 'web-timestamp' && t.namespace === 'header' && t.key.toLowerCase() === name.toLowerCase());
      if (!checked)
        out.push({
          path: `${path}.hmacFormat`,
          severity: 'warning',
          code: 'unchecked-signed-header',
          message: `{header:${name}} is signed but no web-timestamp condition checks it: a recorded request can be replayed forever.`,
        });
    }
    return out;
  },
} satisfies WebAuthKind<'hmac'>;
