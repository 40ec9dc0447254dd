// The one list of pages: the page id type, the sidebar (order and labels), the hash routes
// (#/<id>) and the page shown for each id all come from here.
import type { ComponentType } from 'react';
import { InboxPage } from '../features/captures/InboxPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { RunsPage } from '../features/runs/RunsPage';
import { SenderPage } from '../features/sender/SenderPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TriggerLogPage } from '../features/trigger-log/TriggerLogPage';
import { PlaygroundPage } from '../features/triggers/playground/PlaygroundPage';
import { TriggersPage } from '../features/triggers/TriggersPage';

export interface PageEntry {
  /** also the hash route (#/<id>) and the nav test id (nav-<id>) */
  id: string;
  /** the sidebar label */
  label: string;
  component: ComponentType;
}

export const PAGES = [
  { id: 'inbox', label: 'Inbox', component: InboxPage },
  { id: 'triggers', label: 'Triggers', component: TriggersPage },
  { id: 'trigger-log', label: 'Log', component: TriggerLogPage },
  { id: 'playground', label: 'Playground', component: PlaygroundPage },
  { id: 'sender', label: 'Sender', component: SenderPage },
  { id: 'runs', label: 'Runs', component: RunsPage },
  { id: 'notifications', label: 'Notifications', component: NotificationsPage },
  { id: 'settings', label: 'Settings', component: SettingsPage },
] as const satisfies readonly PageEntry[];

export type PageId = (typeof PAGES)[number]['id'];

export const isPageId = (value: string): value is PageId => PAGES.some((page) => page.id === value);

export const pageEntry = (id: PageId): (typeof PAGES)[number] => PAGES.find((page) => page.id === id) ?? PAGES[0];
