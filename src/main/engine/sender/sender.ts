// The sender: preview, send, replay, history and run tracking over the pure signer.
import { randomUUID } from 'node:crypto';
import { ApiError } from '@shared/api-error';
import type { CaptureDetail } from '@shared/capture';
import type { EngineEvent } from '@shared/events';
import { findRunId, runInfoUrl } from '@shared/signing/run-id-detect';
import { signRequest, type SignContext } from '@shared/signing/sign';
import type {
  OutgoingRequest,
  SendDraft,
  SendPreview,
  SentRecord,
  SigningProfile,
  SignResult,
  SignTweaks,
  TrackOptions,
  TrackedRun,
} from '@shared/signing/types';
import type { EnvSource } from '@shared/triggers/secrets';
import { SECRET_PLACEHOLDER, type Trigger } from '@shared/trigger';
import { decodeUtf8Lenient } from '@shared/triggers/bytes';
import type { CaptureStore } from '../ports';
import type { SenderHistory } from './history-store';
import { sendHttp, type HttpResult } from '../http/outgoing';
import { maskSigned, maskTrack, secretsOf } from './mask-sent';
import { withStoredSecret } from './profiles';
import { createTracker, type Tracker } from './tracker';
import { errorMessage } from '@shared/error-message';

export interface SenderDeps {
  history: SenderHistory;
  env(): EnvSource;
  profiles(): readonly SigningProfile[];
  /** for profiles built from a trigger whose literal secret the renderer never saw */
  triggers?(): readonly Trigger[];
  /** the local receiver, e.g. http://127.0.0.1:7780 ('' when it is not running) */
  receiverUrl(): string;
  captures?: CaptureStore;
  emit?(event: EngineEvent): void;
  now?: () => number;
}

export interface SendOptions {
  source?: SentRecord['source'];
  captureId?: string;
  resigned?: boolean;
  tweaks?: SignTweaks;
  /** start tracking when the response names a run */
  track?: boolean | TrackOptions;
  /** keep out of the history (matrix variants keep theirs; polls never do) */
  record?: boolean;
}

/** Input the sender cannot use: an ApiError of code 'invalid' naming the field when there is one. */
export class SenderInputError extends ApiError {
  constructor(message: string, path?: string) {
    super('invalid', message, path);
    this.name = 'SenderInputError';
  }
}

export const draftRequest = (d: SendDraft): OutgoingRequest => ({
  method: (d.method || 'POST').toUpperCase(),
  url: d.url,
  headers: d.headers.map(([n, v]) => [n, v]),
  body: new Uint8Array(Buffer.from(d.bodyBase64 ?? '', 'base64')),
});

export type Sender = ReturnType<typeof createSender>;

export function createSender(deps: SenderDeps) {
  const now = deps.now ?? Date.now;
  const emit = (e: EngineEvent) => deps.emit?.(e);

  function resolveProfile(ref: { profileId?: string; profile?: SigningProfile }): SigningProfile | null {
    const stored = deps.profiles();
    if (ref.profile) {
      const profile = withStoredSecret(ref.profile, stored, deps.triggers?.() ?? []);
      if (profile.secret === SECRET_PLACEHOLDER)
        throw new SenderInputError(`profile "${profile.name}" has a hidden secret that is not stored: type the secret again`, 'profile.secret');
      return profile;
    }
    if (!ref.profileId) return null;
    const found = stored.find((p) => p.id === ref.profileId);
    if (!found) throw new SenderInputError(`no signing profile has id ${JSON.stringify(ref.profileId)}`, 'profileId');
    return found;
  }

  const signCtx = (tweaks?: SignTweaks): SignContext => ({ env: deps.env(), now: now(), tweaks });

  async function sign(profile: SigningProfile | null, request: OutgoingRequest, tweaks?: SignTweaks): Promise<SignResult> {
    try {
      new URL(request.url);
    } catch {
      throw new SenderInputError(`invalid URL ${JSON.stringify(request.url)}`, 'url');
    }
    try {
      return await signRequest(profile, request, signCtx(tweaks));
    } catch (err) {
      throw new SenderInputError(errorMessage(err), 'profile');
    }
  }

  const tracker: Tracker = createTracker({
    history: deps.history,
    now,
    async send(request, profile) {
      const signed = await signRequest(profile, request, signCtx());
      return sendHttp({ ...signed.request, timeoutMs: 15_000, origin: 'run-info-poll' });
    },
    profileFor: (t) => (t.profileId ? deps.profiles().find((p) => p.id === t.profileId) : undefined) ?? t.profile ?? null,
    onUpdate: (track) => emit({ type: 'sender.track', at: now(), track: maskTrack(track) }),
  });

  function toRecord(signed: SignResult, result: HttpResult, profile: SigningProfile | null, options: SendOptions): SentRecord {
    const r = signed.request;
    return {
      id: randomUUID(),
      at: now(),
      request: { method: r.method, url: r.url, headers: r.headers, bodyBase64: Buffer.from(r.body).toString('base64') },
      ...(profile ? { profileId: profile.id, profileName: profile.name } : {}),
      ...(options.captureId ? { captureId: options.captureId } : {}),
      ...(options.resigned !== undefined ? { resigned: options.resigned } : {}),
      ...(signed.changed.length ? { changed: signed.changed } : {}),
      ...(result.response
        ? {
            response: {
              status: result.response.status,
              statusText: result.response.statusText,
              headers: result.response.headers,
              bodyBase64: result.response.body.toString('base64'),
              bodySize: result.response.bodySize,
              bodyTruncated: result.response.truncated,
            },
          }
        : {}),
      ...(result.error ? { error: result.error } : {}),
      timings: result.timings,
      source: options.source ?? 'composer',
    };
  }

  /** A track, or why there is none: the user asked for tracking and must not be left guessing. */
  async function startTracking(record: SentRecord, profile: SigningProfile | null, options: TrackOptions): Promise<TrackedRun | string> {
    if (!record.response) return 'tracking is off: the request got no response';
    if (record.response.status < 200 || record.response.status >= 300) return `tracking is off: the response was ${record.response.status}, not a launch`;
    const body = Buffer.from(record.response.bodyBase64, 'base64').toString('utf8');
    const runId = findRunId(body, options.jsonPath);
    if (!runId) {
      return options.jsonPath
        ? `tracking is off: the response has no run id at ${options.jsonPath}`
        : 'tracking is off: the response names no run id (a trigger answers with one when its response contains {run_id})';
    }
    return tracker.start({
      sentId: record.id,
      runId,
      runInfoUrl: runInfoUrl(record.request.url),
      profile,
      ...(profile && deps.profiles().some((p) => p.id === profile.id) ? { profileId: profile.id } : {}),
      options,
    });
  }

  async function sendSigned(signed: SignResult, profile: SigningProfile | null, options: SendOptions, timeoutMs?: number) {
    const result = await sendHttp({ ...signed.request, timeoutMs, origin: 'sender' });
    // what went out carried the secret; what is kept and shown must not
    let record = toRecord(maskSigned(signed, secretsOf(profile, deps.env())), result, profile, options);
    let track: TrackedRun | null = null;
    if (options.track) {
      const started = await startTracking(record, profile, options.track === true ? {} : options.track);
      if (typeof started === 'string') record = { ...record, trackNote: started };
      else {
        track = started;
        record = { ...record, runId: track.runId };
      }
    }
    if (options.record !== false) {
      await deps.history.putSent(record);
      emit({ type: 'sender.sent', at: record.at, record });
    }
    return { record, track };
  }

  async function captureRequest(id: string): Promise<{ capture: CaptureDetail; body: Uint8Array }> {
    if (!deps.captures) throw new SenderInputError('captures are not available here');
    const capture = await deps.captures.get(id, 0);
    const body = await deps.captures.readBody(id);
    if (!capture || !body) throw new SenderInputError(`no capture has id ${JSON.stringify(id)}`, 'captureId');
    return { capture, body: new Uint8Array(body) };
  }

  return {
    resolveProfile,
    sign,
    tracker,

    async preview(draft: SendDraft): Promise<SendPreview> {
      const profile = resolveProfile(draft);
      const signed = maskSigned(await sign(profile, draftRequest(draft)), secretsOf(profile, deps.env()));
      const r = signed.request;
      return {
        method: r.method,
        url: r.url,
        headers: r.headers,
        bodyBase64: Buffer.from(r.body).toString('base64'),
        ...(signed.basestring
          ? { basestring: { text: decodeUtf8Lenient(signed.basestring.subarray(0, 64 * 1024)), byteLength: signed.basestring.length } }
          : {}),
        ...(signed.signature ? { signature: signed.signature } : {}),
        changed: signed.changed,
        notes: signed.notes,
      };
    },

    async send(draft: SendDraft, options: SendOptions = {}) {
      const profile = resolveProfile(draft);
      const signed = await sign(profile, draftRequest(draft), options.tweaks);
      return sendSigned(signed, profile, options, draft.timeoutMs);
    },

    /** a capture as-is (exact bytes and header tuples) or edited and re-signed */
    async replay(
      input: {
        captureId: string;
        to?: string;
        profileId?: string;
        profile?: SigningProfile;
        headers?: SendDraft['headers'];
        bodyBase64?: string;
        method?: string;
        track?: boolean | TrackOptions;
      },
      source: SentRecord['source'] = 'replay',
    ) {
      const { capture, body } = await captureRequest(input.captureId);
      const to = input.to || (deps.receiverUrl() ? `${deps.receiverUrl()}${capture.url}` : '');
      if (!to) throw new SenderInputError('no target URL and the local receiver is not running', 'to');
      const request: OutgoingRequest = {
        method: input.method ?? capture.method,
        url: to,
        headers: input.headers ?? capture.rawHeaders,
        body: input.bodyBase64 !== undefined ? new Uint8Array(Buffer.from(input.bodyBase64, 'base64')) : body,
      };
      const profile = resolveProfile(input);
      const signed = await sign(profile, request);
      return sendSigned(signed, profile, { source, captureId: capture.id, resigned: profile !== null, track: input.track });
    },

    async track(sentId: string, options: TrackOptions & { runId?: string; profileId?: string } = {}) {
      const record = deps.history.getSent(sentId);
      if (!record) throw new SenderInputError(`no sent request has id ${JSON.stringify(sentId)}`, 'sentId');
      const profile = resolveProfile({ profileId: options.profileId ?? record.profileId });
      const body = record.response ? Buffer.from(record.response.bodyBase64, 'base64').toString('utf8') : '';
      const runId = options.runId ?? findRunId(body, options.jsonPath);
      if (!runId) throw new SenderInputError('the response names no run id; point at it with a JSON path or type it', 'runId');
      return tracker.start({ sentId, runId, runInfoUrl: runInfoUrl(record.request.url), profile, profileId: profile?.id, options });
    },

    close() {
      tracker.close();
    },
  };
}
