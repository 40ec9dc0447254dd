// Carrying out a launch's run actions and moving its trigger run from pending to a final status.
// The engine passes the local-runs launcher; without one (router tests) an action only gets a fresh id.
import { randomUUID } from 'node:crypto';
import type { EngineEvent } from '../../../shared/events';
import type { Action, CopyPipelineAction, RunExecutionAction, RunPipelineAction, Trigger } from '../../../shared/trigger';
import type { RunActionError, RunResultEntry, TriggerRun, TriggerRunStatus } from '../../../shared/trigger-log';
import type { IncomingRequest } from '../ports';
import type { TriggerRunStore } from './trigger-run-store';
import { errorMessage } from '../../../shared/error-message';

export type RunAction = RunExecutionAction | RunPipelineAction | CopyPipelineAction;

export const isRunAction = (a: Action): a is RunAction =>
  a.type === 'run-execution' || a.type === 'run-pipeline' || a.type === 'copy-pipeline';

export interface ActionContext {
  trigger: Trigger;
  run: TriggerRun;
  request: IncomingRequest;
}

/** Creates what the action launches and says what it created; throws when the launch fails. */
export type ActionLauncher = (action: RunAction, context: ActionContext) => Promise<RunResultEntry>;

export const idOnlyLauncher: ActionLauncher = async (action) => {
  const id = randomUUID();
  if (action.type === 'run-execution') return { action: 'run_execution', execution_step: action.step, execution_id: id };
  if (action.type === 'run-pipeline') return { action: 'run_pipeline', pipeline_name: action.pipeline, pipeline_id: id };
  return { action: 'copy_pipeline', pipeline_name: action.pipeline, pipeline_id: id };
};

const describeAction = (action: RunAction): string =>
  action.type === 'run-execution' ? `run-execution ${action.step}` : `${action.type} ${action.pipeline}`;

export function finalStatus(total: number, succeeded: number): TriggerRunStatus {
  if (total === 0 || succeeded === total) return 'completed';
  return succeeded === 0 ? 'error' : 'complete_with_error';
}

/** Runs the actions one by one and stores the run's final state. Never rejects. */
export async function completeRun(
  context: ActionContext,
  deps: { runs: TriggerRunStore; launch: ActionLauncher; now: () => number; onEvent?: (e: EngineEvent) => void },
): Promise<TriggerRun> {
  const actions = context.trigger.actions.filter(isRunAction);
  const result: RunResultEntry[] = [];
  const errors: RunActionError[] = [];
  for (const action of actions) {
    try {
      result.push(await deps.launch(action, context));
    } catch (error) {
      // kept on the run for the trigger log; the run-info body never includes them
      errors.push({ action: describeAction(action), message: errorMessage(error) });
    }
  }
  const at = deps.now();
  const run: TriggerRun = {
    ...context.run, status: finalStatus(actions.length, result.length), result, updatedAt: at,
    ...(errors.length ? { errors } : {}),
  };
  try {
    await deps.runs.put(run);
    deps.onEvent?.({ type: 'run.status', at, run });
  } catch {
    // the run stays pending on disk; nothing else to do from a background task
  }
  return run;
}
