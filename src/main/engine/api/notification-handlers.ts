// Notification calls: channels, routings, settings, send test, simulator, delivery log.
import { ApiError, type ApiHandlers } from '@shared/contract';
import { validateChannel, validateDelivery, validateProject, validateRouting } from '@shared/notification-section';
import { checkNotificationPayload } from '@shared/notification-schemas';
import {
  NOTIFICATION_EVENT_TYPES,
  type NotificationEventType,
  type NotificationPayload,
  type NotificationsSection,
  type OutgoingRequestPreview,
  type SendTarget,
} from '@shared/notifications';
import type { EngineContext } from '../context';
import { maskChannel, maskSection, withStoredChannelSecret } from '../notifications/channel-secrets';
import { deliveryListLimit } from '../notifications/delivery-store';
import { readSection, sendTestDelivery } from '../notifications/notifier';
import { buildRequest, channelBody, ConfigError, NotReadyError } from '../notifications/outgoing-request';
import { examplePayload } from '../notifications/payload';
import { STORAGE_ERROR_CODE, describeStorageFailure, isStorageFailure } from '../store/storage-error';
import { errorMessage } from '@shared/error-message';

type NotificationHandlers = Pick<
  ApiHandlers,
  | 'notifications.get'
  | 'notifications.saveChannel'
  | 'notifications.deleteChannel'
  | 'notifications.saveRouting'
  | 'notifications.deleteRouting'
  | 'notifications.saveSettings'
  | 'notifications.setNotificationTrigger'
  | 'notifications.testChannel'
  | 'notifications.example'
  | 'notifications.preview'
  | 'notifications.send'
  | 'deliveries.list'
  | 'deliveries.get'
  | 'deliveries.redeliver'
  | 'deliveries.health'
>;

function eventType(value: unknown): NotificationEventType {
  if (!NOTIFICATION_EVENT_TYPES.includes(value as NotificationEventType)) {
    throw new ApiError('invalid', `eventType: must be one of ${NOTIFICATION_EVENT_TYPES.join(', ')}`, 'eventType');
  }
  return value as NotificationEventType;
}

function payloadShape(payload: unknown): NotificationPayload {
  const type = (payload as { type?: unknown } | null)?.type;
  if (typeof payload !== 'object' || payload === null) throw new ApiError('invalid', 'payload: must be an object', 'payload');
  eventType(type);
  return payload as NotificationPayload;
}

export function notificationHandlers(ctx: () => EngineContext): NotificationHandlers {
  const notifier = () => ctx().notifications;
  const changed = () => ctx().events.emit({ type: 'workspace.changed', at: ctx().now() });
  const update = async (mutate: (section: NotificationsSection) => void): Promise<NotificationsSection> => {
    const next = await ctx()
      .workspace.update((draft) => {
        const section = structuredClone(readSection(ctx().workspace));
        mutate(section);
        draft.sections.notifications = section;
      })
      .catch((error: Error) => {
        if (error instanceof ApiError) throw error;
        if (isStorageFailure(error)) throw new ApiError(STORAGE_ERROR_CODE, describeStorageFailure(error));
        throw new ApiError('invalid', error.message);
      });
    changed();
    return next.sections.notifications as NotificationsSection;
  };
  // literal signing secrets leave the engine only as SECRET_PLACEHOLDER
  const view = () => ({ section: maskSection(notifier().section()), channels: notifier().channels().map(maskChannel) });

  return {
    'notifications.get': async () => view(),

    'notifications.saveChannel': async ({ channel, previousId }) => {
      const withSecret = withStoredChannelSecret(channel, readSection(ctx().workspace).channels, previousId);
      const valid = validateChannel({ ...withSecret, managed: undefined }, 'channel');
      await update((section) => {
        const original = previousId ?? valid.id;
        if (
          section.channels.some((c) => c.id === valid.id && c.id !== original) ||
          notifier()
            .channels()
            .some((c) => c.managed && c.id === valid.id)
        ) {
          throw new ApiError('exists', `channel.id: a channel with id ${JSON.stringify(valid.id)} already exists`, 'channel.id');
        }
        const at = section.channels.findIndex((c) => c.id === original);
        if (at >= 0) section.channels[at] = valid;
        else section.channels.push(valid);
        if (original !== valid.id) {
          for (const r of section.routings) r.channelIds = r.channelIds.map((id) => (id === original ? valid.id : id));
        }
      });
      return maskChannel(valid);
    },

    'notifications.deleteChannel': async ({ id }) => {
      let deleted = false;
      await update((section) => {
        deleted = section.channels.some((c) => c.id === id);
        section.channels = section.channels.filter((c) => c.id !== id);
        section.routings = section.routings.map((r) => ({ ...r, channelIds: r.channelIds.filter((c) => c !== id) })).filter((r) => r.channelIds.length > 0);
      });
      return { deleted };
    },

    'notifications.saveRouting': async ({ routing }) => {
      const valid = validateRouting(routing, 'routing');
      const known = new Set(
        notifier()
          .channels()
          .map((c) => c.id),
      );
      const unknown = valid.channelIds.find((id) => !known.has(id));
      if (unknown) throw new ApiError('invalid', `routing.channelIds: no channel ${JSON.stringify(unknown)}`, 'routing.channelIds');
      await update((section) => {
        const at = section.routings.findIndex((r) => r.id === valid.id);
        if (at >= 0) section.routings[at] = valid;
        else section.routings.push(valid);
      });
      return valid;
    },

    'notifications.deleteRouting': async ({ id }) => {
      let deleted = false;
      await update((section) => {
        deleted = section.routings.some((r) => r.id === id);
        section.routings = section.routings.filter((r) => r.id !== id);
      });
      return { deleted };
    },

    'notifications.saveSettings': async ({ project, delivery }) => {
      const p = project === undefined ? undefined : validateProject(project, 'project');
      const d = delivery === undefined ? undefined : validateDelivery(delivery, 'delivery');
      return maskSection(
        await update((section) => {
          if (p) section.project = p;
          if (d) section.delivery = d;
        }),
      );
    },

    'notifications.setNotificationTrigger': async ({ triggerId, enabled }) => {
      if (
        enabled &&
        !ctx()
          .workspace.get()
          .triggers.some((t) => t.id === triggerId)
      ) {
        throw new ApiError('not_found', `triggerId: no trigger ${JSON.stringify(triggerId)}`, 'triggerId');
      }
      const section = await update((s) => {
        s.notificationTriggers = enabled ? [...new Set([...s.notificationTriggers, triggerId])] : s.notificationTriggers.filter((t) => t !== triggerId);
      });
      return { section: maskSection(section), channels: notifier().channels().map(maskChannel) };
    },

    'notifications.testChannel': async ({ channelId, eventType: type }) => {
      const event = type ? eventType(type) : 'execution_completed';
      notifier().describeTarget({ channelId });
      return sendTestDelivery(notifier(), channelId, event, ctx().now());
    },

    'notifications.example': async ({ eventType: type }) => examplePayload(eventType(type), notifier().section().project, ctx().now()),

    'notifications.preview': async ({ target, payload }) => preview(ctx, target, payloadShape(payload)),

    'notifications.send': async ({ target, payload }) => {
      const p = payloadShape(payload);
      const t = notifier().describeTarget(target);
      if (!t.url && t.channelType !== 'trigger') throw new ApiError('invalid', 'target.url: is required', 'target.url');
      if (t.channelType === 'url') validateChannel({ id: 'x', name: 'x', type: 'custom', url: t.url, headers: t.headers }, 'target');
      return notifier().send(target, p, 'simulator');
    },

    'deliveries.list': async ({ filter, limit }) => notifier().store.list(filter ?? {}, deliveryListLimit(limit)),
    'deliveries.get': async ({ id }) => notifier().store.get(id),
    'deliveries.redeliver': async ({ ids }) => {
      const out = [];
      for (const id of ids)
        out.push(
          await notifier()
            .redeliver(id)
            .catch((e: unknown) => {
              throw new ApiError('not_found', errorMessage(e), 'ids');
            }),
        );
      return out;
    },
    'deliveries.health': async () =>
      notifier()
        .channels()
        .map((c) => notifier().store.health(c.id)),
  };
}

function preview(ctx: () => EngineContext, target: SendTarget, payload: NotificationPayload): OutgoingRequestPreview {
  const notifier = ctx().notifications;
  const schemaProblems = checkNotificationPayload(payload);
  let t;
  try {
    t = notifier.describeTarget(target);
  } catch (error) {
    return { method: 'POST', url: '', headers: [], body: '', problem: errorMessage(error), schemaProblems };
  }
  const body = channelBody(t.channelType, payload);
  const channel = t.channelId ? (notifier.channels().find((c) => c.id === t.channelId) ?? null) : null;
  try {
    const built = buildRequest(t, channel, body, {
      deliveryId: '<delivery id>',
      attempt: 1,
      eventType: payload.type,
      env: ctx().workspace.get().env,
      receiverUrl: ctx().receiver.url(),
      nowMs: ctx().now(),
    });
    return { method: 'POST', url: built.url, headers: built.maskedHeaders, body, schemaProblems };
  } catch (error) {
    if (!(error instanceof ConfigError) && !(error instanceof NotReadyError)) throw error;
    return { method: 'POST', url: t.url, headers: [], body, problem: error.message, schemaProblems };
  }
}
