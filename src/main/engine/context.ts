// What the API handlers work with once the engine has started: its opened parts.
import type { TriggerStores } from './triggers';
import type { CaptureStore, EventBus } from './ports';
import type { WorkspaceStore } from './store/workspace-store';
import type { ReceiverControl } from './receiver-control';
import type { SenderService } from './sender';
import type { ProjectLink } from './project/project-link';
import type { RunService } from './runs/run-service';
import type { Notifier } from './notifications/notifier';

export interface EngineContext {
  workspace: WorkspaceStore;
  captures: CaptureStore;
  triggers: TriggerStores;
  receiver: ReceiverControl;
  events: EventBus;
  project: ProjectLink;
  runs: RunService;
  notifications: Notifier;
  sender: SenderService;
  now: () => number;
}
