// The engine: opens the stores, composes the routers, runs the receiver and serves the
// contract. Plain Node, started alike by the Electron main process and by the CLI.
import { version } from '../../../package.json';
import type { ApiHandlers, EngineInfo } from '../../shared/contract';
import type { Settings } from '../../shared/settings';
import { createHandlers } from './api/handlers';
import type { EngineContext } from './context';
import { createEventBus } from './events/event-bus';
import type { Engine, EngineOptions, RequestRouter } from './ports';
import { createReceiverControl } from './receiver-control';
import { createInboxRouter } from './receiver';
import { capturesDir, openCaptureStore } from './store/capture-store';
import { openWorkspaceStore, plainSecretCodec } from './store/workspace-store';
import { createTriggerRouter, openTriggerStores } from './triggers';

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const events = createEventBus();
  let context: EngineContext | null = null;

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
  });

  const handlers: ApiHandlers = createHandlers(ctx, info);

  async function open(): Promise<EngineContext> {
    const workspace = await openWorkspaceStore(options.dataDir, options.secretCodec ?? plainSecretCodec);
    if (options.workspace) {
      const { env, triggers } = options.workspace;
      await workspace.update((draft) => ({ ...draft, env, triggers }));
    }
    const captures = await openCaptureStore(capturesDir(options.dataDir), workspace.settings().retention);
    const triggers = await openTriggerStores(options.dataDir, now, { maxEntries: () => workspace.settings().retention.maxCaptures });

    const triggerRouter = createTriggerRouter({
      getTrigger: (id) => workspace.get().triggers.find((t) => t.id === id),
      env: () => workspace.get().env,
      log: triggers.log,
      runs: triggers.runs,
      history: triggers.history,
      onEvent: (event) => events.emit(event),
      now,
    });
    const inboxRouter = createInboxRouter(() => workspace.settings().inboxResponse);
    const router: RequestRouter = async (request) => (await triggerRouter(request)) ?? inboxRouter(request);

    const receiver = createReceiverControl({
      router,
      store: captures,
      bodyLimitBytes: () => workspace.settings().bodyLimitBytes,
      onCapture: (capture) => events.emit({ type: 'capture.received', at: now(), capture }),
      onError: (error) => console.error(`hookbench: request failed: ${(error as Error).message}`),
      now,
    });
    return { workspace, captures, triggers, receiver, events, now };
  }

  return {
    handlers,
    events,
    info,
    async start() {
      if (context) return;
      context = await open();
      const settings = context.workspace.settings();
      const address: Settings['receiver'] = { ...settings.receiver, ...options.settingsOverride?.receiver };
      await context.receiver.start(address);
    },
    async stop() {
      if (!context) return;
      const { receiver, captures, triggers } = context;
      await receiver.stop();
      events.flush();
      await Promise.all([captures.close(), triggers.close()]);
      context = null;
    },
  };
}
