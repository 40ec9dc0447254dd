// Sends deliveries: the first attempt at once, failures retried with exponential backoff and
// full jitter, every attempt journaled before the next is scheduled, so a restart resumes
// exactly where the journal says (stop() cancels in-flight attempts; they are made again).
import { randomUUID } from 'node:crypto';
import type {
  DeliveryAttempt,
  DeliverySettings,
  DeliveryStatus,
  DeliverySummary,
  DeliveryTarget,
  NotificationChannel,
  NotificationPayload,
} from '@shared/notifications';
import type { EnvVariable } from '@shared/trigger';
import type { DeliveryStore } from './delivery-store';
import { postOnce, type AttemptResult } from './http-attempt';
import { buildRequest, channelBody, ConfigError, NotReadyError } from './outgoing-request';
import { errorMessage } from '@shared/error-message';

export interface WorkerOptions {
  store: DeliveryStore;
  channel: (id: string) => NotificationChannel | undefined;
  settings: () => DeliverySettings;
  env: () => readonly EnvVariable[];
  receiverUrl: () => string | null;
  onChange: (summary: DeliverySummary) => void;
  now: () => number;
  /** 0 ≤ x < 1; injectable so tests can pin the jitter */
  random?: () => number;
}

export interface NewDelivery {
  payload: NotificationPayload;
  target: DeliveryTarget;
  origin: DeliverySummary['origin'];
  sourceKey?: string;
  redeliveryOf?: string;
  /** the exact body to send (redeliveries reuse the original bytes) */
  body?: string;
}

export interface DeliveryWorker {
  enqueue(delivery: NewDelivery): Promise<DeliverySummary>;
  /** schedules every unfinished delivery of the journal (after a restart) */
  resume(): void;
  /** resolves when the delivery has succeeded or failed for good */
  whenFinished(id: string): Promise<DeliverySummary>;
  stop(): Promise<void>;
}

/** Full jitter: uniformly random in [0, min(ceiling, base·2^(n−1))] after the n-th failed attempt. */
export function backoffDelay(failedAttempt: number, settings: DeliverySettings, random: () => number): number {
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return Math.floor(random() * exp);
}

/** Redirects and client errors will not change by themselves; timeouts, refusals, 5xx, 408 and 429 may. */
export function isRetryable(result: AttemptResult): boolean {
  if (result.errorKind === 'config') return false;
  if (result.errorKind !== 'non-2xx' || result.status === null) return true;
  if (result.status >= 500 || [408, 425, 429].includes(result.status)) return true;
  return false;
}

const FINISHED: DeliveryStatus[] = ['succeeded', 'failed'];

export function createDeliveryWorker(options: WorkerOptions): DeliveryWorker {
  const random = options.random ?? Math.random;
  const timers = new Map<string, NodeJS.Timeout>();
  const inflight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const waiters = new Map<string, Array<(s: DeliverySummary) => void>>();
  let stopped = false;

  const changed = (summary: DeliverySummary) => {
    options.onChange(summary);
    if (FINISHED.includes(summary.status)) {
      for (const resolve of waiters.get(summary.id) ?? []) resolve(summary);
      waiters.delete(summary.id);
    }
  };

  function schedule(id: string, at: number): void {
    if (stopped || timers.has(id) || inflight.has(id)) return;
    const timer = setTimeout(
      () => {
        timers.delete(id);
        const controller = new AbortController();
        const done = attempt(id, controller.signal)
          .catch((error) => {
            console.error(`hookbench: delivery ${id} failed: ${errorMessage(error)}`);
            return undefined;
          })
          .then((next) => {
            inflight.delete(id);
            if (next !== undefined) schedule(id, next);
          });
        inflight.set(id, { controller, done });
      },
      Math.max(0, at - options.now()),
    );
    timers.set(id, timer);
  }

  /** makes one attempt and journals it; resolves with when the next one is due, if any */
  async function attempt(id: string, signal: AbortSignal): Promise<number | undefined> {
    const summary = options.store.summary(id);
    const stored = options.store.body(id);
    if (!summary || !stored || FINISHED.includes(summary.status)) return;
    const number = summary.attemptCount + 1;
    const settings = options.settings();
    const startedAt = options.now();
    const channel = summary.target.channelId ? options.channel(summary.target.channelId) : null;
    let result: AttemptResult;
    let requestHeaders: Array<[string, string]> = [];
    if (channel === undefined) {
      result = configFailure(`channel ${JSON.stringify(summary.target.channelId)} no longer exists`);
    } else {
      try {
        const request = buildRequest(summary.target, channel, stored.requestBody, {
          deliveryId: id,
          attempt: number,
          eventType: summary.eventType,
          env: options.env(),
          receiverUrl: options.receiverUrl(),
          nowMs: startedAt,
          redeliveryOf: summary.redeliveryOf,
        });
        requestHeaders = request.maskedHeaders;
        result = await postOnce(request.url, request.headers, request.body, settings.timeoutMs, { signal });
      } catch (error) {
        if (error instanceof NotReadyError) result = { ...configFailure(error.message), errorKind: 'other' };
        else if (error instanceof ConfigError) result = configFailure(error.message);
        else throw error;
      }
    }
    if (signal.aborted || stopped) return; // not journaled: the attempt is made again after a restart
    const retry = !result.ok && isRetryable(result) && number < settings.maxAttempts;
    const nextRetryAt = retry ? options.now() + backoffDelay(number, settings, random) : undefined;
    const status: DeliveryStatus = result.ok ? 'succeeded' : retry ? 'retrying' : 'failed';
    const record: DeliveryAttempt = {
      number,
      startedAt,
      durationMs: result.durationMs,
      requestHeaders,
      responseStatus: result.status,
      responseHeaders: result.headers,
      responseExcerpt: result.excerpt,
      responseBytes: result.bytes,
      responseTruncated: result.truncated,
      ok: result.ok,
      ...(result.errorKind ? { errorKind: result.errorKind, error: result.error } : {}),
      ...(nextRetryAt !== undefined ? { nextRetryAt } : {}),
    };
    const updated = await options.store.recordAttempt(id, record, status, options.now());
    changed(updated);
    return nextRetryAt;
  }

  return {
    async enqueue(delivery) {
      if (stopped) throw new Error('the delivery worker has stopped');
      const at = options.now();
      const summary: DeliverySummary = {
        id: randomUUID(),
        eventType: delivery.payload.type,
        title: delivery.payload.title,
        target: delivery.target,
        status: 'pending',
        createdAt: at,
        updatedAt: at,
        attemptCount: 0,
        origin: delivery.origin,
        ...(delivery.sourceKey ? { sourceKey: delivery.sourceKey } : {}),
        ...(delivery.redeliveryOf ? { redeliveryOf: delivery.redeliveryOf } : {}),
      };
      const body = delivery.body ?? channelBody(delivery.target.channelType, delivery.payload);
      await options.store.create(summary, body, delivery.payload);
      changed(summary);
      schedule(summary.id, at);
      return summary;
    },
    resume() {
      for (const s of options.store.unfinished()) schedule(s.id, s.nextRetryAt ?? options.now());
    },
    whenFinished(id) {
      const current = options.store.summary(id);
      if (!current) return Promise.reject(new Error(`no delivery ${id}`));
      if (FINISHED.includes(current.status)) return Promise.resolve(current);
      return new Promise((resolve) => waiters.set(id, [...(waiters.get(id) ?? []), resolve]));
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      const running = [...inflight.values()];
      for (const { controller } of running) controller.abort();
      await Promise.all(running.map((r) => r.done));
    },
  };
}

function configFailure(text: string): AttemptResult {
  return { ok: false, durationMs: 0, status: null, statusText: '', headers: [], excerpt: '', bytes: 0, truncated: false, errorKind: 'config', error: text };
}
