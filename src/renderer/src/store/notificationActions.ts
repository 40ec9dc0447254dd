// Loading and editing notifications through the API; the slice is updated from the answers.
import type { ApiArgs } from '@shared/contract';
import type { DeliveryFilter, NotificationChannel, NotificationRouting } from '@shared/notifications';
import { api } from '../api';
import { describeError } from '../api/envelope';
import { DELIVERY_LIMIT, type NotificationsState, type NotificationsTab } from './notificationsSlice';
import { startRequest } from './latest';
import { useAppStore } from './store';

const { getState, setState } = useAppStore;

export function patchNotifications(patch: Partial<NotificationsState>): void {
  setState((state) => ({ notifications: { ...state.notifications, ...patch } }));
}

export async function loadNotifications(): Promise<void> {
  if (getState().notifications.status === 'idle') patchNotifications({ status: 'loading' });
  try {
    const [view, health] = await Promise.all([api['notifications.get'](), api['deliveries.health']()]);
    patchNotifications({ view, health, status: 'ready', error: null });
  } catch (error) {
    patchNotifications({ status: 'error', error: describeError(error) });
  }
  await loadDeliveries();
}

export async function loadDeliveries(): Promise<void> {
  const latest = startRequest('deliveries');
  try {
    const deliveries = await api['deliveries.list']({ filter: getState().notifications.filter, limit: DELIVERY_LIMIT });
    if (latest()) patchNotifications({ deliveries });
  } catch (error) {
    if (latest()) patchNotifications({ error: describeError(error) });
  }
}

let healthTimer: ReturnType<typeof setTimeout> | null = null;
/** debounced: a burst of attempts costs one health fetch */
export function refreshHealth(): void {
  if (healthTimer) return;
  healthTimer = setTimeout(async () => {
    healthTimer = null;
    try {
      patchNotifications({ health: await api['deliveries.health']() });
    } catch {
      // the next attempt event tries again
    }
  }, 300);
}

export async function reloadView(): Promise<void> {
  try {
    patchNotifications({ view: await api['notifications.get']() });
  } catch (error) {
    patchNotifications({ error: describeError(error) });
  }
}

export function setDeliveryFilter(filter: DeliveryFilter): Promise<void> {
  patchNotifications({ filter });
  return loadDeliveries();
}

export const setNotificationsTab = (tab: NotificationsTab) => patchNotifications({ tab });
export const openDelivery = (id: string | null) => patchNotifications({ openDeliveryId: id });

export async function saveChannel(channel: NotificationChannel, previousId?: string): Promise<NotificationChannel> {
  const saved = await api['notifications.saveChannel']({ channel, previousId });
  await reloadView();
  return saved;
}
export async function deleteChannel(id: string): Promise<void> {
  await api['notifications.deleteChannel']({ id });
  await reloadView();
}
export async function saveRouting(routing: NotificationRouting): Promise<void> {
  await api['notifications.saveRouting']({ routing });
  await reloadView();
}
export async function deleteRouting(id: string): Promise<void> {
  await api['notifications.deleteRouting']({ id });
  await reloadView();
}
export async function setNotificationTrigger(triggerId: string, enabled: boolean): Promise<void> {
  patchNotifications({ view: await api['notifications.setNotificationTrigger']({ triggerId, enabled }) });
}
export async function redeliver(ids: string[]): Promise<void> {
  await api['deliveries.redeliver']({ ids });
}

export const getDelivery = (id: string) => api['deliveries.get']({ id });
export const testChannel = (channelId: string) => api['notifications.testChannel']({ channelId });
export const saveNotificationSettings = (args: ApiArgs<'notifications.saveSettings'>) => api['notifications.saveSettings'](args);
export const notificationExample = (args: ApiArgs<'notifications.example'>) => api['notifications.example'](args);
export const previewNotification = (args: ApiArgs<'notifications.preview'>) => api['notifications.preview'](args);
export const sendNotification = (args: ApiArgs<'notifications.send'>) => api['notifications.send'](args);
