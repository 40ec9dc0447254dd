import type { PageId } from '../store/types';

export interface PageEntry {
  id: PageId;
  label: string;
  /** shown next to the label while the capability is still being built */
  soon?: boolean;
}

export const PAGES: PageEntry[] = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'triggers', label: 'Triggers', soon: true },
  { id: 'sender', label: 'Sender', soon: true },
  { id: 'runs', label: 'Runs', soon: true },
  { id: 'notifications', label: 'Notifications', soon: true },
  { id: 'settings', label: 'Settings' },
];

export const isPageId = (value: string): value is PageId => PAGES.some((page) => page.id === value);
