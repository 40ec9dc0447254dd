// The trigger log and trigger runs.
import type { ApiHandlers } from '@shared/contract';
import type { EngineContext } from '../context';

type LogHandlers = Pick<ApiHandlers, 'triggerLog.list' | 'triggerLog.forCapture' | 'triggerRuns.get'>;

const LOG_PAGE_MAX = 1000;

export function logHandlers(ctx: () => EngineContext): LogHandlers {
  return {
    'triggerLog.list': async ({ filter, limit }) => ctx().triggers.log.list(filter, Math.min(Math.max(1, limit ?? 200), LOG_PAGE_MAX)),
    'triggerLog.forCapture': async ({ captureId }) => ctx().triggers.log.forCapture(captureId),
    'triggerRuns.get': async ({ id }) => ctx().triggers.runs.get(id),
  };
}
