// Every contract call, implemented once; both transports serve this object.
import { API_METHODS, type ApiHandlers, type ApiMethod, type EngineInfo } from '@shared/contract';
import { checkArgs } from '@shared/api-args';
import type { EngineContext } from '../context';
import type { DesktopIntegration } from '../ports';
import { fileHandlers } from './file-handlers';
import { captureHandlers } from './capture-handlers';
import { logHandlers } from './log-handlers';
import { runsHandlers } from './runs-handlers';
import { notificationHandlers } from './notification-handlers';
import { senderHandlers } from './sender-handlers';
import { settingsHandlers } from './settings-handlers';
import { triggerHandlers } from './trigger-handlers';
import { workspaceHandlers } from './workspace-handlers';

export function createHandlers(ctx: () => EngineContext, info: () => EngineInfo, host: { dataDir: string; desktop?: DesktopIntegration }): ApiHandlers {
  return withCheckedArgs({
    'engine.info': async () => info(),
    ...fileHandlers(ctx, host.dataDir, host.desktop),
    ...captureHandlers(ctx),
    ...settingsHandlers(ctx),
    ...triggerHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...logHandlers(ctx),
    ...senderHandlers(ctx),
    ...runsHandlers(ctx),
    ...notificationHandlers(ctx),
  });
}

/** Every call's argument is checked against its schema (shared/api-args.ts) before its handler runs. */
function withCheckedArgs(handlers: ApiHandlers): ApiHandlers {
  const checked: Partial<Record<ApiMethod, (args: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    checked[method] = async (args: unknown) => handler(checkArgs(method, args));
  }
  return checked as ApiHandlers;
}
