// The provider catalogue: every provider Hookbench knows, one module each, in the order the
// Sender offers them. Signing presets (shared/signing/presets.ts) and trigger presets
// (shared/triggers/presets.ts) are built from it, and the curl export looks a scheme's recipe
// up here: a scheme without its provider module is a compile error.
import type { ProviderScheme } from '../../signing/types';
import { github } from './github';
import { intercom } from './intercom';
import { jira } from './jira';
import { linear } from './linear';
import { pagerduty } from './pagerduty';
import { shopify } from './shopify';
import { slack } from './slack';
import { standardWebhooks } from './standard-webhooks';
import { stripe } from './stripe';
import { twilio } from './twilio';
import type { HmacProvider, Provider, SchemeProvider } from './types';
import { zoom } from './zoom';

export type { CurlRecipe, HmacProvider, Provider, SchemeProvider } from './types';

export const PROVIDERS = {
  github,
  slack,
  stripe,
  'standard-webhooks': standardWebhooks,
  shopify,
  twilio,
  linear,
  zoom,
  pagerduty,
  intercom,
  jira,
} as const satisfies { readonly [Id in string]: Provider<Id> };

export type ProviderId = keyof typeof PROVIDERS;
type Catalogue = typeof PROVIDERS;

/** Providers a trigger preset exists for (an HMAC provider with trigger words). */
export type TriggerProviderId = { [Id in ProviderId]: Catalogue[Id] extends { trigger: object } ? Id : never }[ProviderId];

/** The provider of each scheme a plain HMAC profile cannot express, keyed by scheme. */
export const SCHEME_PROVIDERS = {
  stripe,
  'standard-webhooks': standardWebhooks,
  twilio,
} as const satisfies { readonly [S in ProviderScheme]: SchemeProvider<string, S> };

export const PROVIDER_LIST: readonly Provider[] = Object.values(PROVIDERS);

export const isHmacProvider = (p: Provider): p is HmacProvider<string> => p.scheme === 'hmac';
