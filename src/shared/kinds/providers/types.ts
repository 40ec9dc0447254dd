// What the catalogue knows about one provider (providers/<id>.ts): where its signature goes,
// what it signs and how, the header naming its event, the workspace variable its secret lives
// in, and, for the three schemes a plain HMAC profile cannot express, the curl recipe and the
// negative-matrix traits. The signing presets and the trigger presets are both built from it.
import type { OutgoingRequest, ProviderScheme } from '../../signing/types';

export interface ProviderBase<Id extends string> {
  id: Id;
  label: string;
  /** what the user puts in the secret field */
  secretHint: string;
  /** the workspace variable a trigger preset reads the secret from ({env:NAME}); never shared by two providers */
  secretEnv: string;
  /** the header that names the event, when the provider sends one */
  eventHeader?: string;
  /** offered as a Sender signing preset (and a CLI --scheme) */
  sender: boolean;
}

/** A provider that signs like a plain HMAC profile (and a trigger can check). */
export interface HmacProvider<Id extends string> extends ProviderBase<Id> {
  scheme: 'hmac';
  /** the header carrying the signature */
  header: string;
  /** text before the digest in the header ("sha256=", "v0="), or "" */
  prefix: string;
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  /** what is signed, in trigger basestring syntax ({body}, {header:Name}) */
  basestring: string;
  /** the signed timestamp header and how old it may be */
  timestamp?: { header: string; toleranceSeconds: number };
  /** offered as a "New trigger" preset, with these words */
  trigger?: { name: string; title: string; description: string };
}

/** Shell lines computing $SIG (and $TS, $ID), and the request with sentinels where they go. */
export type CurlRecipe = (request: OutgoingRequest, template: OutgoingRequest) => { lines: string[]; template: OutgoingRequest };

/** A provider with its own scheme (the signing code is shared/signing/providers.ts). */
export interface SchemeProvider<Id extends string, S extends ProviderScheme = ProviderScheme> extends ProviderBase<Id> {
  scheme: S;
  /** the header carrying the signature */
  header: string;
  /** the default HMAC algorithm and the signature's encoding */
  algorithm: 'sha1' | 'sha256';
  encoding: 'hex' | 'base64';
  /** what is signed, in words */
  basestring: string;
  curl: CurlRecipe;
  /** negative matrix: whether a timestamp is signed (stale/future variants), and a wrong secret of the right shape */
  matrix: { signsTimestamp: boolean; wrongSecret?: string };
}

export type Provider<Id extends string = string> = HmacProvider<Id> | SchemeProvider<Id>;
