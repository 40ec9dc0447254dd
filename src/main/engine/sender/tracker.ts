// Follows a trigger run through the run-info endpoint until its status leaves `pending`:
// re-signed polls, backoff from 1 s to 30 s, a timeout, a persisted timeline, resume on restart.
import { randomUUID } from 'node:crypto';
import type { SigningProfile, TimelineEntry, TrackOptions, TrackedRun } from '@shared/signing/types';
import type { TriggerRunStatus } from '@shared/trigger-log';
import type { SenderHistory } from './history-store';
import type { HttpResult } from '../http/outgoing';
import { maskProfile } from './profiles';
import { runInfoRequest } from './run-info-request';
import type { OutgoingRequest } from '@shared/signing/types';

export const DEFAULT_TRACK: Required<Omit<TrackOptions, 'jsonPath'>> = { initialDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 10 * 60_000 };

export interface TrackerDeps {
  history: SenderHistory;
  /** signs and sends one request with the profile (null: unsigned) */
  send(request: OutgoingRequest, profile: SigningProfile | null): Promise<HttpResult>;
  /** the profile to sign polls with: the saved one when it still exists, else the snapshot */
  profileFor(track: TrackedRun): SigningProfile | null;
  onUpdate(track: TrackedRun): void;
  now: () => number;
}

const STATUSES: TriggerRunStatus[] = ['pending', 'completed', 'error', 'complete_with_error'];

export interface Tracker {
  start(input: {
    sentId: string;
    runId: string;
    runInfoUrl: string;
    profile: SigningProfile | null;
    profileId?: string;
    options?: TrackOptions;
  }): Promise<TrackedRun>;
  stop(id: string): Promise<TrackedRun | null>;
  /** resumes every track left polling by a previous process */
  resume(): void;
  /** resolves when the track leaves `polling` */
  settled(id: string): Promise<TrackedRun>;
  close(): void;
}

export function createTracker(deps: TrackerDeps): Tracker {
  const timers = new Map<string, NodeJS.Timeout>();
  const waiters = new Map<string, Array<(t: TrackedRun) => void>>();
  // profiles with their literal secret, for this process only: the history keeps masked snapshots
  const liveProfiles = new Map<string, SigningProfile>();
  let closed = false;

  const save = async (track: TrackedRun) => {
    await deps.history.putTrack(track);
    deps.onUpdate(track);
    if (track.state !== 'polling') {
      for (const w of waiters.get(track.id) ?? []) w(track);
      waiters.delete(track.id);
    }
  };

  const schedule = (track: TrackedRun, delayMs: number) => {
    if (closed) return;
    clearTimeout(timers.get(track.id));
    timers.set(
      track.id,
      setTimeout(() => void poll(track.id), Math.max(0, delayMs)),
    );
  };

  async function poll(id: string): Promise<void> {
    timers.delete(id);
    const current = deps.history.getTrack(id);
    if (!current || current.state !== 'polling' || closed) return;
    const track: TrackedRun = { ...current, timeline: [...current.timeline] };
    const live = liveProfiles.get(id);
    const profile = deps.profileFor(live ? { ...track, profile: live } : track);
    const result = await deps.send(runInfoRequest(track.runInfoUrl, track.runId, profile), profile);
    if (closed) return;
    const at = deps.now();
    let entry: TimelineEntry;
    if (result.error) entry = { at, status: 'unreachable', result: [], note: result.error.message };
    else if (result.response!.status !== 200) {
      entry = { at, status: 'rejected', httpStatus: result.response!.status, result: [], note: result.response!.body.toString('utf8').slice(0, 200) };
    } else {
      try {
        const info = JSON.parse(result.response!.body.toString('utf8')) as { status?: string; result?: unknown };
        const status = STATUSES.includes(info.status as TriggerRunStatus) ? (info.status as TriggerRunStatus) : null;
        entry = status
          ? { at, status, httpStatus: 200, result: Array.isArray(info.result) ? (info.result as TimelineEntry['result']) : [] }
          : { at, status: 'rejected', httpStatus: 200, result: [], note: `unexpected run-info body: ${JSON.stringify(info).slice(0, 200)}` };
      } catch {
        entry = { at, status: 'rejected', httpStatus: 200, result: [], note: 'the run-info answer is not JSON' };
      }
    }
    const last = track.timeline[track.timeline.length - 1];
    const changed = !last || last.status !== entry.status || last.httpStatus !== entry.httpStatus;
    if (changed) track.timeline.push(entry);
    if (STATUSES.includes(entry.status as TriggerRunStatus)) track.status = entry.status as TriggerRunStatus;
    track.updatedAt = at;
    if (entry.status !== 'pending' && STATUSES.includes(entry.status as TriggerRunStatus)) track.state = 'settled';
    else if (at - track.startedAt >= track.options.timeoutMs) {
      track.state = 'timed-out';
      track.timeline.push({ at, status: track.status ?? 'pending', result: [], note: `gave up after ${Math.round(track.options.timeoutMs / 1000)} s` });
    } else {
      track.delayMs = track.nextPollAt === undefined ? track.options.initialDelayMs : Math.min(track.delayMs * 2, track.options.maxDelayMs);
      track.nextPollAt = at + track.delayMs;
    }
    if (changed || track.state !== 'polling') await save(track);
    else deps.onUpdate(track);
    if (track.state === 'polling') schedule(track, track.delayMs);
  }

  return {
    async start(input) {
      const options = { ...DEFAULT_TRACK, ...input.options };
      const at = deps.now();
      const track: TrackedRun = {
        id: randomUUID(),
        sentId: input.sentId,
        runId: input.runId,
        runInfoUrl: input.runInfoUrl,
        ...(input.profileId ? { profileId: input.profileId } : {}),
        ...(input.profile ? { profile: maskProfile(input.profile) } : {}),
        state: 'polling',
        status: null,
        timeline: [],
        startedAt: at,
        updatedAt: at,
        delayMs: options.initialDelayMs,
        options: { initialDelayMs: options.initialDelayMs, maxDelayMs: options.maxDelayMs, timeoutMs: options.timeoutMs },
      };
      if (input.profile) liveProfiles.set(track.id, input.profile);
      await save(track);
      // the first poll goes out at once: a fast run may already be settled
      schedule(track, 0);
      return track;
    },
    async stop(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      const track = deps.history.getTrack(id);
      if (!track || track.state !== 'polling') return track;
      const stopped: TrackedRun = { ...track, state: 'stopped', updatedAt: deps.now() };
      await save(stopped);
      return stopped;
    },
    resume() {
      for (const t of deps.history.listTracks()) if (t.state === 'polling' && !timers.has(t.id)) schedule(t, 0);
    },
    settled(id) {
      const t = deps.history.getTrack(id);
      if (t && t.state !== 'polling') return Promise.resolve(t);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
