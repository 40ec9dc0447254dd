// The sender's journal: sent requests with their responses, and tracked runs. Every change is
// appended; on open the latest record per id wins, so history and tracking survive restarts.
// Retention keeps the newest N sent requests and N tracked runs; a run still polling (and the
// request it came from) is never forgotten.
import path from 'node:path';
import type { HistoryQuery, SentRecord, TrackedRun } from '@shared/signing/types';
import { openJournal, type Journal, type JournalPointer } from '../store/journal';
import { UNBOUNDED, dropUnneeded, earliestPointer, pickEvictions, type LogRetention } from '../store/journal-retention';

type Entry = { type: 'sent'; record: SentRecord } | { type: 'track'; track: TrackedRun } | { type: 'cleared' };

export interface SenderHistory {
  putSent(record: SentRecord): Promise<void>;
  getSent(id: string): SentRecord | null;
  /** newest first */
  listSent(query?: HistoryQuery): SentRecord[];
  putTrack(track: TrackedRun): Promise<void>;
  getTrack(id: string): TrackedRun | null;
  listTracks(): TrackedRun[];
  clear(): Promise<void>;
  close(): Promise<void>;
}

const searchable = (r: SentRecord): string => {
  const body = Buffer.from(r.request.bodyBase64, 'base64').toString('utf8', 0, 64 * 1024);
  const res = r.response ? `${r.response.status} ${Buffer.from(r.response.bodyBase64, 'base64').toString('utf8', 0, 16 * 1024)}` : (r.error?.message ?? '');
  const headers = r.request.headers.map(([n, v]) => `${n}: ${v}`).join('\n');
  return `${r.request.method} ${r.request.url}\n${headers}\n${body}\n${res}\n${r.profileName ?? ''} ${r.runId ?? ''} ${r.source}`.toLowerCase();
};

export interface SenderHistoryOptions {
  /** sent requests beyond this many, and tracked runs beyond this many, are forgotten oldest first */
  retention?: LogRetention;
  /** journal segment size (tests use small ones to see segments go) */
  segmentBytes?: number;
}

type Held<T> = { value: T; pointer: JournalPointer };

export async function openSenderHistory(dataDir: string, options: SenderHistoryOptions = {}): Promise<SenderHistory> {
  const retention = options.retention ?? UNBOUNDED;
  const journal: Journal<Entry> = await openJournal<Entry>({ dir: path.join(dataDir, 'sender-history'), segmentBytes: options.segmentBytes });
  // both maps in update order, so the oldest entries come first when evicting
  const sent = new Map<string, Held<SentRecord>>();
  const tracks = new Map<string, Held<TrackedRun>>();
  const text = new Map<string, string>();
  const apply = (e: Entry, pointer: JournalPointer) => {
    if (e.type === 'sent') {
      sent.delete(e.record.id);
      sent.set(e.record.id, { value: e.record, pointer });
      text.set(e.record.id, searchable(e.record));
    } else if (e.type === 'track') {
      tracks.delete(e.track.id);
      tracks.set(e.track.id, { value: e.track, pointer });
    } else {
      sent.clear();
      text.clear();
      for (const [id, t] of tracks) if (t.value.state !== 'polling') tracks.delete(id);
    }
  };
  const evict = async (): Promise<void> => {
    const max = retention.maxEntries();
    const polling = (t: TrackedRun) => t.state === 'polling';
    const goneTracks = pickEvictions(tracks, max, (t) => polling(t.value));
    const tracked = new Set<string>();
    for (const { value } of tracks.values()) if (polling(value)) tracked.add(value.sentId);
    const goneSent = pickEvictions(sent, max, (_r, id) => tracked.has(id));
    if (!goneTracks.length && !goneSent.length) return;
    for (const id of goneTracks) tracks.delete(id);
    for (const id of goneSent) {
      sent.delete(id);
      text.delete(id);
    }
    await dropUnneeded(journal, earliestPointer([...sent.values(), ...tracks.values()].map((h) => h.pointer)));
  };
  await journal.replay((meta, pointer) => apply(meta, pointer));
  await evict();

  const write = async (e: Entry) => {
    apply(e, await journal.append(e));
    await evict();
  };

  return {
    putSent: (record) => write({ type: 'sent', record }),
    getSent: (id) => sent.get(id)?.value ?? null,
    listSent(query = {}) {
      const needle = query.text?.trim().toLowerCase();
      const out: SentRecord[] = [];
      const all = [...sent.values()].map((h) => h.value);
      for (let i = all.length - 1; i >= 0 && out.length < (query.limit ?? 200); i--) {
        const r = all[i];
        if (query.beforeAt !== undefined && r.at >= query.beforeAt) continue;
        if (needle && !(text.get(r.id) ?? '').includes(needle)) continue;
        out.push(r);
      }
      return out;
    },
    putTrack: (track) => write({ type: 'track', track }),
    getTrack: (id) => tracks.get(id)?.value ?? null,
    listTracks: () => [...tracks.values()].map((h) => h.value).sort((a, b) => b.startedAt - a.startedAt),
    clear: () => write({ type: 'cleared' }),
    close: () => journal.close(),
  };
}
