// The component shown for each page id of PAGES; a page left out is a compile error.
import type { ComponentType } from 'react';
import { InboxPage } from '../features/captures/InboxPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { RunsPage } from '../features/runs/RunsPage';
import { SenderPage } from '../features/sender/SenderPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TriggerLogPage } from '../features/trigger-log/TriggerLogPage';
import { PlaygroundPage } from '../features/triggers/playground/PlaygroundPage';
import { TriggersPage } from '../features/triggers/TriggersPage';
import type { PageId } from './pages';

export const PAGE_COMPONENTS = {
  inbox: InboxPage,
  triggers: TriggersPage,
  'trigger-log': TriggerLogPage,
  playground: PlaygroundPage,
  sender: SenderPage,
  runs: RunsPage,
  notifications: NotificationsPage,
  settings: SettingsPage,
} as const satisfies { readonly [P in PageId]: ComponentType };

/** The component for a page id; an unknown id (never produced by the router) shows the inbox. */
export const pageComponent = (id: PageId): ComponentType => PAGE_COMPONENTS[id] ?? InboxPage;
