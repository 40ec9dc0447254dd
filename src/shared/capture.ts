// Captured requests: what the receiver stores, byte for byte, and the summaries lists show.

/** A raw header as it arrived: name in its original case, duplicates kept, in order. */
export type HeaderTuple = [name: string, value: string];

/** Where a request landed. */
export type CaptureKind = 'inbox' | 'launch' | 'run-info';

export interface CaptureTimings {
  /** epoch ms when the request's first bytes were seen */
  startedAt: number;
  /** ms from start until the headers were parsed */
  headersMs: number;
  /** ms from start until the last body byte arrived */
  bodyMs: number;
}

/** Which part of Hookbench sent a request to its own receiver (marked on inbox rows). */
export type SentBy = 'notification' | 'run-info-poll' | 'sender';

/** Everything a list row needs; small enough to keep 100k in memory. */
export interface CaptureSummary {
  id: string;
  /** strictly increasing across the store's life; newest has the largest */
  seq: number;
  receivedAt: number;
  method: string;
  /** the raw request target, exactly as sent (path and query) */
  url: string;
  path: string;
  status: number;
  bodySize: number;
  contentType: string | null;
  remoteAddress: string;
  kind: CaptureKind;
  triggerId?: string;
  /** for launch/run-info captures: the verdict in one word */
  outcome?: TriggerOutcome;
  /** the event a well-known header or body field names ("push", "invoice.paid", "/predict") */
  event?: string;
  /** who names it: "GitHub", "Stripe", "Slack"… */
  eventProvider?: string;
  /** set when Hookbench itself sent the request (notifications, run-info polls, the Sender) */
  sentBy?: SentBy;
}

export interface CapturedResponse {
  status: number;
  headers: HeaderTuple[];
  /** the response body as text (responses are always small text or JSON here) */
  body: string;
}

export interface CaptureDetail extends CaptureSummary {
  httpVersion: string;
  rawHeaders: HeaderTuple[];
  remotePort: number;
  timings: CaptureTimings;
  /** base64 of the body bytes (all of them, or the first `bodyPreviewLimit` when truncated) */
  bodyBase64: string;
  bodyTruncated: boolean;
  response: CapturedResponse;
  /**
   * The status line and header block exactly as the receiver wrote them (Date, Connection,
   * Keep-Alive, Content-Length… included), ending in the blank line. Absent on captures stored
   * before it was recorded.
   */
  responseHead?: string;
  /** whether the client got `response`: false when the connection failed before the answer went out */
  delivery: CaptureDelivery;
}

/**
 * `delivered: true` means the answer was written to the connection and handed to the network
 * (or the process died between storing the request and answering it).
 */
export type CaptureDelivery = { delivered: true } | { delivered: false; note: string };

export type TriggerOutcome = 'launched' | 'rejected' | 'run-info' | 'not-found' | 'method-not-allowed' | 'too-large';

export interface CaptureFilter {
  /**
   * free text: matched against method, URL, header names/values and the body text (ASCII
   * letters case-insensitive, other characters exactly)
   */
  text?: string;
  methods?: string[];
  /** substring of the path */
  path?: string;
  /** substring matched against "name: value" of every header */
  header?: string;
  /** substring of the body text (utf-8) */
  body?: string;
  kind?: CaptureKind;
  triggerId?: string;
}

export interface CaptureQuery {
  filter?: CaptureFilter;
  /** only captures with seq < beforeSeq (paging towards older; anchors offsets) */
  beforeSeq?: number;
  /** skip this many of the matches (newest first, after beforeSeq); jumps deep into a long list */
  offset?: number;
  limit?: number;
}

export interface CapturePage {
  items: CaptureSummary[];
  /** how many captures match the filter in total */
  total: number;
}
