// The exact request one attempt sends: URL, headers (with {env:} resolved now and the HMAC
// signature computed over the rendered basestring) and body; plus the same headers masked.
import { version } from '../../../../package.json';
import type { ChannelSigning, ChannelType, DeliveryTarget, HeaderRow, NotificationChannel, NotificationPayload } from '@shared/notifications';
import type { ChannelOf } from '@shared/kinds/channels';
import type { EnvVariable } from '@shared/trigger';
import { renderBasestring } from '@shared/triggers/basestring';
import { envReferences, maskSecret, redactText, resolveSecret, secretValues } from '@shared/triggers/secrets';
import { computeHmac, encodeDigest } from '../crypto/hmac';
import { slackMessage } from './slack-message';
import { errorMessage } from '@shared/error-message';

export const DELIVERY_HEADER = 'X-Hookbench-Delivery';
export const ATTEMPT_HEADER = 'X-Hookbench-Attempt';
export const EVENT_HEADER = 'X-Hookbench-Event';
export const REDELIVERY_HEADER = 'X-Hookbench-Redelivery-Of';

/** A problem with the channel's configuration (missing env variable...): retrying cannot help. */
export class ConfigError extends Error {}

/** Something local is not up yet (the receiver): worth retrying. */
export class NotReadyError extends Error {}

export interface BuiltRequest {
  url: string;
  headers: Array<[string, string]>;
  /** for the log: env-resolved values masked */
  maskedHeaders: Array<[string, string]>;
  body: Buffer;
}

export interface AttemptContext {
  deliveryId: string;
  attempt: number;
  eventType: string;
  env: readonly EnvVariable[];
  /** e.g. http://127.0.0.1:7780; null when the receiver is not running */
  receiverUrl: string | null;
  nowMs: number;
  /** a manual redelivery gets its own id (so deduping receivers process it) and names the original */
  redeliveryOf?: string;
}

/** The body a channel posts for a payload; fixed per delivery so every attempt sends the same bytes. */
export function channelBody(channelType: DeliveryTarget['channelType'], payload: NotificationPayload): string {
  return channelType === 'slack' ? JSON.stringify(slackMessage(payload)) : JSON.stringify(payload);
}

export function triggerLaunchUrl(receiverUrl: string | null, triggerId: string): string {
  if (!receiverUrl) throw new NotReadyError('the local receiver is not running, so the trigger cannot be launched');
  return `${receiverUrl.replace(/\/+$/, '')}/api/v0/launch/${encodeURIComponent(triggerId)}/`;
}

/** Where each channel type posts, keyed by the ids of shared/kinds/channels. */
const CHANNEL_URLS = {
  slack: (c) => c.url,
  custom: (c) => c.url,
  trigger: (c, receiverUrl) => triggerLaunchUrl(receiverUrl, c.triggerId),
} as const satisfies { readonly [T in ChannelType]: (channel: ChannelOf<T>, receiverUrl: string | null) => string };

export function targetUrl(channel: NotificationChannel, receiverUrl: string | null): string {
  return (CHANNEL_URLS[channel.type] as (c: NotificationChannel, r: string | null) => string)(channel, receiverUrl);
}

function resolveHeader(row: HeaderRow, env: readonly EnvVariable[]): { value: string; masked: string } {
  const resolved = resolveSecret(row.value, env);
  if (!resolved.ok) throw new ConfigError(`header ${row.name}: ${resolved.reason.replace(/^secret key/, 'value')}`);
  if (!envReferences(row.value).length) return { value: resolved.value, masked: redactText(resolved.value, secretValues(env)) };
  const masked = row.value.replace(/\{env:([^{}]*)\}/g, (_m, name: string) => maskSecret(env.find((v) => v.name === name)?.value ?? ''));
  return { value: resolved.value, masked };
}

function sign(
  signing: ChannelSigning,
  url: string,
  headers: Array<[string, string]>,
  body: Buffer,
  env: readonly EnvVariable[],
  nowMs: number,
): Array<[string, string]> {
  const added: Array<[string, string]> = [];
  if (signing.timestampHeader) added.push([signing.timestampHeader, String(Math.floor(nowMs / 1000))]);
  const secret = resolveSecret(signing.secret, env);
  if (!secret.ok) throw new ConfigError(`signing: ${secret.reason}`);
  if (!secret.value) throw new ConfigError('signing: the secret is empty');
  const parsed = new URL(url);
  const rendered = renderBasestring(signing.format, {
    method: 'POST',
    url: parsed.pathname + parsed.search,
    rawHeaders: [...headers, ...added],
    body,
  });
  if (rendered.missing.length) throw new ConfigError(`signing: the basestring format needs ${rendered.missing.join(', ')}, which the request does not have`);
  let digest: Buffer;
  try {
    digest = computeHmac(signing.algorithm, Buffer.from(secret.value, 'utf8'), rendered.bytes);
  } catch (error) {
    throw new ConfigError(`signing: ${errorMessage(error)}`);
  }
  added.push([signing.header, `${signing.prefix}${encodeDigest(digest, signing.encoding)}`]);
  return added;
}

/** Builds the request for one attempt. Throws ConfigError when the channel cannot be sent to. */
export function buildRequest(target: DeliveryTarget, channel: NotificationChannel | null, body: string, ctx: AttemptContext): BuiltRequest {
  const url = channel ? targetUrl(channel, ctx.receiverUrl) : target.url;
  const bytes = Buffer.from(body, 'utf8');
  const base: Array<[string, string]> = [
    ['Content-Type', 'application/json'],
    ['User-Agent', `Hookbench-Notifier/${version}`],
    [DELIVERY_HEADER, ctx.deliveryId],
    [ATTEMPT_HEADER, String(ctx.attempt)],
    [EVENT_HEADER, ctx.eventType],
    ...(ctx.redeliveryOf ? [[REDELIVERY_HEADER, ctx.redeliveryOf] as [string, string]] : []),
  ];
  const headers: Array<[string, string]> = [...base];
  const masked: Array<[string, string]> = [...base];
  const rows = channel?.type === 'custom' ? channel.headers : channel ? [] : (target.headers ?? []);
  for (const row of rows) {
    const { value, masked: shown } = resolveHeader(row, ctx.env);
    // a custom header replaces a default of the same name (e.g. Content-Type)
    for (const list of [headers, masked]) {
      const at = list.findIndex(([n]) => n.toLowerCase() === row.name.toLowerCase());
      if (at >= 0) list.splice(at, 1);
    }
    headers.push([row.name, value]);
    masked.push([row.name, shown]);
  }
  if (channel?.type === 'custom' && channel.signing) {
    const added = sign(channel.signing, url, headers, bytes, ctx.env, ctx.nowMs);
    headers.push(...added);
    masked.push(...added);
  }
  return { url, headers, maskedHeaders: masked, body: bytes };
}
