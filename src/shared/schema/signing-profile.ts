// The `signingProfiles` workspace section: how the sender (and `hookbench send --profile`) signs.
import { z } from 'zod';
import { JWT_ALGORITHMS } from '../trigger';
import { strictObject, uniqueBy } from './fields';

export const TokenPlacementSchema = strictObject({
  namespace: z.enum(['header', 'query', 'form', 'json']),
  key: z.string().min(1),
  prefix: z.string().optional().meta({ description: 'written before the token, e.g. "sha256=" or "Bearer "' }),
});

export const TimestampSpecSchema = strictObject({
  namespace: z.enum(['header', 'query']),
  key: z.string(),
  unit: z.enum(['s', 'ms']),
});

const base = {
  id: z.string().min(1),
  name: z.string(),
  secret: z.string().meta({ description: 'secret text, a PEM or a JWK; may hold {env:NAME} references' }),
};

export const StaticProfileSchema = strictObject({ ...base, kind: z.literal('static'), placement: TokenPlacementSchema });
export const HmacProfileSchema = strictObject({
  ...base,
  kind: z.literal('hmac'),
  placement: TokenPlacementSchema,
  algorithm: z.enum(['sha1', 'sha256', 'sha512'], { error: 'must be sha1, sha256 or sha512' }),
  encoding: z.enum(['hex', 'base64'], { error: 'must be hex or base64' }),
  format: z.string().meta({ description: 'basestring: {body}, {header:X}, {method}, {url}, {query:x} and literal text' }),
  timestamp: TimestampSpecSchema.optional(),
});
export const JwtClaimsTemplateSchema = strictObject({
  iat: z.boolean().optional(),
  expSeconds: z.number().optional(),
  nbfSeconds: z.number().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
});
export const JwtProfileSchema = strictObject({
  ...base,
  kind: z.literal('jwt'),
  placement: TokenPlacementSchema,
  algorithm: z.enum(JWT_ALGORITHMS as readonly [(typeof JWT_ALGORITHMS)[number], ...(typeof JWT_ALGORITHMS)[number][]]),
  claims: JwtClaimsTemplateSchema,
  kid: z.string().optional(),
});
export const ProviderProfileSchema = strictObject({ ...base, kind: z.literal('provider'), scheme: z.enum(['stripe', 'standard-webhooks', 'twilio']) });

export const SigningProfileSchema = z.discriminatedUnion('kind', [StaticProfileSchema, HmacProfileSchema, JwtProfileSchema, ProviderProfileSchema]);

export const SigningProfilesSchema = z.array(SigningProfileSchema).superRefine(
  uniqueBy(
    (p) => p.id,
    'id',
    (id) => `duplicate id ${JSON.stringify(id)}`,
  ),
);
