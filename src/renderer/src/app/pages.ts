import type { PageId } from '../store/types';

export interface PageEntry {
  id: PageId;
  label: string;
}

export const PAGES: PageEntry[] = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'triggers', label: 'Triggers' },
  { id: 'trigger-log', label: 'Log' },
  { id: 'playground', label: 'Playground' },
  { id: 'sender', label: 'Sender' },
  { id: 'runs', label: 'Runs' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'settings', label: 'Settings' },
];

export const isPageId = (value: string): value is PageId => PAGES.some((page) => page.id === value);
