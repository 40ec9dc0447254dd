// The store's shape: one typed slice per area. Slices are plain data; actions live in their
// own modules and write through the store's set().
import type { CaptureFilter, CaptureSummary } from '../../../shared/capture';
import type { EngineInfo } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings';
import type { ConnectionStatus } from '../api/transport';

export type PageId = 'inbox' | 'triggers' | 'sender' | 'runs' | 'notifications' | 'settings';

export interface CapturesState {
  /** newest first */
  items: CaptureSummary[];
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

/** Triggers are being built in the engine; the slice exists so the page can grow into it. */
export interface TriggersState {
  available: false;
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
  ui: UiState;
}
