// What every web-auth type defines once, in its own module (web-auth/<type>.ts). The
// registry in web-auth/index.ts must have one entry per `WebAuthCondition['authType']`.
import type { SigningProfile, TimestampSpec, TokenPlacement } from '../../signing/types';
import type { WebAuthCondition } from '../../trigger';
import type { LintContext, TriggerWarning } from '../types';
import type { Trigger } from '../../trigger';

export type WebAuthType = WebAuthCondition['authType'];
export type WebAuthOf<T extends WebAuthType> = Extract<WebAuthCondition, { authType: T }>;
/** The fields every web-auth type has: where the value is, and the secret. */
export type WebAuthBase = Omit<WebAuthCondition, 'authType' | 'algorithm' | 'hmacFormat' | 'encoding'>;

export interface SignLikeThis {
  id: string;
  name: string;
  placement: TokenPlacement;
  /** from the trigger's web-timestamp condition, when it has one the sender can set */
  timestamp?: TimestampSpec;
}

export interface WebAuthKind<T extends WebAuthType> {
  id: T;
  /** the editor's segmented control and the docs */
  label: string;
  /** this type's condition built from the common fields, keeping what still applies of `previous` */
  withType(base: WebAuthBase, previous: WebAuthCondition): WebAuthOf<T>;
  /** one line for the trigger list; `where` is "header X-Signature (prefix …)" */
  summary(c: WebAuthOf<T>, where: string): string;
  /** false when the secret key field holds a public key: not redacted on export, not masked in logs */
  secretKeyIsSecret(c: WebAuthOf<T>): boolean;
  /** "sign like this trigger": the signing profile whose requests pass this condition */
  signingProfile(c: WebAuthOf<T>, like: SignLikeThis): SigningProfile;
  /** warnings of this type's own fields (the common ones are web-auth's) */
  lint(c: WebAuthOf<T>, ctx: LintContext<Trigger>): TriggerWarning[];
  /** warnings across conditions, after the common ones (a signed header no timestamp checks) */
  lintAcross?(c: WebAuthOf<T>, ctx: LintContext<Trigger>): TriggerWarning[];
}
