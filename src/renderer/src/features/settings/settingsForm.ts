// The settings form as plain data: text drafts, validation messages per field, and the patch
// of what changed. Kept out of React so it is testable and the page stays a thin view.
import type { Settings, SettingsPatch } from '@shared/settings';
import { parseSize, sizeToInput } from './sizeInput';

export interface SettingsDraft {
  host: string;
  port: string;
  maxConnections: string;
  bodyLimit: string;
  maxCaptures: string;
  maxBytes: string;
  status: string;
  contentType: string;
  body: string;
}

export type DraftField = keyof SettingsDraft;
export type FieldErrors = Partial<Record<DraftField, string>>;

/** Where each field lives in Settings, for mapping the engine's error paths back to inputs. */
export const FIELD_PATHS: Record<DraftField, string> = {
  host: 'receiver.host',
  port: 'receiver.port',
  maxConnections: 'receiver.maxConnections',
  bodyLimit: 'bodyLimitBytes',
  maxCaptures: 'retention.maxCaptures',
  maxBytes: 'retention.maxBytes',
  status: 'inboxResponse.status',
  contentType: 'inboxResponse.contentType',
  body: 'inboxResponse.body',
};

export function toDraft(settings: Settings): SettingsDraft {
  return {
    host: settings.receiver.host,
    port: String(settings.receiver.port),
    maxConnections: String(settings.receiver.maxConnections),
    bodyLimit: sizeToInput(settings.bodyLimitBytes),
    maxCaptures: String(settings.retention.maxCaptures),
    maxBytes: sizeToInput(settings.retention.maxBytes),
    status: String(settings.inboxResponse.status),
    contentType: settings.inboxResponse.contentType,
    body: settings.inboxResponse.body,
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const isLoopbackHost = (host: string) => LOOPBACK.has(host.trim().toLowerCase());

function integerIn(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function validateDraft(draft: SettingsDraft): FieldErrors {
  const errors: FieldErrors = {};
  const host = draft.host.trim();
  if (!host) errors.host = 'Enter an address to listen on, e.g. 127.0.0.1';
  else if (/[\s/]/.test(host)) errors.host = 'An IP address or host name, without scheme or path';
  if (integerIn(draft.port, 1, 65535) === null) errors.port = 'A whole number from 1 to 65535';
  if (integerIn(draft.maxConnections, 1, 100_000) === null) errors.maxConnections = 'A whole number from 1 to 100000';
  const bodyLimit = parseSize(draft.bodyLimit);
  if (bodyLimit === null || bodyLimit < 1) errors.bodyLimit = 'A size such as 25 MB or 1048576 (bytes)';
  if (integerIn(draft.maxCaptures, 1, Number.MAX_SAFE_INTEGER) === null) errors.maxCaptures = 'A whole number of at least 1';
  const maxBytes = parseSize(draft.maxBytes);
  if (maxBytes === null || maxBytes < 1) errors.maxBytes = 'A size such as 2 GB';
  if (integerIn(draft.status, 100, 599) === null) errors.status = 'An HTTP status from 100 to 599';
  if (!draft.contentType.trim()) errors.contentType = 'A media type, e.g. text/plain; charset=utf-8';
  return errors;
}

/** Only what differs from the current settings; call after validateDraft found nothing. */
export function draftToPatch(draft: SettingsDraft, current: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  const host = draft.host.trim();
  const port = Number(draft.port);
  const maxConnections = Number(draft.maxConnections);
  if (host !== current.receiver.host || port !== current.receiver.port || maxConnections !== current.receiver.maxConnections) {
    patch.receiver = {};
    if (host !== current.receiver.host) patch.receiver.host = host;
    if (port !== current.receiver.port) patch.receiver.port = port;
    if (maxConnections !== current.receiver.maxConnections) patch.receiver.maxConnections = maxConnections;
  }
  const bodyLimit = parseSize(draft.bodyLimit)!;
  if (bodyLimit !== current.bodyLimitBytes) patch.bodyLimitBytes = bodyLimit;
  const maxCaptures = Number(draft.maxCaptures);
  const maxBytes = parseSize(draft.maxBytes)!;
  if (maxCaptures !== current.retention.maxCaptures || maxBytes !== current.retention.maxBytes) {
    patch.retention = {};
    if (maxCaptures !== current.retention.maxCaptures) patch.retention.maxCaptures = maxCaptures;
    if (maxBytes !== current.retention.maxBytes) patch.retention.maxBytes = maxBytes;
  }
  const response = { status: Number(draft.status), contentType: draft.contentType.trim(), body: draft.body };
  const changed = (Object.keys(response) as (keyof typeof response)[]).filter((key) => response[key] !== current.inboxResponse[key]);
  if (changed.length) patch.inboxResponse = Object.fromEntries(changed.map((key) => [key, response[key]]));
  return patch;
}

/** The input an engine error path points at ("receiver.port" → port), if any. */
export function fieldForPath(path: string | undefined): DraftField | null {
  if (!path) return null;
  const clean = path.replace(/^\$\.?|^\//, '').replace(/\//g, '.');
  const entry = Object.entries(FIELD_PATHS).find(([, fieldPath]) => clean === fieldPath || clean.startsWith(`${fieldPath}.`));
  return entry ? (entry[0] as DraftField) : null;
}
