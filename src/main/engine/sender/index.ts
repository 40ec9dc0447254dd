// The sender as the engine opens it: history journal, sender, bulk runner; resumes tracked runs.
import type { EngineEvent } from '@shared/events';
import type { SigningProfile } from '@shared/signing/types';
import type { Trigger } from '@shared/trigger';
import type { EnvSource } from '@shared/triggers/secrets';
import type { CaptureStore } from '../ports';
import { createBulkRunner, type BulkRunner } from './bulk';
import { openSenderHistory, type SenderHistory, type SenderHistoryOptions } from './history-store';
import { createSender, type Sender } from './sender';

export interface SenderService {
  sender: Sender;
  bulk: BulkRunner;
  history: SenderHistory;
  /** picks up runs a previous process was still tracking (call once the receiver listens) */
  resume(): void;
  close(): Promise<void>;
}

export async function openSenderService(deps: {
  dataDir: string;
  env(): EnvSource;
  profiles(): readonly SigningProfile[];
  triggers?(): readonly Trigger[];
  receiverUrl(): string;
  captures?: CaptureStore;
  emit(event: EngineEvent): void;
  now?: () => number;
  /** sent requests and tracked runs kept in the history (runs still polling always are) */
  retention?: SenderHistoryOptions['retention'];
}): Promise<SenderService> {
  const history = await openSenderHistory(deps.dataDir, { retention: deps.retention });
  const now = deps.now ?? Date.now;
  const sender = createSender({ ...deps, history, now });
  const bulk = createBulkRunner(sender, (progress) => deps.emit({ type: 'sender.bulk', at: now(), progress }));
  return {
    sender,
    bulk,
    history,
    resume: () => sender.tracker.resume(),
    async close() {
      sender.close();
      await history.close();
    },
  };
}

export { createSender, type Sender } from './sender';
export { openSenderHistory, type SenderHistory } from './history-store';
export { sendHttp } from '../http/outgoing';
export { generateKeys } from './keys';
