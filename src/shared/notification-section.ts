// Validates the `notifications` workspace section with the schemas in shared/schema/notifications.ts;
// every problem names its JSON path.
import type { DeliverySettings, NotificationChannel, NotificationProject, NotificationRouting, NotificationsSection } from './notifications';
import {
  DeliverySettingsSchema,
  NotificationChannelSchema,
  NotificationProjectSchema,
  NotificationRoutingSchema,
  NotificationsSectionSchema,
} from './schema/notifications';
import { parseOrThrow } from './schema/validate';

export function validateProject(value: unknown, path: string): NotificationProject {
  return parseOrThrow(NotificationProjectSchema, value, path);
}

export function validateChannel(value: unknown, path: string): NotificationChannel {
  return parseOrThrow(NotificationChannelSchema, value, path);
}

export function validateRouting(value: unknown, path: string): NotificationRouting {
  return parseOrThrow(NotificationRoutingSchema, value, path);
}

export function validateDelivery(value: unknown, path: string): DeliverySettings {
  return parseOrThrow(DeliverySettingsSchema, value, path);
}

export function validateNotificationsSection(value: unknown, path: string): NotificationsSection {
  return parseOrThrow(NotificationsSectionSchema, value, path);
}
