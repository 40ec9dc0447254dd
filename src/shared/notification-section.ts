// Validates the `notifications` workspace section; every problem names its JSON path.
import { HMAC_ALGORITHMS, type HmacAlgorithm } from './trigger';
import {
  DEFAULT_DELIVERY, DEFAULT_PROJECT, NOTIFICATION_EVENT_TYPES, type ChannelSigning, type DeliverySettings, type HeaderRow,
  type NotificationChannel, type NotificationEventType, type NotificationProject, type NotificationRouting, type NotificationsSection,
} from './notifications';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function obj(value: unknown, path: string, allowed: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: must be an object`);
  const unknown = Object.keys(value).find((k) => !allowed.includes(k));
  if (unknown) throw new Error(`${path}.${unknown}: unknown field`);
  return value as Record<string, unknown>;
}
function str(value: unknown, path: string, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') throw new Error(`${path}: must be a string`);
  if (opts.nonEmpty && !value.trim()) throw new Error(`${path}: must not be empty`);
  return value;
}
function int(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${path}: must be a whole number from ${min} to ${max}`);
  }
  return value;
}
function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${path}: must be an array`);
  return value;
}
function url(value: unknown, path: string): string {
  const text = str(value, path, { nonEmpty: true });
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new Error(`${path}: is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${path}: must be an http or https URL`);
  return text;
}
const eventType = (value: unknown, path: string): NotificationEventType => {
  if (!NOTIFICATION_EVENT_TYPES.includes(value as NotificationEventType)) {
    throw new Error(`${path}: must be one of ${NOTIFICATION_EVENT_TYPES.join(', ')}`);
  }
  return value as NotificationEventType;
};

export function validateProject(value: unknown, path: string): NotificationProject {
  const o = obj(value, path, ['id', 'name', 'creatorId', 'creatorName', 'commitIdentifier', 'appBaseUrl']);
  return {
    id: o.id === undefined ? DEFAULT_PROJECT.id : str(o.id, `${path}.id`, { nonEmpty: true }),
    name: o.name === undefined ? DEFAULT_PROJECT.name : str(o.name, `${path}.name`, { nonEmpty: true }),
    creatorId: o.creatorId === undefined ? DEFAULT_PROJECT.creatorId : int(o.creatorId, `${path}.creatorId`, 0, Number.MAX_SAFE_INTEGER),
    creatorName: o.creatorName === undefined ? DEFAULT_PROJECT.creatorName : str(o.creatorName, `${path}.creatorName`),
    commitIdentifier: o.commitIdentifier == null ? null : str(o.commitIdentifier, `${path}.commitIdentifier`),
    appBaseUrl: o.appBaseUrl === undefined ? DEFAULT_PROJECT.appBaseUrl : url(o.appBaseUrl, `${path}.appBaseUrl`).replace(/\/+$/, ''),
  };
}

function headers(value: unknown, path: string): HeaderRow[] {
  return arr(value, path).map((row, i) => {
    const o = obj(row, `${path}[${i}]`, ['name', 'value']);
    const name = str(o.name, `${path}[${i}].name`, { nonEmpty: true });
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new Error(`${path}[${i}].name: is not a valid header name`);
    const v = str(o.value, `${path}[${i}].value`);
    if (/[\r\n]/.test(v)) throw new Error(`${path}[${i}].value: must be one line`);
    return { name, value: v };
  });
}

function signing(value: unknown, path: string): ChannelSigning | null {
  if (value === null || value === undefined) return null;
  const o = obj(value, path, ['header', 'prefix', 'algorithm', 'encoding', 'secret', 'format', 'timestampHeader']);
  const algorithm = (o.algorithm ?? 'sha256') as HmacAlgorithm;
  if (!HMAC_ALGORITHMS.includes(algorithm)) throw new Error(`${path}.algorithm: must be one of ${HMAC_ALGORITHMS.join(', ')}`);
  const encoding = o.encoding ?? 'hex';
  if (encoding !== 'hex' && encoding !== 'base64') throw new Error(`${path}.encoding: must be hex or base64`);
  return {
    header: str(o.header, `${path}.header`, { nonEmpty: true }),
    prefix: o.prefix === undefined ? '' : str(o.prefix, `${path}.prefix`),
    algorithm,
    encoding,
    secret: str(o.secret, `${path}.secret`, { nonEmpty: true }),
    format: o.format === undefined ? '{body}' : str(o.format, `${path}.format`, { nonEmpty: true }),
    timestampHeader: o.timestampHeader === undefined ? '' : str(o.timestampHeader, `${path}.timestampHeader`),
  };
}

export function validateChannel(value: unknown, path: string): NotificationChannel {
  const o = obj(value, path, ['id', 'name', 'type', 'url', 'headers', 'signing', 'triggerId', 'managed']);
  const id = str(o.id, `${path}.id`);
  if (!ID.test(id)) throw new Error(`${path}.id: must be 1-64 letters, digits, _ or -`);
  const name = str(o.name, `${path}.name`, { nonEmpty: true });
  const managed = o.managed === true ? { managed: true } : {};
  switch (o.type) {
    case 'slack':
      return { id, name, type: 'slack', url: url(o.url, `${path}.url`), ...managed };
    case 'custom':
      return {
        id, name, type: 'custom', url: url(o.url, `${path}.url`),
        headers: o.headers === undefined ? [] : headers(o.headers, `${path}.headers`),
        signing: signing(o.signing, `${path}.signing`), ...managed,
      };
    case 'trigger':
      return { id, name, type: 'trigger', triggerId: str(o.triggerId, `${path}.triggerId`, { nonEmpty: true }), ...managed };
    default:
      throw new Error(`${path}.type: must be slack, custom or trigger`);
  }
}

export function validateRouting(value: unknown, path: string): NotificationRouting {
  const o = obj(value, path, ['id', 'event', 'channelIds', 'filters', 'enabled']);
  const id = str(o.id, `${path}.id`);
  if (!ID.test(id)) throw new Error(`${path}.id: must be 1-64 letters, digits, _ or -`);
  const channelIds = arr(o.channelIds, `${path}.channelIds`).map((c, i) => str(c, `${path}.channelIds[${i}]`, { nonEmpty: true }));
  if (!channelIds.length) throw new Error(`${path}.channelIds: choose at least one channel`);
  const f = obj(o.filters ?? {}, `${path}.filters`, ['project', 'step', 'status']);
  const filters: NotificationRouting['filters'] = {};
  for (const key of ['project', 'step', 'status'] as const) {
    if (f[key] !== undefined && f[key] !== '') filters[key] = str(f[key], `${path}.filters.${key}`);
  }
  return { id, event: eventType(o.event, `${path}.event`), channelIds, filters, enabled: o.enabled !== false };
}

export function validateDelivery(value: unknown, path: string): DeliverySettings {
  const o = obj(value, path, ['timeoutMs', 'maxAttempts', 'baseDelayMs', 'maxDelayMs']);
  const pick = (k: keyof DeliverySettings, min: number, max: number) =>
    o[k] === undefined ? DEFAULT_DELIVERY[k] : int(o[k], `${path}.${k}`, min, max);
  const d = {
    timeoutMs: pick('timeoutMs', 10, 300_000),
    maxAttempts: pick('maxAttempts', 1, 20),
    baseDelayMs: pick('baseDelayMs', 0, 3_600_000),
    maxDelayMs: pick('maxDelayMs', 0, 24 * 3_600_000),
  };
  if (d.maxDelayMs < d.baseDelayMs) throw new Error(`${path}.maxDelayMs: must not be below baseDelayMs`);
  return d;
}

export function validateNotificationsSection(value: unknown, path: string): NotificationsSection {
  const o = obj(value, path, ['project', 'channels', 'routings', 'notificationTriggers', 'delivery']);
  const channels = arr(o.channels ?? [], `${path}.channels`).map((c, i) => validateChannel(c, `${path}.channels[${i}]`));
  const ids = new Set<string>();
  channels.forEach((c, i) => {
    if (ids.has(c.id)) throw new Error(`${path}.channels[${i}].id: ${JSON.stringify(c.id)} is used twice`);
    ids.add(c.id);
  });
  const routings = arr(o.routings ?? [], `${path}.routings`).map((r, i) => validateRouting(r, `${path}.routings[${i}]`));
  const notificationTriggers = arr(o.notificationTriggers ?? [], `${path}.notificationTriggers`).map((t, i) =>
    str(t, `${path}.notificationTriggers[${i}]`, { nonEmpty: true }),
  );
  return {
    project: validateProject(o.project ?? {}, `${path}.project`),
    channels,
    routings,
    notificationTriggers: [...new Set(notificationTriggers)],
    delivery: validateDelivery(o.delivery ?? {}, `${path}.delivery`),
  };
}
