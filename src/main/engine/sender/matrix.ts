// The negative matrix: the valid request plus deliberately broken variants, each sent once,
// with the outcome expected against what came back.
import { otherJwtAlgorithm, isSymmetric } from '@shared/signing/jwt';
import type { MatrixRow, ProviderScheme, SendDraft, SignTweaks, SigningProfile } from '@shared/signing/types';
import { SCHEME_PROVIDERS, type SchemeProvider } from '@shared/kinds/providers';
import type { JwtAlgorithm } from '@shared/trigger';
import { generateKeys } from './keys';
import type { Sender } from './sender';

/** a wrong secret of the shape the scheme needs (Standard Webhooks: base64 after whsec_) */
const schemeWrongSecret = (scheme: ProviderScheme): string | undefined => {
  const traits: SchemeProvider<string>['matrix'] = SCHEME_PROVIDERS[scheme].matrix;
  return traits.wrongSecret;
};

interface Variant {
  variant: string;
  description: string;
  tweaks: SignTweaks;
  expected: MatrixRow['expected'];
}

const hasTimestamp = (p: SigningProfile) => (p.kind === 'hmac' && p.timestamp !== undefined) || p.kind === 'provider';
const signsBody = (p: SigningProfile) => (p.kind === 'hmac' && p.format.includes('{body}')) || p.kind === 'provider';

export async function matrixVariants(p: SigningProfile): Promise<Variant[]> {
  const out: Variant[] = [{ variant: 'valid', description: 'signed correctly, fresh timestamp', tweaks: {}, expected: 'accepted' }];
  if (p.kind === 'provider' ? SCHEME_PROVIDERS[p.scheme].matrix.signsTimestamp : hasTimestamp(p)) {
    out.push({ variant: 'stale-timestamp', description: 'timestamp one hour in the past', tweaks: { timestampOffsetSec: -3600 }, expected: 'rejected' });
    out.push({ variant: 'future-timestamp', description: 'timestamp one hour in the future', tweaks: { timestampOffsetSec: 3600 }, expected: 'rejected' });
  }
  if (signsBody(p))
    out.push({ variant: 'tampered-body', description: 'one byte appended to the body after signing', tweaks: { tamperBody: true }, expected: 'rejected' });
  let wrongSecret = 'hookbench-wrong-secret';
  if (p.kind === 'provider') wrongSecret = schemeWrongSecret(p.scheme) ?? wrongSecret;
  if (p.kind === 'jwt' && !isSymmetric(p.algorithm)) wrongSecret = (await generateKeys(p.algorithm)).privatePem;
  out.push({ variant: 'wrong-secret', description: 'signed with a different secret or key', tweaks: { wrongSecret }, expected: 'rejected' });
  out.push({ variant: 'missing-signature', description: 'the signature or token left out', tweaks: { omitSignature: true }, expected: 'rejected' });
  if (p.kind !== 'provider' && p.placement.prefix) {
    out.push({
      variant: 'wrong-prefix',
      description: `prefix "x${p.placement.prefix}" instead of "${p.placement.prefix}"`,
      tweaks: { prefix: `x${p.placement.prefix}` },
      expected: 'rejected',
    });
  }
  if (p.kind === 'hmac') {
    const other = p.algorithm === 'sha1' ? 'sha256' : 'sha1';
    out.push({ variant: 'other-algorithm', description: `HMAC-${other} instead of ${p.algorithm}`, tweaks: { algorithm: other }, expected: 'rejected' });
  } else if (p.kind === 'jwt') {
    const other = otherJwtAlgorithm(p.algorithm as JwtAlgorithm);
    if (other) out.push({ variant: 'other-algorithm', description: `${other} instead of ${p.algorithm}`, tweaks: { algorithm: other }, expected: 'rejected' });
    out.push({ variant: 'expired-jwt', description: 'exp one minute in the past', tweaks: { expired: true }, expected: 'rejected' });
  } else if (p.kind === 'provider') {
    const other = SCHEME_PROVIDERS[p.scheme].algorithm === 'sha1' ? 'sha256' : 'sha1';
    out.push({ variant: 'other-algorithm', description: `HMAC-${other}`, tweaks: { algorithm: other }, expected: 'rejected' });
  }
  return out;
}

export async function runMatrix(sender: Sender, draft: SendDraft): Promise<MatrixRow[]> {
  const profile = sender.resolveProfile(draft);
  if (!profile) throw new Error('the negative matrix needs a signing profile');
  const rows: MatrixRow[] = [];
  // one after another: variants against a rate-limited trigger must not race the valid one
  for (const v of await matrixVariants(profile)) {
    const { record } = await sender.send({ ...draft, profile, profileId: undefined }, { source: 'matrix', tweaks: v.tweaks });
    const status = record.response?.status;
    const actual: MatrixRow['actual'] = status === undefined ? 'error' : status >= 200 && status < 300 ? 'accepted' : 'rejected';
    rows.push({
      variant: v.variant,
      description: v.description,
      expected: v.expected,
      actual,
      ...(status !== undefined ? { status } : {}),
      ...(record.error ? { error: record.error.message } : {}),
      pass: actual === v.expected,
      sentId: record.id,
    });
  }
  return rows;
}
