// The sender slice: history, tracked runs, the running bulk replay, profiles, and what the
// composer was seeded with (a replay from the inbox). Events fold in per batch.
import type { EventBatch } from '@shared/events';
import type { BulkProgress, SentRecord, SigningProfile, TrackedRun } from '@shared/signing/types';

export interface SenderState {
  /** newest first */
  history: SentRecord[];
  tracks: Record<string, TrackedRun>;
  bulk: BulkProgress | null;
  profiles: SigningProfile[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** the record shown in the response view */
  shownId: string | null;
  /** the capture the replay panel works on */
  replayCaptureId: string | null;
}

export const SENDER_HISTORY_LIMIT = 200;

export const initialSender = (): SenderState => ({
  history: [],
  tracks: {},
  bulk: null,
  profiles: [],
  status: 'idle',
  error: null,
  shownId: null,
  replayCaptureId: null,
});

/** Pure: null when the batch holds nothing for this slice. */
export function applySenderEvents(state: SenderState, batch: EventBatch): SenderState | null {
  let history = state.history;
  let tracks = state.tracks;
  let bulk = state.bulk;
  let changed = false;
  for (const e of batch) {
    if (e.type === 'sender.sent') {
      history = [e.record, ...history.filter((r) => r.id !== e.record.id)].slice(0, SENDER_HISTORY_LIMIT);
      changed = true;
    } else if (e.type === 'sender.track') {
      tracks = { ...tracks, [e.track.id]: e.track };
      changed = true;
    } else if (e.type === 'sender.bulk') {
      if (!bulk || bulk.bulkId === e.progress.bulkId || bulk.finished) bulk = e.progress;
      changed = true;
    }
  }
  return changed ? { ...state, history, tracks, bulk } : null;
}

export const trackForSent = (state: SenderState, sentId: string): TrackedRun | null =>
  Object.values(state.tracks)
    .filter((t) => t.sentId === sentId)
    .sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
