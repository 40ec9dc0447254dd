// The engine: opens the stores, composes the routers, runs the receiver and serves the
// contract. Plain Node, started alike by the Electron main process and by the CLI.
import { version } from '../../../package.json';
import type { ApiHandlers, EngineInfo } from '@shared/contract';
import type { Settings } from '@shared/settings';
import type { SigningProfile } from '@shared/signing/types';
import { createHandlers } from './api/handlers';
import type { EngineContext } from './context';
import { createEventBus } from './events/event-bus';
import { andThen } from './util/maybe-promise';
import { deliveriesDir } from './notifications/delivery-store';
import { openNotifier } from './notifications/notifier';
import type { Engine, EngineOptions, RequestRouter } from './ports';
import { createProjectLink } from './project/project-link';
import { createInboxRouter } from './receiver';
import { createReceiverControl } from './receiver-control';
import { createRunActionLauncher } from './runs/action-launcher';
import { openRunService } from './runs/run-service';
import { openSenderService } from './sender';
import { capturesDir, openCaptureStore } from './store/capture-store';
import { lockDataDir, type DataDirLock } from './store/data-dir-lock';
import { checkStorage } from './store/storage-check';
import type { StorageHealth } from '@shared/storage-health';
import { openWorkspaceStore, plainSecretCodec } from './store/workspace-store';
import { applyWorkspaceFile } from './workspace/apply-file';
import { toVersion2 } from '@shared/triggers/workspace';
import { createTriggerRouter, openTriggerStores, outsideLaunchPrefix } from './triggers';
import { errorMessage } from '@shared/error-message';

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const events = createEventBus();
  let context: EngineContext | null = null;
  let lock: DataDirLock | null = null;
  let storage: StorageHealth = { damage: [], warnings: [] };

  const ctx = (): EngineContext => {
    if (!context) throw new Error('the engine has not started');
    return context;
  };

  const info = (): EngineInfo => ({
    version,
    mode: options.mode,
    receiverUrl: context?.receiver.url() ?? '',
    dataDir: options.dataDir,
    receiverError: context?.receiver.error() ?? null,
    storage,
  });

  const handlers: ApiHandlers = createHandlers(ctx, info, { dataDir: options.dataDir, desktop: options.desktop });

  async function open(): Promise<EngineContext> {
    const workspace = await openWorkspaceStore(options.dataDir, options.secretCodec ?? plainSecretCodec);
    const config = options.workspace ? toVersion2(options.workspace) : null;
    if (config) await workspace.update((draft) => applyWorkspaceFile(draft, config, 'replace'));
    const captures = await openCaptureStore(capturesDir(options.dataDir), workspace.settings().retention, { sync: options.durability === 'power-loss' });
    // The Settings page shows one "keep the last N" setting; it bounds every growing history
    // (trigger log, runs, deliveries, sender history), read on each append so a change applies.
    const history = { maxEntries: () => workspace.settings().retention.maxCaptures };
    const triggers = await openTriggerStores(options.dataDir, now, history, { sync: options.durability === 'power-loss' });
    const project = createProjectLink(workspace);
    const runs = await openRunService({ dataDir: options.dataDir, project, emit: (event) => events.emit(event), now, retention: history });

    const triggerRouter = createTriggerRouter({
      getTrigger: (id) => workspace.get().triggers.find((t) => t.id === id),
      env: () => workspace.get().env,
      log: triggers.log,
      runs: triggers.runs,
      history: triggers.history,
      onEvent: (event) => events.emit(event),
      now,
      launchAction: createRunActionLauncher(() => runs),
    });
    const inboxRouter = createInboxRouter(() => workspace.settings().inboxResponse);
    // a request that names no trigger URL goes straight to the inbox, with no promise in between
    const router: RequestRouter = (request) =>
      outsideLaunchPrefix(request.url) ? inboxRouter(request) : andThen(triggerRouter(request), (decision) => decision ?? inboxRouter(request));

    const receiver = createReceiverControl({
      router,
      store: captures,
      bodyLimitBytes: () => workspace.settings().bodyLimitBytes,
      maxConnections: () => workspace.settings().receiver.maxConnections,
      onCapture: (capture) => events.emit({ type: 'capture.received', at: now(), capture }),
      onError: (error) => console.error(`hookbench: request failed: ${errorMessage(error)}`),
      onDrop: warnReceiverFull(),
      now,
    });
    const notifications = await openNotifier({
      dir: deliveriesDir(options.dataDir),
      workspace,
      events,
      receiverUrl: () => receiver.url(),
      now,
      retention: history,
    });
    const sender = await openSenderService({
      dataDir: options.dataDir,
      captures,
      now,
      emit: (event) => events.emit(event),
      env: () => workspace.get().env,
      triggers: () => workspace.get().triggers,
      profiles: () => (workspace.get().sections.signingProfiles as SigningProfile[] | undefined) ?? [],
      receiverUrl: () => receiver.url() ?? '',
      retention: history,
    });
    return { workspace, captures, triggers, receiver, events, notifications, project, runs, sender, now };
  }

  return {
    handlers,
    events,
    info,
    async start() {
      if (context) return;
      lock = await lockDataDir(options.dataDir);
      try {
        context = await open();
      } catch (error) {
        await lock.release();
        lock = null;
        throw error;
      }
      storage = await checkStorage(options.dataDir);
      const settings = context.workspace.settings();
      const address: Settings['receiver'] = { ...settings.receiver, ...options.settingsOverride?.receiver };
      context.notifications.start();
      await context.receiver.start(address);
      context.sender.resume();
    },
    async stop() {
      if (!context) return;
      const { receiver, captures, triggers, notifications } = context;
      await notifications.close();
      await context.sender.close();
      await receiver.stop();
      await context.runs.close();
      events.flush();
      await Promise.all([captures.close(), triggers.close()]);
      context = null;
      await lock?.release();
      lock = null;
    },
  };
}

/** one line per 10 s at most while the receiver turns connections away */
function warnReceiverFull(): (limit: number) => void {
  let dropped = 0;
  let timer: NodeJS.Timeout | null = null;
  return (limit) => {
    dropped++;
    if (timer) return;
    timer = setTimeout(() => {
      console.warn(`hookbench: the receiver is full (receiver.maxConnections = ${limit}): ${dropped} connection(s) closed at connect in the last 10 s`);
      dropped = 0;
      timer = null;
    }, 10_000);
    timer.unref();
  };
}
