// The trigger emulator: evaluation, the launch/run-info router, its stores, forensics, what-if.
import { createLaunchHistory, type LaunchHistory } from './launch-history';
import { openTriggerLogStore, type LogRetention, type TriggerLogStore } from './trigger-log-store';
import { openTriggerRunStore, type TriggerRunStore } from './trigger-run-store';

export { allPassed, evaluateTrigger, firstFailure, type EvaluationContext } from './evaluate';
export { createTriggerRouter, type TriggerRouter, type TriggerRouterDeps } from './router';
export { diagnoseHmacMismatch, type ForensicMatch, type ForensicReport } from './forensics';
export { whatIf, type WhatIfCapture } from './what-if';
export { idOnlyLauncher, type ActionLauncher, type RunAction } from './run-actions';
export { outsideLaunchPrefix, parseLaunchPath, LAUNCH_PREFIX } from './launch-path';
export type { LaunchHistory, TriggerLogStore, TriggerRunStore };
export type { LogSummary } from './trigger-log-store';

export interface TriggerStores {
  log: TriggerLogStore;
  runs: TriggerRunStore;
  /** rebuilt from the log, so rate limits survive restarts */
  history: LaunchHistory;
  close(): Promise<void>;
}

/** Opens `<dataDir>/trigger-log` and `<dataDir>/trigger-runs`. */
export async function openTriggerStores(
  dataDir: string,
  now: () => number = Date.now,
  retention?: LogRetention,
  options: { sync?: boolean } = {},
): Promise<TriggerStores> {
  const log = await openTriggerLogStore(dataDir, retention, options);
  const runs = await openTriggerRunStore(dataDir, log, retention, now, options);
  return {
    log,
    runs,
    history: createLaunchHistory(log.summaries(), now),
    async close() {
      await Promise.all([log.close(), runs.close()]);
    },
  };
}
