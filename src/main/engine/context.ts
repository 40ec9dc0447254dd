// What the API handlers work with once the engine has started: its opened parts.
import type { TriggerStores } from './triggers';
import type { CaptureStore, EventBus } from './ports';
import type { WorkspaceStore } from './store/workspace-store';
import type { ReceiverControl } from './receiver-control';

export interface EngineContext {
  workspace: WorkspaceStore;
  captures: CaptureStore;
  triggers: TriggerStores;
  receiver: ReceiverControl;
  events: EventBus;
  now: () => number;
}
