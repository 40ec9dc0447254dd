// The store's shape: one typed slice per area. Slices are plain data; actions live in their
// own modules and write through the store's set().
import type { CaptureFilter, CaptureSummary } from '@shared/capture';
import type { EngineInfo } from '@shared/contract';
import type { Settings } from '@shared/settings';
import type { Trigger } from '@shared/trigger';
import type { TriggerLogEntry, TriggerLogFilter, TriggerRun } from '@shared/trigger-log';
import type { ConnectionStatus } from '../api/transport';
import type { NotificationsState } from './notificationsSlice';
import type { RunsState } from './runsSlice';
import type { SenderState } from './senderSlice';
import type { DeepWindow } from './captureWindow';
import type { PageId } from '../app/pages';

// the page ids come from the one page list (type only: the store does not load the pages)
export type { PageId } from '../app/pages';

export interface CapturesState {
  /** newest first: the loaded prefix of the list (see captureWindow.ts) */
  items: CaptureSummary[];
  /** rows loaded further down, by offset, after a jump or a drag past the prefix */
  deep: DeepWindow | null;
  /** how many captures match the filter on the engine */
  total: number;
  filter: CaptureFilter;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  hasMore: boolean;
  error: string | null;
  /** the keyboard/selection cursor */
  selectedId: string | null;
  /** the capture shown in the detail pane */
  openId: string | null;
  /** live captures arrived whose match against the filter only the engine can decide */
  headStale: boolean;
}

/** Client-side read marks: everything at or below the watermark is read, plus `read` above it. */
export interface UnreadState {
  watermark: number;
  read: number[];
}

export interface SettingsState {
  value: Settings | null;
  error: string | null;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the right-hand side of the Triggers page shows. */
export type TriggersPanel = 'editor' | 'env' | 'workspace';

export interface TriggersState {
  items: Trigger[];
  status: LoadStatus;
  error: string | null;
  /** the saved trigger open in the editor, or null */
  openId: string | null;
  /** an unsaved trigger (blank, preset or duplicate) open in the editor instead */
  draft: Trigger | null;
  panel: TriggersPanel;
}

export interface TriggerLogState {
  /** newest first */
  entries: TriggerLogEntry[];
  filter: TriggerLogFilter;
  status: LoadStatus;
  error: string | null;
  /** the entry shown in the log's detail pane */
  openEntryId: string | null;
  /** runs fetched or pushed by run.status events, by id */
  runs: Record<string, TriggerRun>;
}

export interface UiState {
  page: PageId;
  connection: ConnectionStatus;
  engine: EngineInfo | null;
  engineError: string | null;
}

export interface AppState {
  captures: CapturesState;
  unread: UnreadState;
  settings: SettingsState;
  triggers: TriggersState;
  triggerLog: TriggerLogState;
  runs: RunsState;
  notifications: NotificationsState;
  sender: SenderState;
  ui: UiState;
}
