// A notifier over a real workspace store and journal in a temp dir, with a fast event bus.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createEventBus } from '../../../src/main/engine/events/event-bus';
import { openNotifier, type Notifier } from '../../../src/main/engine/notifications/notifier';
import type { EventBus } from '../../../src/main/engine/ports';
import { openWorkspaceStore, type WorkspaceStore } from '../../../src/main/engine/store/workspace-store';
import type { EngineEvent } from '@shared/events';
import {
  defaultNotificationsSection,
  type DeliverySettings,
  type DeliverySummary,
  type NotificationChannel,
  type NotificationsSection,
} from '@shared/notifications';
import type { LocalExecution } from '@shared/runs';
import type { EnvVariable } from '@shared/trigger';
import { makeTempDir } from '../../support/temp-dir';

export interface Harness {
  dir: string;
  workspace: WorkspaceStore;
  events: EventBus;
  notifier: Notifier;
  seen: EngineEvent[];
  configure(patch: Partial<NotificationsSection>, env?: EnvVariable[]): Promise<void>;
  reopen(options?: { random?: () => number }): Promise<Notifier>;
  /** the first delivery to appear, once it has finished */
  finished(timeoutMs?: number): Promise<DeliverySummary>;
  close(): Promise<void>;
}

export const FAST: DeliverySettings = { timeoutMs: 2_000, maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

export async function openHarness(options: { random?: () => number; receiverUrl?: () => string | null } = {}): Promise<Harness> {
  const dir = await makeTempDir('notify');
  const workspace = await openWorkspaceStore(dir);
  const events = createEventBus({ intervalMs: 5 });
  const seen: EngineEvent[] = [];
  events.subscribe((batch) => seen.push(...batch));
  const open = (random = options.random) =>
    openNotifier({ dir: path.join(dir, 'deliveries'), workspace, events, receiverUrl: options.receiverUrl ?? (() => null), now: Date.now, random });
  let notifier = await open();
  notifier.start();
  const h: Harness = {
    dir,
    workspace,
    events,
    seen,
    get notifier() {
      return notifier;
    },
    async configure(patch, env) {
      await workspace.update((draft) => {
        draft.sections.notifications = { ...defaultNotificationsSection(), delivery: FAST, ...patch };
        if (env) draft.env = env;
      });
    },
    async reopen(o = {}) {
      await notifier.close();
      notifier = await open(o.random);
      notifier.start();
      return notifier;
    },
    async finished(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const first = notifier.store.list()[0];
        if (first)
          return Promise.race([
            notifier.worker.whenFinished(first.id),
            sleep(deadline - Date.now()).then(() => Promise.reject(new Error('delivery did not finish'))),
          ]);
        await sleep(5);
      }
      throw new Error('no delivery appeared');
    },
    async close() {
      await notifier.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function custom(url: string, extra: Partial<NotificationChannel> = {}): NotificationChannel {
  return { id: 'sink', name: 'Sink', type: 'custom', url, headers: [], signing: null, ...extra } as NotificationChannel;
}

export const routeAll = (event: NotificationsSection['routings'][number]['event'], channelIds = ['sink']) => ({
  id: `r-${event}`,
  event,
  channelIds,
  filters: {},
  enabled: true,
});

export function execution(overrides: Partial<LocalExecution> = {}): LocalExecution {
  const createdAt = Date.UTC(2021, 3, 21, 12, 58, 18, 119);
  return {
    id: '0178f482-8686-fb28-8af1-3d36af38079d',
    counter: 736,
    step: 'Train model (MNIST)',
    title: null,
    status: 'completed',
    mode: 'simulate',
    parameters: {},
    inputs: {},
    outputs: [],
    createdAt,
    queuedAt: createdAt + 82,
    startedAt: createdAt,
    endedAt: createdAt + 660_018,
    ...overrides,
  };
}

export const executionEvent = (x: LocalExecution): EngineEvent => ({ type: 'execution.status', at: Date.now(), execution: x });
