// The delivery log: an append-only journal (one record per new delivery, one per attempt)
// and an in-memory index with the latest state per delivery id, rebuilt by replay at open.
// Response excerpts stay in the journal as record bodies and are read back on demand.
// Retention keeps the newest N deliveries; one still pending or retrying is never forgotten.
import path from 'node:path';
import type {
  ChannelHealth,
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryFilter,
  DeliveryStatus,
  DeliverySummary,
  NotificationPayload,
} from '@shared/notifications';
import { openJournal, type JournalPointer, type RecordJournal } from '../store/journal';
import { UNBOUNDED, dropUnneeded, earliestPointer, pickEvictions, type LogRetention } from '../store/journal-retention';

type NewDeliveryRecord = { kind: 'delivery'; summary: DeliverySummary; requestBody: string; payload: NotificationPayload };
type AttemptRecord = {
  kind: 'attempt';
  id: string;
  attempt: Omit<DeliveryAttempt, 'responseExcerpt'>;
  status: DeliveryStatus;
  at: number;
};
type DeliveryRecord = NewDeliveryRecord | AttemptRecord;

interface Entry {
  /** the delivery's first record: everything it needs on replay is at or after it */
  created: JournalPointer;
  summary: DeliverySummary;
  requestBody: string;
  payload: NotificationPayload;
  attempts: Array<{ attempt: Omit<DeliveryAttempt, 'responseExcerpt'>; excerpt: JournalPointer }>;
}

export interface DeliveryStore {
  create(summary: DeliverySummary, requestBody: string, payload: NotificationPayload): Promise<DeliverySummary>;
  recordAttempt(id: string, attempt: DeliveryAttempt, status: DeliveryStatus, at: number): Promise<DeliverySummary>;
  summary(id: string): DeliverySummary | undefined;
  body(id: string): { requestBody: string; payload: NotificationPayload } | undefined;
  get(id: string): Promise<DeliveryDetail | null>;
  /** newest first */
  list(filter?: DeliveryFilter, limit?: number): DeliverySummary[];
  /** deliveries that still have attempts to make, oldest first */
  unfinished(): DeliverySummary[];
  hasSource(sourceKey: string): boolean;
  health(channelId: string, recent?: number): ChannelHealth;
  close(): Promise<void>;
}

export const deliveriesDir = (dataDir: string): string => path.join(dataDir, 'deliveries');

/** How many deliveries one list answer holds: 500 unless asked, never more than 5000. */
export const deliveryListLimit = (limit: number | undefined): number => Math.min(Math.max(limit ?? 500, 1), 5000);

export interface DeliveryStoreOptions {
  /** deliveries beyond this many are forgotten, oldest first */
  retention?: LogRetention;
  /** journal segment size (tests use small ones to see segments go) */
  segmentBytes?: number;
  /** CLI readers when no engine runs: the journal as it is on disk; nothing written, nothing evicted */
  readOnly?: boolean;
}

/** event source key → how many retained deliveries carry it */
type Sources = Map<string, number>;

// "execution:<id>:<type>>channel": the event counts as notified once any channel got it
const eventKey = (summary: DeliverySummary): string | undefined => summary.sourceKey?.split('>')[0];

export async function openDeliveryStore(dir: string, options: DeliveryStoreOptions = {}): Promise<DeliveryStore> {
  const journal = await openJournal<DeliveryRecord>({ dir, segmentBytes: options.segmentBytes, readOnly: options.readOnly });
  const index = new Map<string, Entry>();
  const sources: Sources = new Map();
  await journal.replay((record, pointer) => apply(index, sources, record, pointer));
  const store = new JournalDeliveryStore(journal, index, sources, options.readOnly ? UNBOUNDED : (options.retention ?? UNBOUNDED));
  if (!options.readOnly) await store.evict();
  return store;
}

function apply(index: Map<string, Entry>, sources: Sources, record: DeliveryRecord, pointer: JournalPointer): void {
  if (record.kind === 'delivery') {
    if (index.has(record.summary.id)) forget(index, sources, record.summary.id);
    index.set(record.summary.id, { created: pointer, summary: record.summary, requestBody: record.requestBody, payload: record.payload, attempts: [] });
    const key = eventKey(record.summary);
    if (key) sources.set(key, (sources.get(key) ?? 0) + 1);
    return;
  }
  const entry = index.get(record.id);
  if (!entry) return;
  const a = record.attempt;
  entry.attempts.push({ attempt: a, excerpt: pointer });
  entry.summary = {
    ...entry.summary,
    status: record.status,
    updatedAt: record.at,
    attemptCount: entry.attempts.length,
    lastStatus: a.responseStatus,
    lastError: a.ok ? undefined : a.error,
    nextRetryAt: a.nextRetryAt,
  };
}

function forget(index: Map<string, Entry>, sources: Sources, id: string): void {
  const entry = index.get(id);
  if (!entry) return;
  index.delete(id);
  const key = eventKey(entry.summary);
  if (!key) return;
  const left = (sources.get(key) ?? 1) - 1;
  if (left > 0) sources.set(key, left);
  else sources.delete(key);
}

const FINISHED: DeliveryStatus[] = ['succeeded', 'failed'];

class JournalDeliveryStore implements DeliveryStore {
  constructor(
    private readonly journal: RecordJournal<DeliveryRecord>,
    private readonly index: Map<string, Entry>,
    private readonly sources: Sources,
    private readonly retention: LogRetention,
  ) {}

  /**
   * Index order is creation order, so the oldest deliveries go first. Runs when a delivery is
   * added (not after an attempt), so the one an attempt just finished is still there to read.
   */
  async evict(): Promise<void> {
    const gone = pickEvictions(this.index, this.retention.maxEntries(), (entry) => !FINISHED.includes(entry.summary.status));
    if (!gone.length) return;
    for (const id of gone) forget(this.index, this.sources, id);
    await dropUnneeded(this.journal, earliestPointer([...this.index.values()].map((e) => e.created)));
  }

  async create(summary: DeliverySummary, requestBody: string, payload: NotificationPayload): Promise<DeliverySummary> {
    const record: NewDeliveryRecord = { kind: 'delivery', summary, requestBody, payload };
    const pointer = await this.journal.append(record);
    apply(this.index, this.sources, record, pointer);
    await this.evict();
    return summary;
  }

  async recordAttempt(id: string, attempt: DeliveryAttempt, status: DeliveryStatus, at: number): Promise<DeliverySummary> {
    const { responseExcerpt, ...rest } = attempt;
    const record: AttemptRecord = { kind: 'attempt', id, attempt: rest, status, at };
    const pointer = await this.journal.append(record, Buffer.from(responseExcerpt, 'utf8'));
    apply(this.index, this.sources, record, pointer);
    const summary = this.index.get(id)?.summary;
    if (!summary) throw new Error(`no delivery ${id}`);
    return summary;
  }

  summary(id: string): DeliverySummary | undefined {
    return this.index.get(id)?.summary;
  }

  body(id: string) {
    const entry = this.index.get(id);
    return entry && { requestBody: entry.requestBody, payload: entry.payload };
  }

  async get(id: string): Promise<DeliveryDetail | null> {
    const entry = this.index.get(id);
    if (!entry) return null;
    const attempts: DeliveryAttempt[] = [];
    for (const { attempt, excerpt } of entry.attempts) {
      const body = await this.journal.readBody(excerpt).catch(() => Buffer.alloc(0));
      attempts.push({ ...attempt, responseExcerpt: body.toString('utf8') });
    }
    return { ...entry.summary, requestBody: entry.requestBody, payload: entry.payload, attempts };
  }

  list(filter: DeliveryFilter = {}, limit = 500): DeliverySummary[] {
    const out: DeliverySummary[] = [];
    const entries = [...this.index.values()];
    for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
      const s = entries[i].summary;
      if (filter.channelId && s.target.channelId !== filter.channelId) continue;
      if (filter.status && s.status !== filter.status) continue;
      if (filter.eventType && s.eventType !== filter.eventType) continue;
      out.push(s);
    }
    return out;
  }

  unfinished(): DeliverySummary[] {
    return [...this.index.values()].map((e) => e.summary).filter((s) => !FINISHED.includes(s.status));
  }

  hasSource(sourceKey: string): boolean {
    return this.sources.has(sourceKey);
  }

  health(channelId: string, recent = 30): ChannelHealth {
    let total = 0;
    let succeeded = 0;
    let failed = 0;
    let lastError: string | undefined;
    let lastErrorAt: number | undefined;
    const points: ChannelHealth['recent'] = [];
    for (const entry of this.index.values()) {
      if (entry.summary.target.channelId !== channelId) continue;
      total += 1;
      if (entry.summary.status === 'succeeded') succeeded += 1;
      if (entry.summary.status === 'failed') failed += 1;
      for (const { attempt } of entry.attempts) {
        points.push({ at: attempt.startedAt, ok: attempt.ok, durationMs: attempt.durationMs });
        if (!attempt.ok && (lastErrorAt === undefined || attempt.startedAt >= lastErrorAt)) {
          lastError = attempt.error;
          lastErrorAt = attempt.startedAt;
        }
      }
    }
    points.sort((a, b) => a.at - b.at);
    const finished = succeeded + failed;
    return {
      channelId,
      total,
      succeeded,
      failed,
      successRate: finished ? succeeded / finished : null,
      ...(lastError !== undefined ? { lastError, lastErrorAt } : {}),
      recent: points.slice(-recent),
    };
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
