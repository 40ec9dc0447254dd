// The sender's journal: sent requests with their responses, and tracked runs. Every change is
// appended; on open the latest record per id wins, so history and tracking survive restarts.
import path from 'node:path';
import type { HistoryQuery, SentRecord, TrackedRun } from '../../../shared/signing/types';
import { openJournal, type Journal } from '../store/journal';

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
  const res = r.response ? `${r.response.status} ${Buffer.from(r.response.bodyBase64, 'base64').toString('utf8', 0, 16 * 1024)}` : r.error?.message ?? '';
  const headers = r.request.headers.map(([n, v]) => `${n}: ${v}`).join('\n');
  return `${r.request.method} ${r.request.url}\n${headers}\n${body}\n${res}\n${r.profileName ?? ''} ${r.runId ?? ''} ${r.source}`.toLowerCase();
};

export async function openSenderHistory(dataDir: string): Promise<SenderHistory> {
  const journal: Journal<Entry> = await openJournal<Entry>({ dir: path.join(dataDir, 'sender-history') });
  const sent = new Map<string, SentRecord>();
  const tracks = new Map<string, TrackedRun>();
  const text = new Map<string, string>();
  const apply = (e: Entry) => {
    if (e.type === 'sent') {
      sent.delete(e.record.id);
      sent.set(e.record.id, e.record);
      text.set(e.record.id, searchable(e.record));
    } else if (e.type === 'track') tracks.set(e.track.id, e.track);
    else {
      sent.clear();
      text.clear();
      for (const [id, t] of tracks) if (t.state !== 'polling') tracks.delete(id);
    }
  };
  await journal.replay((meta) => apply(meta));

  const write = async (e: Entry) => {
    await journal.append(e);
    apply(e);
  };

  return {
    putSent: (record) => write({ type: 'sent', record }),
    getSent: (id) => sent.get(id) ?? null,
    listSent(query = {}) {
      const needle = query.text?.trim().toLowerCase();
      const out: SentRecord[] = [];
      const all = [...sent.values()];
      for (let i = all.length - 1; i >= 0 && out.length < (query.limit ?? 200); i--) {
        const r = all[i];
        if (query.beforeAt !== undefined && r.at >= query.beforeAt) continue;
        if (needle && !(text.get(r.id) ?? '').includes(needle)) continue;
        out.push(r);
      }
      return out;
    },
    putTrack: (track) => write({ type: 'track', track }),
    getTrack: (id) => tracks.get(id) ?? null,
    listTracks: () => [...tracks.values()].sort((a, b) => b.startedAt - a.startedAt),
    clear: () => write({ type: 'cleared' }),
    close: () => journal.close(),
  };
}
