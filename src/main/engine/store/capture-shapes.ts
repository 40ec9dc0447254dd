// What captures share: method, address, kind, status, trigger, outcome, event and sender. A
// capture row holds the id of its shape (a few distinct shapes cover a million captures);
// filters on kind, trigger or method are decided once per shape.
import type { CaptureKind, CaptureSummary, SentBy, TriggerOutcome } from '@shared/capture';
import { StringTable } from './string-intern';

/** the summary fields a capture may or may not have (the journal's meta carries the same) */
export type OptionalCaptureFields = Pick<CaptureSummary, 'triggerId' | 'outcome' | 'event' | 'eventProvider' | 'sentBy'>;

export interface CaptureShape extends Pick<CaptureSummary, 'method' | 'status' | 'remoteAddress' | 'kind'>, OptionalCaptureFields {
  /** method.toLowerCase(), for free text */
  lowerMethod: string;
  upperMethod: string;
}

/** a request target's path: everything before the query */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

type ShapeKey = [string, number, string, CaptureKind, string | null, TriggerOutcome | null, string | null, string | null, SentBy | null];

export function shapeKey(s: CaptureSummary): string {
  const key: ShapeKey = [
    s.method,
    s.status,
    s.remoteAddress,
    s.kind,
    s.triggerId ?? null,
    s.outcome ?? null,
    s.event ?? null,
    s.eventProvider ?? null,
    s.sentBy ?? null,
  ];
  return JSON.stringify(key);
}

export function shapeOf(key: string): CaptureShape {
  const parsed = JSON.parse(key) as unknown;
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 9 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'number' ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string'
  )
    throw new Error('bad capture shape');
  const [method, status, remoteAddress, kind, triggerId, outcome, event, eventProvider, sentBy] = parsed as ShapeKey;
  const shape: CaptureShape = { method, lowerMethod: method.toLowerCase(), upperMethod: method.toUpperCase(), status, remoteAddress, kind };
  if (triggerId !== null) shape.triggerId = triggerId;
  if (outcome !== null) shape.outcome = outcome;
  if (event !== null) shape.event = event;
  if (eventProvider !== null) shape.eventProvider = eventProvider;
  if (sentBy !== null) shape.sentBy = sentBy;
  return shape;
}

export const newShapeTable = () => new StringTable<CaptureShape>(shapeOf);
/** content types: id 0 is "none" */
export const newContentTypeTable = () => {
  const table = new StringTable<string | null>((key) => (key === '' ? null : key.slice(1)));
  table.ref('');
  return table;
};
export const contentTypeKey = (contentType: string | null) => (contentType === null ? '' : `=${contentType}`);

export function summaryFrom(
  shape: CaptureShape,
  id: string,
  seq: number,
  receivedAt: number,
  url: string,
  bodySize: number,
  contentType: string | null,
): CaptureSummary {
  const summary: CaptureSummary = {
    id,
    seq,
    receivedAt,
    method: shape.method,
    url,
    path: pathOf(url),
    status: shape.status,
    bodySize,
    contentType,
    remoteAddress: shape.remoteAddress,
    kind: shape.kind,
  };
  return withOptionalFields(summary, shape);
}

/** the optional fields `from` has, set on `summary` in the summary's key order (absent ones stay absent) */
export function withOptionalFields(summary: CaptureSummary, from: OptionalCaptureFields): CaptureSummary {
  if (from.triggerId !== undefined) summary.triggerId = from.triggerId;
  if (from.outcome !== undefined) summary.outcome = from.outcome;
  if (from.event !== undefined) summary.event = from.event;
  if (from.eventProvider !== undefined) summary.eventProvider = from.eventProvider;
  if (from.sentBy !== undefined) summary.sentBy = from.sentBy;
  return summary;
}
