// The web-auth types, one module each. A type added to WebAuthCondition['authType'] without
// an entry here is a compile error (and so is one without its engine checker and its editor).
import type { WebAuthCondition } from '../../trigger';
import { hmacAuth } from './hmac';
import { jwtAuth } from './jwt';
import { staticAuth } from './static';
import type { WebAuthKind, WebAuthType } from './types';

export type { SignLikeThis, WebAuthBase, WebAuthKind, WebAuthOf, WebAuthType } from './types';
export { isSymmetric } from './jwt';

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
