// What the capture journal holds: capture records (meta + raw body), tombstones and clear markers.
import type { CaptureDetail, CaptureKind, CaptureSummary, CapturedResponse, HeaderTuple } from '@shared/capture';
import { providerEvent } from '@shared/provider-event';
import { pathOf, withOptionalFields, type OptionalCaptureFields } from './capture-shapes';
import { selfSentBy } from '../http/self-sent';
import type { NewCapture } from '../ports';

/** a capture record; its `event` and `eventProvider` are found once at capture time (from a well-known header or body field) */
export interface CaptureMeta extends OptionalCaptureFields {
  t: 'c';
  id: string;
  seq: number;
  receivedAt: number;
  method: string;
  url: string;
  httpVersion: string;
  rawHeaders: HeaderTuple[];
  remoteAddress: string;
  remotePort: number;
  timings: { startedAt: number; headersMs: number; bodyMs: number };
  kind: CaptureKind;
  response: CapturedResponse;
  /** why the client did not get `response`; absent when it did */
  undelivered?: string;
  /** `response` as written: status line and headers, CRLFs included (absent in older records) */
  head?: string;
}

/** ids deleted by the user; `seqFloor` keeps seq increasing even if every capture is gone */
export interface TombstoneMeta {
  t: 'd';
  ids: string[];
  seqFloor: number;
}
/** everything before this record is cleared */
export interface ClearMeta {
  t: 'x';
  seqFloor: number;
}
/** a stored capture's answer did not reach the client (found out after the capture was stored) */
export interface UndeliveredMeta {
  t: 'u';
  id: string;
  note: string;
}

export type CaptureJournalMeta = CaptureMeta | TombstoneMeta | ClearMeta | UndeliveredMeta;

export function captureMeta(capture: NewCapture, seq: number): CaptureMeta {
  const { request, decision } = capture;
  const meta: CaptureMeta = {
    t: 'c',
    id: request.id,
    seq,
    receivedAt: request.receivedAt,
    method: request.method,
    url: request.url,
    httpVersion: request.httpVersion,
    rawHeaders: request.rawHeaders,
    remoteAddress: request.remoteAddress,
    remotePort: request.remotePort,
    timings: request.timings,
    kind: decision.kind,
    response: decision.response,
  };
  if (decision.triggerId !== undefined) meta.triggerId = decision.triggerId;
  if (decision.outcome !== undefined) meta.outcome = decision.outcome;
  if (capture.undelivered !== undefined) meta.undelivered = capture.undelivered;
  if (capture.responseHead) meta.head = capture.responseHead;
  const named = providerEvent(request.rawHeaders, request.body);
  if (named) {
    meta.event = named.event;
    meta.eventProvider = named.provider;
  }
  const sentBy = selfSentBy(request.remoteAddress, request.remotePort);
  if (sentBy) meta.sentBy = sentBy;
  return meta;
}

export function summaryOf(meta: CaptureMeta, bodySize: number): CaptureSummary {
  const contentType = headerValue(meta.rawHeaders, 'content-type');
  const summary: CaptureSummary = {
    id: meta.id,
    seq: meta.seq,
    receivedAt: meta.receivedAt,
    method: meta.method,
    url: meta.url,
    path: pathOf(meta.url),
    status: meta.response.status,
    bodySize,
    contentType,
    remoteAddress: meta.remoteAddress,
    kind: meta.kind,
  };
  return withOptionalFields(summary, meta);
}

export function detailOf(meta: CaptureMeta, body: Buffer, bodySize: number, truncated: boolean, undeliveredLater?: string): CaptureDetail {
  const note = meta.undelivered ?? undeliveredLater;
  return {
    ...summaryOf(meta, bodySize),
    httpVersion: meta.httpVersion,
    rawHeaders: meta.rawHeaders,
    remotePort: meta.remotePort,
    timings: meta.timings,
    bodyBase64: body.toString('base64'),
    bodyTruncated: truncated,
    response: meta.response,
    ...(meta.head !== undefined ? { responseHead: meta.head } : {}),
    delivery: note === undefined ? { delivered: true } : { delivered: false, note },
  };
}

function headerValue(headers: HeaderTuple[], lowerName: string): string | null {
  // only a name of the same length can match: most are never lower-cased
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i][0];
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return headers[i][1];
  }
  return null;
}
