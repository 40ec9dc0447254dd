// The web-auth types, one module each. The condition's wire shape is the union of their schemas
// (so "which algorithms an auth type allows" is in the JSON Schema too), and the registry must
// have one entry per auth type: a type without its module, its engine checker or its editor is a
// compile error.
import { z } from 'zod';
import type { WebAuthCondition } from '../../trigger';
import { HmacAuthSchema, hmacAuth } from './hmac';
import { JwtAuthSchema, jwtAuth } from './jwt';
import { StaticAuthSchema, staticAuth } from './static';
import type { WebAuthKind, WebAuthType } from './types';

export type { SignLikeThis, WebAuthBase, WebAuthKind, WebAuthOf, WebAuthType } from './types';
export { isSymmetric } from './jwt';

/** The web-auth condition: one shape per auth type, told apart by `authType`. */
export const WebAuthConditionSchema = z.discriminatedUnion('authType', [StaticAuthSchema, HmacAuthSchema, JwtAuthSchema]);

export const WEB_AUTH_KINDS = {
  static: staticAuth,
  hmac: hmacAuth,
  jwt: jwtAuth,
} as const satisfies { readonly [T in WebAuthType]: WebAuthKind<T> };

/** In the order the editor offers them. */
export const WEB_AUTH_TYPES = Object.keys(WEB_AUTH_KINDS) as WebAuthType[];

export const isWebAuthType = (value: unknown): value is WebAuthType => typeof value === 'string' && Object.hasOwn(WEB_AUTH_KINDS, value);

/** The definition of a condition's auth type (undefined only for malformed data). */
export const webAuthKind = (c: Pick<WebAuthCondition, 'authType'>): WebAuthKind<WebAuthType> | undefined =>
  isWebAuthType(c.authType) ? (WEB_AUTH_KINDS[c.authType] as WebAuthKind<WebAuthType>) : undefined;
