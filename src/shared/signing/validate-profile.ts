// The `signingProfiles` workspace section: a list of profiles, checked field by field with the
// JSON path of the first problem.
import { JWT_ALGORITHMS } from '../trigger';
import { arrayOfObjects } from '../workspace-sections';
import { SIGN_HMAC_ALGORITHMS, type SigningProfile, type TokenPlacement } from './types';

const fail = (path: string, problem: string): never => {
  throw new Error(`${path}: ${problem}`);
};

const KNOWN: Record<SigningProfile['kind'], string[]> = {
  static: ['id', 'name', 'kind', 'secret', 'placement'],
  hmac: ['id', 'name', 'kind', 'secret', 'placement', 'algorithm', 'encoding', 'format', 'timestamp'],
  jwt: ['id', 'name', 'kind', 'secret', 'placement', 'algorithm', 'claims', 'kid'],
  provider: ['id', 'name', 'kind', 'secret', 'scheme'],
};

function str(o: Record<string, unknown>, key: string, path: string, optional = false): void {
  if (o[key] === undefined && optional) return;
  if (typeof o[key] !== 'string') fail(`${path}.${key}`, 'must be a string');
}

function placement(value: unknown, path: string): TokenPlacement {
  if (typeof value !== 'object' || value === null) return fail(path, 'must be an object');
  const p = value as Record<string, unknown>;
  if (!['header', 'query', 'form', 'json'].includes(p.namespace as string)) fail(`${path}.namespace`, 'must be header, query, form or json');
  str(p, 'key', path);
  if (!(p.key as string)) fail(`${path}.key`, 'must not be empty');
  str(p, 'prefix', path, true);
  for (const k of Object.keys(p)) if (!['namespace', 'key', 'prefix'].includes(k)) fail(`${path}.${k}`, 'unknown field');
  return p as unknown as TokenPlacement;
}

export function validateProfile(value: unknown, path: string): SigningProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
  const o = value as Record<string, unknown>;
  const kind = o.kind as SigningProfile['kind'];
  if (!(kind in KNOWN)) fail(`${path}.kind`, 'must be static, hmac, jwt or provider');
  for (const k of Object.keys(o)) if (!KNOWN[kind].includes(k)) fail(`${path}.${k}`, 'unknown field');
  str(o, 'id', path);
  if (!(o.id as string)) fail(`${path}.id`, 'must not be empty');
  str(o, 'name', path);
  str(o, 'secret', path);
  if (kind !== 'provider') placement(o.placement, `${path}.placement`);
  if (kind === 'hmac') {
    if (!SIGN_HMAC_ALGORITHMS.includes(o.algorithm as never)) fail(`${path}.algorithm`, 'must be sha1, sha256 or sha512');
    if (o.encoding !== 'hex' && o.encoding !== 'base64') fail(`${path}.encoding`, 'must be hex or base64');
    str(o, 'format', path);
    if (o.timestamp !== undefined) {
      const t = o.timestamp as Record<string, unknown>;
      if (typeof t !== 'object' || t === null) fail(`${path}.timestamp`, 'must be an object');
      if (t.namespace !== 'header' && t.namespace !== 'query') fail(`${path}.timestamp.namespace`, 'must be header or query');
      str(t, 'key', `${path}.timestamp`);
      if (t.unit !== 's' && t.unit !== 'ms') fail(`${path}.timestamp.unit`, 'must be s or ms');
    }
  }
  if (kind === 'jwt') {
    if (!JWT_ALGORITHMS.includes(o.algorithm as never)) fail(`${path}.algorithm`, `must be one of ${JWT_ALGORITHMS.join(', ')}`);
    const c = o.claims as Record<string, unknown>;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) fail(`${path}.claims`, 'must be an object');
    for (const k of ['expSeconds', 'nbfSeconds']) if (c[k] !== undefined && !Number.isFinite(c[k])) fail(`${path}.claims.${k}`, 'must be a number');
    if (c.iat !== undefined && typeof c.iat !== 'boolean') fail(`${path}.claims.iat`, 'must be true or false');
    if (c.custom !== undefined && (typeof c.custom !== 'object' || c.custom === null || Array.isArray(c.custom))) fail(`${path}.claims.custom`, 'must be an object');
    str(o, 'kid', path, true);
  }
  if (kind === 'provider' && !['stripe', 'standard-webhooks', 'twilio'].includes(o.scheme as string)) {
    fail(`${path}.scheme`, 'must be stripe, standard-webhooks or twilio');
  }
  return o as unknown as SigningProfile;
}

export function validateProfiles(value: unknown, path: string): SigningProfile[] {
  const list = arrayOfObjects(value, path).map((p, i) => validateProfile(p, `${path}[${i}]`));
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (seen.has(p.id)) fail(`${path}[${i}].id`, `duplicate id ${JSON.stringify(p.id)}`);
    seen.add(p.id);
  });
  return list;
}
