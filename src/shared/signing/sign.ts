// The signer: one pure async function from (profile, request) to the exact request that goes out.
// Used by the engine for sends, polls and the negative matrix, and by the renderer's preview.
import { renderBasestring } from '../triggers/basestring';
import { concatBytes, utf8 } from '../triggers/bytes';
import { resolveSecret, type EnvSource } from '../triggers/secrets';
import { hmacEncoded } from './hmac';
import { buildClaims, signJwt } from './jwt';
import { diffHeaders, place, requestTarget, setHeader, setQuery } from './placement';
import { signProvider } from './providers';
import type { HmacProfile, OutgoingRequest, SignResult, SignTweaks, SigningProfile, TimestampSpec } from './types';

export interface SignContext {
  env: EnvSource;
  /** epoch ms */
  now: number;
  tweaks?: SignTweaks;
  newId?: () => string;
}

export class SigningError extends Error {}

export function resolveProfileSecret(profile: SigningProfile, env: EnvSource): string {
  const resolved = resolveSecret(profile.secret, env);
  if (!resolved.ok) throw new SigningError(`profile "${profile.name}": ${resolved.reason}`);
  if (resolved.value === '') throw new SigningError(`profile "${profile.name}" has an empty secret`);
  return resolved.value;
}

function timestampValue(spec: TimestampSpec, nowMs: number): string {
  return spec.unit === 'ms' ? String(Math.floor(nowMs)) : String(Math.floor(nowMs / 1000));
}

function writeTimestamp(request: OutgoingRequest, spec: TimestampSpec, value: string): OutgoingRequest {
  return spec.namespace === 'header'
    ? { ...request, headers: setHeader(request.headers, spec.key, value) }
    : { ...request, url: setQuery(request.url, spec.key, value) };
}

async function signHmac(profile: HmacProfile, secret: string, request: OutgoingRequest, nowMs: number, tweaks: SignTweaks) {
  let req = request;
  if (profile.timestamp) req = writeTimestamp(req, profile.timestamp, timestampValue(profile.timestamp, nowMs));
  const view = { method: req.method, url: requestTarget(req.url), rawHeaders: req.headers, body: req.body };
  const rendered = renderBasestring(profile.format, view);
  if (rendered.missing.length > 0) throw new SigningError(`the basestring needs ${rendered.missing.join(', ')}, which the request does not have`);
  const signature = await hmacEncoded(tweaks.algorithm ?? profile.algorithm, secret, rendered.bytes, profile.encoding);
  return { req, basestring: rendered.bytes, signature };
}

const TAMPER = utf8(' ');

export async function signRequest(profile: SigningProfile | null | undefined, request: OutgoingRequest, ctx: SignContext): Promise<SignResult> {
  const tweaks = ctx.tweaks ?? {};
  const nowMs = ctx.now + (tweaks.timestampOffsetSec ?? 0) * 1000;
  const notes: string[] = [];
  if (!profile) return { request, changed: [], notes: ['unsigned: no profile'] };
  const secret = tweaks.wrongSecret ?? resolveProfileSecret(profile, ctx.env);
  const newId = ctx.newId ?? (() => globalThis.crypto.randomUUID());
  let out = request;
  let basestring: Uint8Array | undefined;
  let signature: string | undefined;

  if (profile.kind === 'provider') {
    const signed = await signProvider(profile.scheme, secret, request, Math.floor(nowMs / 1000), {
      algorithm: tweaks.algorithm,
      omit: tweaks.omitSignature,
      newId,
    });
    ({ request: out, basestring, signature } = signed);
  } else {
    let token: string;
    if (profile.kind === 'static') token = secret;
    else if (profile.kind === 'hmac') {
      const signed = await signHmac(profile, secret, request, nowMs, tweaks);
      out = signed.req;
      basestring = signed.basestring;
      token = signed.signature;
    } else {
      const nowSec = Math.floor(nowMs / 1000);
      const claims = buildClaims(profile.claims, nowSec, tweaks.expired === true);
      token = await signJwt({ secret, algorithm: tweaks.algorithm ?? profile.algorithm, claims, kid: profile.kid });
    }
    signature = token;
    const placement = tweaks.prefix !== undefined ? { ...profile.placement, prefix: tweaks.prefix } : profile.placement;
    if (!tweaks.omitSignature) out = place(out, placement, token);
    if (profile.kind === 'hmac' && (placement.namespace === 'form' || placement.namespace === 'json') && profile.format.includes('{body}')) {
      notes.push('the signature is written into the body it signs: a receiver cannot verify this');
    }
  }
  if (tweaks.tamperBody) {
    out = { ...out, body: concatBytes([out.body, TAMPER]) };
    notes.push('body tampered after signing (one byte appended)');
  }
  return { request: out, basestring, signature, changed: diffHeaders(request.headers, out.headers), notes };
}
