// The editor's fields for each web-auth type, keyed by the same ids as shared/kinds/web-auth.
// A type without its fields here is a compile error.
import type { ComponentType } from 'react';
import type { WebAuthType } from '@shared/kinds/web-auth';
import { HmacAuthFields } from './HmacAuthFields';
import { JwtAuthFields } from './JwtAuthFields';
import { StaticAuthFields } from './StaticAuthFields';
import type { WebAuthFieldsProps } from './types';

export const WEB_AUTH_EDITORS = {
  static: StaticAuthFields,
  hmac: HmacAuthFields,
  jwt: JwtAuthFields,
} as const satisfies { readonly [T in WebAuthType]: ComponentType<WebAuthFieldsProps> };
