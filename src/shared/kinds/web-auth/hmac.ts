// web-auth hmac: a digest of a basestring ({body}, {header:Name}, literal text) with the secret.
import { DEFAULT_HMAC_FORMAT } from '../../triggers/basestring';
import { SIGN_HMAC_ALGORITHMS, type SignHmacAlgorithm } from '../../signing/types';
import type { WebAuthKind } from './types';

export const hmacAuth: WebAuthKind<'hmac'> = {
  id: 'hmac',
  label: 'HMAC',
  withType: (base, previous) => ({ ...base, authType: 'hmac', algorithm: 'sha256', hmacFormat: previous.hmacFormat ?? '{body}', encoding: previous.encoding ?? 'hex' }),
  summary: (c, where) => `HMAC-${(c.algorithm ?? 'sha256').toUpperCase()} of ${c.hmacFormat ?? DEFAULT_HMAC_FORMAT} in ${where}`,
  secretKeyIsSecret: () => true,
  signingProfile(c, like) {
    const algorithm = (c.algorithm ?? 'sha256') as SignHmacAlgorithm;
    if (!SIGN_HMAC_ALGORITHMS.includes(algorithm)) throw new Error(`the trigger's HMAC algorithm ${c.algorithm} cannot be signed here (sha1, sha256 or sha512)`);
    return {
      id: like.id, name: like.name, kind: 'hmac', secret: c.secretKey, placement: like.placement, algorithm,
      encoding: c.encoding ?? 'hex', format: c.hmacFormat ?? '{body}',
      ...(like.timestamp ? { timestamp: like.timestamp } : {}),
    };
  },
};
