// Signing profiles and the sender's data: what the composer edits, the engine signs and sends,
// and the history keeps. Serialisable data only; shared by the engine, the CLI and the renderer.
import type { HeaderTuple } from '../capture';
import type { JwtAlgorithm } from '../trigger';
import type { RunResultEntry, TriggerRunStatus } from '../trigger-log';

/** Where a token goes: a header, a query parameter, a form field or a top-level JSON key. */
export interface TokenPlacement {
  namespace: 'header' | 'query' | 'form' | 'json';
  key: string;
  /** written before the token, e.g. "sha256=" or "Bearer " */
  prefix?: string;
}

export type SignHmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export const SIGN_HMAC_ALGORITHMS: readonly SignHmacAlgorithm[] = ['sha1', 'sha256', 'sha512'];

/** A timestamp the signer writes on every send (and every poll), so web-timestamp conditions pass. */
export interface TimestampSpec {
  namespace: 'header' | 'query';
  key: string;
  unit: 's' | 'ms';
}

interface ProfileBase {
  id: string;
  name: string;
  /** secret text, a PEM, or a JWK; may hold {env:NAME} references */
  secret: string;
}

export interface StaticProfile extends ProfileBase {
  kind: 'static';
  placement: TokenPlacement;
}

export interface HmacProfile extends ProfileBase {
  kind: 'hmac';
  placement: TokenPlacement;
  algorithm: SignHmacAlgorithm;
  encoding: 'hex' | 'base64';
  /** basestring format: {body}, {header:X}, {method}, {url}, {query:x} and literal text */
  format: string;
  timestamp?: TimestampSpec;
}

export interface JwtClaimsTemplate {
  /** write iat = now */
  iat?: boolean;
  /** exp = now + seconds */
  expSeconds?: number;
  /** nbf = now + seconds (negative: in the past) */
  nbfSeconds?: number;
  custom?: Record<string, unknown>;
}

export interface JwtProfile extends ProfileBase {
  kind: 'jwt';
  placement: TokenPlacement;
  algorithm: JwtAlgorithm;
  claims: JwtClaimsTemplate;
  /** optional key id written in the JOSE header */
  kid?: string;
}

/** Schemes a trigger cannot check, for replaying into people's own apps. */
export type ProviderScheme = 'stripe' | 'standard-webhooks' | 'twilio';
export interface ProviderProfile extends ProfileBase {
  kind: 'provider';
  scheme: ProviderScheme;
}

export type SigningProfile = StaticProfile | HmacProfile | JwtProfile | ProviderProfile;

/** What is signed: exactly the bytes and header tuples that go out. */
export interface OutgoingRequest {
  method: string;
  /** absolute URL */
  url: string;
  headers: HeaderTuple[];
  body: Uint8Array;
}

/** Deliberate breakage for the negative matrix. */
export interface SignTweaks {
  /** seconds added to the timestamp (stale: negative, future: positive) */
  timestampOffsetSec?: number;
  /** sign with this secret instead of the profile's */
  wrongSecret?: string;
  /** leave the signature out entirely */
  omitSignature?: boolean;
  /** replace the placement prefix */
  prefix?: string;
  /** HMAC: sign with another hash; JWT: another algorithm of the same family */
  algorithm?: string;
  /** JWT: exp already in the past */
  expired?: boolean;
  /** change the body after signing */
  tamperBody?: boolean;
}

export interface SignResult {
  request: OutgoingRequest;
  /** the bytes that were signed, when the scheme signs a basestring */
  basestring?: Uint8Array;
  /** the token as written (after the prefix), or the signature header value */
  signature?: string;
  /** headers the signer added or replaced: [name, old value or null, new value] */
  changed: HeaderChange[];
  notes: string[];
}

export interface HeaderChange {
  name: string;
  before: string | null;
  after: string | null;
}

// ---------- the sender ----------

/** What the composer holds; the body travels as base64 so any bytes survive both transports. */
export interface SendDraft {
  url: string;
  method: string;
  headers: HeaderTuple[];
  bodyBase64: string;
  /** a saved profile */
  profileId?: string;
  /** or an unsaved one (its secret may be SECRET_PLACEHOLDER when it was loaded from a saved profile) */
  profile?: SigningProfile;
  timeoutMs?: number;
}

export interface SendPreview {
  method: string;
  url: string;
  headers: HeaderTuple[];
  bodyBase64: string;
  /** the signed basestring as text (lossy for binary) and its length */
  basestring?: { text: string; byteLength: number };
  signature?: string;
  changed: HeaderChange[];
  notes: string[];
}

export interface SendTimings {
  /** ms for each phase; absent when the phase did not happen (no DNS for an IP, no TLS for http) */
  dns?: number;
  connect?: number;
  tls?: number;
  firstByte?: number;
  total: number;
}

export type SendErrorKind = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset' | 'invalid-url' | 'other';
export interface SendError {
  kind: SendErrorKind;
  code?: string;
  message: string;
}

export interface SentResponse {
  status: number;
  statusText: string;
  headers: HeaderTuple[];
  bodyBase64: string;
  bodySize: number;
  bodyTruncated: boolean;
}

export interface SentRecord {
  id: string;
  at: number;
  request: { method: string; url: string; headers: HeaderTuple[]; bodyBase64: string };
  profileId?: string;
  profileName?: string;
  /** a replay: the capture it came from */
  captureId?: string;
  resigned?: boolean;
  changed?: HeaderChange[];
  response?: SentResponse;
  error?: SendError;
  timings: SendTimings;
  /** where it came from: composer, replay, bulk, matrix, cli, har */
  source: 'composer' | 'replay' | 'bulk' | 'matrix' | 'cli' | 'har';
  /** the run the response named, when one was found */
  runId?: string;
  /** tracking was asked for but did not start: why (no run id in the response, an error status…) */
  trackNote?: string;
}

export interface HistoryQuery {
  text?: string;
  limit?: number;
  beforeAt?: number;
}

// ---------- run tracking ----------

export interface TrackOptions {
  /** a JSON path (dotted) to the run id in the response; default: any string that looks like one */
  jsonPath?: string;
  /** ms; tests make these small */
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export interface TimelineEntry {
  at: number;
  status: TriggerRunStatus | 'unreachable' | 'rejected';
  httpStatus?: number;
  result: RunResultEntry[];
  note?: string;
}

export type TrackState = 'polling' | 'settled' | 'timed-out' | 'stopped' | 'failed';

export interface TrackedRun {
  id: string;
  sentId: string;
  runId: string;
  runInfoUrl: string;
  profileId?: string;
  /** a snapshot of the profile, so a restart can resume with the same signing */
  profile?: SigningProfile;
  state: TrackState;
  /** last known run status */
  status: TriggerRunStatus | null;
  timeline: TimelineEntry[];
  startedAt: number;
  updatedAt: number;
  nextPollAt?: number;
  delayMs: number;
  options: Required<Omit<TrackOptions, 'jsonPath'>>;
}

// ---------- replay, bulk, matrix ----------

export interface ReplayRequest {
  captureId: string;
  /** absolute URL; default: the local receiver at the capture's path */
  to?: string;
  /** re-sign with a profile (fresh timestamp, new signature); otherwise exact bytes and headers */
  profileId?: string;
  profile?: SigningProfile;
  /** edits before re-signing */
  headers?: HeaderTuple[];
  bodyBase64?: string;
  method?: string;
  track?: boolean | TrackOptions;
}

export interface BulkReplayRequest {
  captureIds: string[];
  to?: string;
  profileId?: string;
  profile?: SigningProfile;
  concurrency?: number;
}

export interface BulkProgress {
  bulkId: string;
  total: number;
  done: number;
  ok: number;
  failed: number;
  cancelled: boolean;
  finished: boolean;
  /** the last record sent */
  lastSentId?: string;
}

export type MatrixExpectation = 'accepted' | 'rejected';
export interface MatrixRow {
  variant: string;
  description: string;
  expected: MatrixExpectation;
  actual: MatrixExpectation | 'error';
  status?: number;
  error?: string;
  pass: boolean;
  sentId?: string;
}

export interface GeneratedKeys {
  algorithm: JwtAlgorithm;
  privatePem: string;
  publicPem: string;
  publicJwk: string;
}
