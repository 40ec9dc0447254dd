// Bulk replay: a selection of captures sent with a concurrency limit, progress events and cancel.
import { randomUUID } from 'node:crypto';
import type { BulkProgress, BulkReplayRequest } from '@shared/signing/types';
import type { Sender } from './sender';

export interface BulkRunner {
  start(request: BulkReplayRequest): BulkProgress;
  cancel(bulkId: string): boolean;
  /** resolves when the run has finished (tests, CLI) */
  done(bulkId: string): Promise<BulkProgress>;
}

export function createBulkRunner(sender: Sender, onProgress: (p: BulkProgress) => void): BulkRunner {
  const runs = new Map<string, { progress: BulkProgress; cancelled: boolean; finished: Promise<BulkProgress> }>();
  return {
    start(request) {
      const bulkId = randomUUID();
      const progress: BulkProgress = { bulkId, total: request.captureIds.length, done: 0, ok: 0, failed: 0, cancelled: false, finished: false };
      const state = { progress, cancelled: false, finished: Promise.resolve(progress) };
      const queue = [...request.captureIds];
      const limit = Math.max(1, Math.min(request.concurrency ?? 4, 32));
      const worker = async () => {
        while (queue.length > 0 && !state.cancelled) {
          const captureId = queue.shift()!;
          try {
            const { record } = await sender.replay({ captureId, to: request.to, profileId: request.profileId, profile: request.profile }, 'bulk');
            const ok = record.response !== undefined && record.response.status < 400;
            progress.ok += ok ? 1 : 0;
            progress.failed += ok ? 0 : 1;
            progress.lastSentId = record.id;
          } catch {
            progress.failed += 1;
          }
          progress.done += 1;
          onProgress({ ...progress });
        }
      };
      state.finished = Promise.all(Array.from({ length: limit }, worker)).then(() => {
        progress.finished = true;
        progress.cancelled = state.cancelled;
        onProgress({ ...progress });
        return { ...progress };
      });
      runs.set(bulkId, state);
      onProgress({ ...progress });
      return { ...progress };
    },
    cancel(bulkId) {
      const state = runs.get(bulkId);
      if (!state || state.progress.finished) return false;
      state.cancelled = true;
      return true;
    },
    done: (bulkId) => runs.get(bulkId)?.finished ?? Promise.reject(new Error(`no bulk replay ${bulkId}`)),
  };
}
