// Every contract call, implemented once; both transports serve this object.
import type { ApiHandlers, EngineInfo } from '../../../shared/contract';
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

export function createHandlers(
  ctx: () => EngineContext,
  info: () => EngineInfo,
  host: { dataDir: string; desktop?: DesktopIntegration },
): ApiHandlers {
  return {
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
  };
}
