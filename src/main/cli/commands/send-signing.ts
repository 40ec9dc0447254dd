// How `send` signs without a saved profile: --scheme (a provider preset) or explicit HMAC flags,
// --jwt-key @file.pem, and the old --hmac SECRET:ALG:FORMAT where it is unambiguous.
import { readFileSync } from 'node:fs';
import { PROVIDER_PRESETS, presetProfile } from '@shared/signing/presets';
import { SIGN_HMAC_ALGORITHMS, type HmacProfile, type SigningProfile, type SignHmacAlgorithm } from '@shared/signing/types';
import { JWT_ALGORITHMS, type JwtAlgorithm } from '@shared/trigger';
import { splitOutsideBraces } from '../sender-support';
import { CliError, USAGE_EXIT_CODE } from '../command';

export const SCHEMES = PROVIDER_PRESETS.map((p) => p.id);

export interface SigningFlags {
  scheme?: string;
  secret?: string;
  algorithm?: string;
  encoding?: string;
  basestring?: string;
  'sig-header'?: string;
  prefix?: string;
  'timestamp-header'?: string;
  'jwt-key'?: string;
  hmac?: string;
  jwt?: string;
  token?: string;
}

const usageError = (message: string): never => {
  throw new CliError(message, USAGE_EXIT_CODE);
};

const NEW_FLAGS = '--secret S --algorithm sha1|sha256|sha512 --encoding hex|base64 --basestring FORMAT (e.g. "{body}")';

/** --hmac SECRET[:ALG[:FORMAT]]: accepted only when it cannot mean two things. */
function legacyHmac(value: string): { secret: string; algorithm?: string; basestring?: string } {
  const [secret, alg, format] = splitOutsideBraces(value, 3);
  if (alg === undefined) return { secret };
  if (!SIGN_HMAC_ALGORITHMS.includes(alg as SignHmacAlgorithm)) {
    usageError(`--hmac "${value}" is ambiguous: "${alg}" is not sha1, sha256 or sha512 (a secret with ":" in it?). Use ${NEW_FLAGS}`);
  }
  if (format === undefined) return { secret, algorithm: alg };
  // a format without any {placeholder} would sign that literal text: almost always a mistake ("base64", "hex")
  if (!/\{[^}]+\}/.test(format)) {
    usageError(
      `--hmac "${value}": "${format}" would be signed as literal text, not used as ${format === 'hex' || format === 'base64' ? 'the encoding' : 'a format'}. Use ${NEW_FLAGS}`,
    );
  }
  return { secret, algorithm: alg, basestring: format };
}

function readKey(spec: string): string {
  if (!spec.startsWith('@')) return spec;
  try {
    return readFileSync(spec.slice(1), 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the key file ${spec.slice(1)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, USAGE_EXIT_CODE);
  }
}

function hmacAlgorithm(value: string | undefined): SignHmacAlgorithm | undefined {
  if (value === undefined) return undefined;
  if (!SIGN_HMAC_ALGORITHMS.includes(value as SignHmacAlgorithm)) usageError(`--algorithm must be sha1, sha256 or sha512 for HMAC, got "${value}"`);
  return value as SignHmacAlgorithm;
}

function encoding(value: string | undefined): 'hex' | 'base64' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'hex' && value !== 'base64') usageError(`--encoding must be hex or base64, got "${value}"`);
  return value as 'hex' | 'base64';
}

/** Applies the explicit flags over an HMAC profile. */
function withOverrides(p: HmacProfile, f: SigningFlags): HmacProfile {
  const algorithm = hmacAlgorithm(f.algorithm) ?? p.algorithm;
  const ts = f['timestamp-header'] ? { namespace: 'header' as const, key: f['timestamp-header'], unit: 's' as const } : p.timestamp;
  return {
    ...p,
    algorithm,
    encoding: encoding(f.encoding) ?? p.encoding,
    format: f.basestring ?? p.format,
    placement: {
      ...p.placement,
      ...(f['sig-header'] ? { key: f['sig-header'] } : {}),
      ...(f.prefix !== undefined ? { prefix: f.prefix } : {}),
    },
    ...(ts ? { timestamp: ts } : {}),
  };
}

/** The profile the flags describe, or null for an unsigned request. Usage errors exit 2. */
export function profileFromFlags(f: SigningFlags): SigningProfile | null {
  const modes = (['scheme', 'hmac', 'jwt', 'jwt-key', 'token'] as const).filter((k) => f[k] !== undefined);
  if (modes.length > 1) usageError(`pick one of --scheme, --hmac, --jwt, --jwt-key and --token (got ${modes.map((m) => `--${m}`).join(', ')})`);
  const placement = { namespace: 'header' as const, key: f['sig-header'] ?? 'Authorization', ...(f.prefix !== undefined ? { prefix: f.prefix } : {}) };
  if (f.scheme !== undefined) {
    if (!SCHEMES.includes(f.scheme)) usageError(`--scheme must be one of ${SCHEMES.join(', ')}, got "${f.scheme}"`);
    if (f.secret === undefined) usageError(`--scheme ${f.scheme} needs --secret S (may be {env:NAME})`);
    const preset = presetProfile(f.scheme, f.secret!, 'cli');
    if (preset.kind !== 'hmac') {
      const extra = (['algorithm', 'encoding', 'basestring', 'sig-header', 'prefix', 'timestamp-header'] as const).filter((k) => f[k] !== undefined);
      if (extra.length) usageError(`--scheme ${f.scheme} signs its own way; ${extra.map((k) => `--${k}`).join(', ')} cannot change it`);
      return preset;
    }
    return withOverrides(preset, f);
  }
  if (f.hmac !== undefined || (f.secret !== undefined && f.jwt === undefined && f['jwt-key'] === undefined && f.token === undefined)) {
    const legacy = f.hmac !== undefined ? legacyHmac(f.hmac) : { secret: f.secret! };
    if (f.hmac !== undefined && f.secret !== undefined)
      usageError('--hmac already holds the secret; use --secret with --algorithm/--encoding/--basestring instead');
    const base: HmacProfile = {
      id: 'cli',
      name: 'command line',
      kind: 'hmac',
      secret: legacy.secret,
      algorithm: (legacy.algorithm as SignHmacAlgorithm | undefined) ?? 'sha256',
      encoding: 'hex',
      format: legacy.basestring ?? '{body}',
      placement,
    };
    if (legacy.algorithm && f.algorithm && legacy.algorithm !== f.algorithm) usageError(`--hmac says ${legacy.algorithm} but --algorithm says ${f.algorithm}`);
    return withOverrides(base, { ...f, 'sig-header': undefined, prefix: undefined });
  }
  if (f.jwt !== undefined || f['jwt-key'] !== undefined) {
    let secret: string;
    let alg: string | undefined = f.algorithm;
    if (f['jwt-key'] !== undefined) {
      secret = readKey(f['jwt-key']);
      alg ??= /BEGIN (RSA )?PRIVATE KEY/.test(secret) ? 'RS256' : /BEGIN EC PRIVATE KEY/.test(secret) ? 'ES256' : 'HS256';
    } else {
      const at = f.jwt!.lastIndexOf(':');
      const maybe = at > 0 ? f.jwt!.slice(at + 1) : '';
      const fromValue = JWT_ALGORITHMS.includes(maybe as JwtAlgorithm) ? maybe : undefined;
      secret = fromValue ? f.jwt!.slice(0, at) : f.jwt!;
      alg ??= fromValue ?? 'HS256';
    }
    if (!JWT_ALGORITHMS.includes(alg as JwtAlgorithm)) usageError(`--algorithm must be one of ${JWT_ALGORITHMS.join(', ')} for a JWT, got "${alg}"`);
    return { id: 'cli', name: 'command line', kind: 'jwt', secret, algorithm: alg as JwtAlgorithm, claims: { iat: true, expSeconds: 60 }, placement };
  }
  if (f.token !== undefined) return { id: 'cli', name: 'command line', kind: 'static', secret: f.token, placement };
  const stray = (['algorithm', 'encoding', 'basestring', 'timestamp-header'] as const).filter((k) => f[k] !== undefined);
  if (stray.length) usageError(`${stray.map((k) => `--${k}`).join(', ')} need a secret: add --secret S or --scheme NAME --secret S`);
  return null;
}
