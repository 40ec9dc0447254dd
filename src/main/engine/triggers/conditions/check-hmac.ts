// HMAC: HMAC(secret, render(hmacFormat)) equals the token (hex, case-insensitive, or base64).
import type { WebAuthCondition } from '@shared/trigger';
import type { HmacTrace } from '@shared/trigger-log';
import { DEFAULT_HMAC_FORMAT, describeBasestring, renderBasestring, renderedPreview } from '@shared/triggers/basestring';
import { utf8 } from '@shared/triggers/bytes';
import { lookupToken } from '@shared/triggers/lookup';
import { resolveSecret } from '@shared/triggers/secrets';
import { computeHmac, decodeToken, encodeDigest } from '../../crypto/hmac';
import { digestEqual, firstDifference, shortDigest } from './compare';
import { failed, pass, type CheckOutcome, type EvaluationContext, type RequestView } from './types';
import { errorMessage } from '@shared/error-message';

export const hmacAlgorithm = (c: WebAuthCondition): string => c.algorithm ?? 'sha256';
export const hmacEncoding = (c: WebAuthCondition): 'hex' | 'base64' => c.encoding ?? 'hex';

/** a secret's UTF-8 bytes, encoded once per secret rather than per request (bounded) */
const secretBytesCache = new Map<string, Uint8Array>();
function secretBytes(secret: string): Uint8Array {
  let bytes = secretBytesCache.get(secret);
  if (!bytes) {
    bytes = utf8(secret);
    if (secretBytesCache.size >= 64) secretBytesCache.clear();
    secretBytesCache.set(secret, bytes);
  }
  return bytes;
}

export function checkHmac(c: WebAuthCondition, request: RequestView, ctx: EvaluationContext): CheckOutcome {
  const algorithm = hmacAlgorithm(c);
  const encoding = hmacEncoding(c);
  const format = c.hmacFormat ?? DEFAULT_HMAC_FORMAT;
  const rendered = renderBasestring(format, request);
  const preview = renderedPreview(rendered);
  const trace: HmacTrace = {
    kind: 'hmac',
    format,
    algorithm,
    encoding,
    segments: rendered.segments,
    basestringLength: rendered.bytes.length,
    basestringPreview: preview.text,
    basestringHexPreview: preview.hex,
  };
  const label = `HMAC-${algorithm.toUpperCase()}`;
  const shape = `basestring was ${rendered.bytes.length} bytes: ${describeBasestring(rendered.segments)}`;

  const secret = resolveSecret(c.secretKey, ctx.env);
  if (!secret.ok) return failed(secret.reason, trace);
  if (secret.value === '') return failed('the secret key is empty', trace);

  const token = lookupToken(request, c);
  if (rendered.missing.length > 0) {
    return failed(`the basestring format needs ${rendered.missing.join(', ')}, which the request does not have`, trace);
  }
  let expected: string;
  let digest: Buffer;
  try {
    digest = computeHmac(algorithm, secretBytes(secret.value), rendered.bytes);
    expected = encodeDigest(digest, encoding);
  } catch (err) {
    return failed(`cannot compute ${label}: ${errorMessage(err)}`, trace);
  }
  trace.expected = expected;
  if (!token.ok) return failed(token.reason, trace);
  trace.received = token.value;
  const decoded = decodeToken(token.value, encoding);
  if (!decoded.ok) {
    trace.firstDifference = firstDifference(expected, token.value);
    return failed(`${decoded.reason}: expected ${shortDigest(expected)}, got ${shortDigest(token.value)}; ${shape}`, trace);
  }
  trace.firstDifference = firstDifference(expected, decoded.normalised);
  if (digestEqual(digest, decoded.bytes)) return pass(`${label} matches; ${shape}`, trace);
  return failed(`HMAC mismatch: expected ${shortDigest(expected)}, got ${shortDigest(decoded.normalised)}; ${shape}`, trace);
}
