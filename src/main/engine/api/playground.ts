// The basestring playground: the same rendering and signing the HMAC condition uses.
import type { PlaygroundInput, PlaygroundOutput } from '@shared/trigger-log';
import { HMAC_ALGORITHMS } from '@shared/trigger';
import { basestringPreview, renderBasestring } from '@shared/triggers/basestring';
import { utf8 } from '@shared/triggers/bytes';
import type { RequestView } from '@shared/triggers/lookup';
import { resolveSecret, type EnvSource } from '@shared/triggers/secrets';
import { computeHmac, encodeDigest } from '../crypto/hmac';

export function signPlayground(input: PlaygroundInput, request: RequestView, env: EnvSource): PlaygroundOutput {
  if (!(HMAC_ALGORITHMS as readonly string[]).includes(input.algorithm)) {
    return { trace: null, signature: null, error: `algorithm must be one of ${HMAC_ALGORITHMS.join(', ')}` };
  }
  const rendered = renderBasestring(input.format, request);
  const preview = basestringPreview(rendered.bytes);
  const secret = resolveSecret(input.secretKey, env);
  const error = !secret.ok ? secret.reason : rendered.missing.length ? `the request has no ${rendered.missing.join(', ')}` : null;
  const signature =
    secret.ok && !rendered.missing.length ? encodeDigest(computeHmac(input.algorithm, utf8(secret.value), rendered.bytes), input.encoding) : null;
  return {
    trace: {
      kind: 'hmac',
      format: input.format,
      algorithm: input.algorithm,
      encoding: input.encoding,
      segments: rendered.segments,
      basestringLength: rendered.bytes.length,
      basestringPreview: preview.text,
      basestringHexPreview: preview.hex,
      ...(signature ? { expected: signature } : {}),
    },
    signature,
    error,
  };
}
