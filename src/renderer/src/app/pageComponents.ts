// The component shown for each page id of PAGES; a page left out is a compile error. The inbox
// (the first screen) is in the main bundle; every other page is its own chunk, loaded when first
// opened (App renders pages inside Suspense), so the first rows wait for nothing they do not show.
import { lazy, type ComponentType } from 'react';
import { InboxPage } from '../features/captures/InboxPage';
import type { PageId } from './pages';

const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const RunsPage = lazy(() => import('../features/runs/RunsPage').then((m) => ({ default: m.RunsPage })));
const SenderPage = lazy(() => import('../features/sender/SenderPage').then((m) => ({ default: m.SenderPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TriggerLogPage = lazy(() => import('../features/trigger-log/TriggerLogPage').then((m) => ({ default: m.TriggerLogPage })));
const PlaygroundPage = lazy(() => import('../features/triggers/playground/PlaygroundPage').then((m) => ({ default: m.PlaygroundPage })));
const TriggersPage = lazy(() => import('../features/triggers/TriggersPage').then((m) => ({ default: m.TriggersPage })));

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
