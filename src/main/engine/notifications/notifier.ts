// The notifier: listens for executions and pipelines reaching a state that has a notification,
// builds the documented payload, routes it to channels and hands deliveries to the worker.
import type { EngineEvent } from '@shared/events';
import {
  defaultNotificationsSection,
  type DeliverySummary,
  type NotificationEventType,
  type DeliveryTarget,
  type NotificationChannel,
  type NotificationPayload,
  type NotificationsSection,
  type SendTarget,
} from '@shared/notifications';
import type { EventBus } from '../ports';
import type { WorkspaceStore } from '../store/workspace-store';
import { openDeliveryStore, type DeliveryStore, type DeliveryStoreOptions } from './delivery-store';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker';
import { targetUrl } from './outgoing-request';
import { examplePayload, executionEventType, executionPayload, pipelineEventType, pipelinePayload } from './payload';
import { allChannels, routeChannels } from './routing';
import { errorMessage } from '@shared/error-message';
import { ApiError } from '@shared/api-error';

export interface NotifierOptions {
  dir: string;
  workspace: WorkspaceStore;
  events: EventBus;
  receiverUrl: () => string | null;
  now: () => number;
  random?: () => number;
  /** deliveries kept in the log (unfinished ones are always kept) */
  retention?: DeliveryStoreOptions['retention'];
}

export interface Notifier {
  store: DeliveryStore;
  worker: DeliveryWorker;
  section(): NotificationsSection;
  channels(): NotificationChannel[];
  /** sends a payload to a channel or a URL (tests, simulator, redelivery) */
  send(target: SendTarget, payload: NotificationPayload, origin: DeliverySummary['origin']): Promise<DeliverySummary>;
  describeTarget(target: SendTarget): DeliveryTarget;
  redeliver(id: string): Promise<DeliverySummary>;
  /** starts sending: unfinished deliveries of the journal, then new events */
  start(): void;
  close(): Promise<void>;
}

export function readSection(workspace: WorkspaceStore): NotificationsSection {
  return (workspace.get().sections.notifications as NotificationsSection | undefined) ?? defaultNotificationsSection();
}

/** A channel's test: the example payload of an event type, sent like any delivery (journaled, retried). */
export function sendTestDelivery(notifier: Notifier, channelId: string, type: NotificationEventType, now: number): Promise<DeliverySummary> {
  return notifier.send({ channelId }, examplePayload(type, notifier.section().project, now), 'test');
}

export async function openNotifier(options: NotifierOptions): Promise<Notifier> {
  const store = await openDeliveryStore(options.dir, { retention: options.retention });
  const section = () => readSection(options.workspace);
  const channels = () => allChannels(section(), options.workspace.get().triggers);
  const worker = createDeliveryWorker({
    store,
    channel: (id) => channels().find((c) => c.id === id),
    settings: () => section().delivery,
    env: () => options.workspace.get().env,
    receiverUrl: options.receiverUrl,
    onChange: (delivery) => options.events.emit({ type: 'delivery.attempt', at: options.now(), delivery }),
    now: options.now,
    random: options.random,
  });
  // keys handled in this process, so a status emitted twice before its delivery is journaled still sends once
  const seen = new Set<string>();
  let unsubscribe: (() => void) | null = null;

  function describeTarget(target: SendTarget): DeliveryTarget {
    if ('channelId' in target) {
      const channel = channels().find((c) => c.id === target.channelId);
      if (!channel) throw new ApiError('invalid', `no channel ${JSON.stringify(target.channelId)}`, 'channelId');
      let url: string;
      try {
        url = targetUrl(channel, options.receiverUrl());
      } catch {
        url = '';
      }
      return { channelId: channel.id, channelName: channel.name, channelType: channel.type, url };
    }
    return { channelId: null, channelName: target.url, channelType: 'url', url: target.url, headers: target.headers ?? [] };
  }

  async function notify(payload: NotificationPayload, sourceKey: string, fromTrigger: string | undefined): Promise<void> {
    if (seen.has(sourceKey) || store.hasSource(sourceKey)) return;
    seen.add(sourceKey);
    for (const channelId of routeChannels(section(), payload)) {
      const channel = channels().find((c) => c.id === channelId);
      if (!channel) continue;
      // a run started by a notification trigger must not feed that same trigger again
      if (channel.type === 'trigger' && fromTrigger && channel.triggerId === fromTrigger) continue;
      await worker.enqueue({ payload, target: describeTarget({ channelId }), origin: 'event', sourceKey: `${sourceKey}>${channelId}` });
    }
  }

  function onEvent(event: EngineEvent): void {
    const project = section().project;
    let job: Promise<void> | null = null;
    if (event.type === 'execution.status') {
      const type = executionEventType(event.execution.status);
      if (type) job = notify(executionPayload(type, event.execution, project), `execution:${event.execution.id}:${type}`, event.execution.triggerId);
    } else if (event.type === 'pipeline.status') {
      const type = pipelineEventType(event.pipeline.status);
      if (type) job = notify(pipelinePayload(type, event.pipeline, project), `pipeline:${event.pipeline.id}:${type}`, event.pipeline.triggerId);
    }
    job?.catch((error) => console.error(`hookbench: notification failed: ${errorMessage(error)}`));
  }

  return {
    store,
    worker,
    section,
    channels,
    describeTarget,
    send: (target, payload, origin) => worker.enqueue({ payload, target: describeTarget(target), origin }),
    async redeliver(id) {
      const original = store.summary(id);
      const stored = store.body(id);
      if (!original || !stored) throw new Error(`no delivery ${JSON.stringify(id)}`);
      return worker.enqueue({ payload: stored.payload, target: original.target, origin: 'redeliver', redeliveryOf: id, body: stored.requestBody });
    },
    start() {
      if (unsubscribe) return;
      worker.resume();
      unsubscribe = options.events.subscribe((batch) => batch.forEach(onEvent));
    },
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      await worker.stop();
      await store.close();
    },
  };
}
