// Which channels an event goes to: enabled routings of its type whose filters all match.
import type { NotificationChannel, NotificationPayload, NotificationRouting, NotificationsSection, TriggerChannel } from '@shared/notifications';
import { managedChannelId } from '@shared/notifications';
import type { Trigger } from '@shared/trigger';

/** The step of an execution or task, or the name of a pipeline / deployment, from the payload data. */
export function payloadStep(payload: NotificationPayload): string | null {
  const d = payload.data;
  const value = d['valohai.execution-step'] ?? d['valohai.task-step'] ?? d['valohai.pipeline-title'] ?? d['valohai.deployment-name'];
  return typeof value === 'string' ? value : null;
}

export function payloadStatus(payload: NotificationPayload): string | null {
  const entry = Object.entries(payload.data).find(([k]) => /^valohai\.(execution|pipeline|task|deployment)-status$/.test(k));
  return entry && typeof entry[1] === 'string' ? entry[1] : null;
}

export function routingMatches(routing: NotificationRouting, payload: NotificationPayload): boolean {
  if (!routing.enabled || routing.event !== payload.type) return false;
  const { project, step, status } = routing.filters;
  if (project && payload.data['valohai.project-name'] !== project) return false;
  if (step && payloadStep(payload) !== step) return false;
  if (status && payloadStatus(payload) !== status) return false;
  return true;
}

/** Channel ids to deliver to, each once even when several routings name it. */
export function routeChannels(section: NotificationsSection, payload: NotificationPayload): string[] {
  const ids = new Set<string>();
  for (const routing of section.routings) if (routingMatches(routing, payload)) routing.channelIds.forEach((id) => ids.add(id));
  return [...ids];
}

/** The configured channels plus one managed Trigger channel per notification trigger that exists. */
export function allChannels(section: NotificationsSection, triggers: readonly Trigger[]): NotificationChannel[] {
  const managed: TriggerChannel[] = section.notificationTriggers.flatMap((triggerId) => {
    const trigger = triggers.find((t) => t.id === triggerId);
    return trigger
      ? [{ id: managedChannelId(triggerId), name: `Trigger: ${trigger.title || trigger.id}`, type: 'trigger' as const, triggerId, managed: true }]
      : [];
  });
  return [...section.channels.filter((c) => !c.managed), ...managed];
}
