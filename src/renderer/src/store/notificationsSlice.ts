// The notifications slice: channels/routings (the workspace section), the delivery log and
// per-channel health. Events fold in per batch like the other slices.
import type { EventBatch } from '@shared/events';
import type { ChannelHealth, DeliveryFilter, DeliverySummary, NotificationsView } from '@shared/notifications';

export type NotificationsTab = 'channels' | 'routings' | 'log' | 'simulator' | 'project';

export interface NotificationsState {
  view: NotificationsView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  tab: NotificationsTab;
  /** newest first */
  deliveries: DeliverySummary[];
  filter: DeliveryFilter;
  openDeliveryId: string | null;
  health: ChannelHealth[];
}

export const DELIVERY_LIMIT = 2_000;

export const initialNotifications = (): NotificationsState => ({
  view: null,
  status: 'idle',
  error: null,
  tab: 'channels',
  deliveries: [],
  filter: {},
  openDeliveryId: null,
  health: [],
});

export const deliveryMatches = (d: DeliverySummary, f: DeliveryFilter): boolean =>
  (!f.channelId || d.target.channelId === f.channelId) && (!f.status || d.status === f.status) && (!f.eventType || d.eventType === f.eventType);

export interface NotificationBatchOutcome {
  next: NotificationsState | null;
  /** a delivery changed: health needs refetching */
  refreshHealth: boolean;
  /** the workspace changed: channels and routings need refetching */
  reloadView: boolean;
}

/** Pure: newer states of the same delivery replace older ones in place; new ones go on top. */
export function applyNotificationEvents(state: NotificationsState, batch: EventBatch): NotificationBatchOutcome {
  let deliveries = state.deliveries;
  let refreshHealth = false;
  let reloadView = false;
  for (const event of batch) {
    if (event.type === 'workspace.changed') reloadView = true;
    if (event.type !== 'delivery.attempt') continue;
    refreshHealth = true;
    const d = event.delivery;
    const at = deliveries.findIndex((x) => x.id === d.id);
    if (at >= 0) {
      if (deliveries[at].updatedAt > d.updatedAt) continue;
      deliveries = deliveries.slice();
      deliveries[at] = d;
    } else if (deliveryMatches(d, state.filter)) {
      deliveries = [d, ...deliveries].slice(0, DELIVERY_LIMIT);
    }
  }
  return { next: deliveries === state.deliveries ? null : { ...state, deliveries }, refreshHealth, reloadView };
}
