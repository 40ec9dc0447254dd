// JWT: verify for the condition's algorithm only; exp/nbf enforced when present.
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { WebAuthCondition } from '@shared/trigger';
import type { JwtTrace } from '@shared/trigger-log';
import { lookupToken } from '@shared/triggers/lookup';
import { resolveSecret } from '@shared/triggers/secrets';
import { verificationKey } from './jwt-key';
import { failed, pass, type CheckOutcome, type EvaluationContext, type RequestView } from './types';
import { errorMessage } from '@shared/error-message';

const iso = (seconds: unknown): string =>
  typeof seconds === 'number' && Number.isFinite(seconds) && Math.abs(seconds) < 1e13 ? new Date(seconds * 1000).toISOString() : String(seconds);

function joseReason(err: unknown, alg: string, trace: JwtTrace, nowMs: number): string {
  const e = err as { code?: string; message?: string; claim?: string; reason?: string };
  const claims = trace.claims ?? {};
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      return `the token expired at ${iso(claims.exp)} (${Math.round(nowMs / 1000 - Number(claims.exp))} s ago)`;
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (e.claim === 'nbf') return `the token is not valid before ${iso(claims.nbf)} (${Math.round(Number(claims.nbf) - nowMs / 1000)} s from now)`;
      return `claim ${e.claim ?? '?'} failed validation (${e.reason ?? e.message})`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return `the token is signed with ${String(trace.header?.alg ?? 'an unknown algorithm')}, but this condition accepts ${alg} only`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return `the ${alg} signature does not verify with the secret key`;
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return `the token is malformed: ${e.message}`;
    case 'ERR_JOSE_NOT_SUPPORTED':
      return `unsupported token or key: ${e.message}`;
    default:
      return `the token does not verify: ${e.message ?? String(err)}`;
  }
}

export async function checkJwt(c: WebAuthCondition, request: RequestView, ctx: EvaluationContext): Promise<CheckOutcome> {
  const alg = c.algorithm ?? 'HS256';
  const trace: JwtTrace = { kind: 'jwt', algorithm: alg, notes: [] };
  const secret = resolveSecret(c.secretKey, ctx.env);
  if (!secret.ok) return failed(secret.reason, trace);
  if (secret.value.trim() === '') return failed('the secret key is empty', trace);
  const token = lookupToken(request, c);
  if (!token.ok) return failed(token.reason, trace);
  const jwt = token.value.trim();

  try {
    trace.header = decodeProtectedHeader(jwt) as Record<string, unknown>;
    trace.claims = decodeJwt(jwt) as Record<string, unknown>;
  } catch {
    // jwtVerify below reports what is wrong with the token
  }
  if (trace.header && 'exp' in trace.header) {
    trace.notes.push(
      `the JOSE header carries exp=${iso(trace.header.exp)}; header exp is not enforced by the JWT standard (only the claims' exp is), so it was not checked`,
    );
  }
  if (trace.claims && !('exp' in trace.claims)) trace.notes.push('the token has no exp claim: it never expires');

  let key;
  try {
    key = await verificationKey(secret.value, alg);
  } catch (err) {
    return failed(`cannot use the secret key for ${alg}: ${errorMessage(err)}`, trace);
  }
  try {
    await jwtVerify(jwt, key, { algorithms: [alg], clockTolerance: 0, currentDate: new Date(ctx.now) });
  } catch (err) {
    return failed(joseReason(err, alg, trace, ctx.now), trace);
  }
  const note = trace.notes.length ? `; note: ${trace.notes[0]}` : '';
  return pass(`the ${alg} token verifies${note}`, trace);
}
