// The one list of pages: the page id type, the sidebar (order and labels), the hash routes
// (#/<id>) and the page shown for each id (pageComponents.ts, keyed by these ids) all come from
// here. Plain data, so tests and the router can read it without loading the pages themselves.
export interface PageEntry {
  /** also the hash route (#/<id>) and the nav test id (nav-<id>) */
  id: string;
  /** the sidebar label */
  label: string;
}

export const PAGES = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'triggers', label: 'Triggers' },
  { id: 'trigger-log', label: 'Log' },
  { id: 'playground', label: 'Playground' },
  { id: 'sender', label: 'Sender' },
  { id: 'runs', label: 'Runs' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly PageEntry[];

export type PageId = (typeof PAGES)[number]['id'];

export const isPageId = (value: string): value is PageId => PAGES.some((page) => page.id === value);
