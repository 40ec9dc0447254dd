// Carrying out a launch's run actions and moving its trigger run from pending to a final status.
// The engine passes the local-runs launcher; without one (router tests) an action only gets a fresh id.
import { randomUUID } from 'node:crypto';
import type { EngineEvent } from '@shared/events';
import type { CopyPipelineAction, RunExecutionAction, RunPipelineAction, Trigger } from '@shared/trigger';
import type { RunActionError, RunResultEntry, TriggerRun, TriggerRunStatus } from '@shared/trigger-log';
import { actionKind, isRunAction, type ActionOf, type RunAction } from '@shared/kinds/actions';
import type { IncomingRequest } from '../ports';
import type { TriggerRunStore } from './trigger-run-store';
import { errorMessage } from '@shared/error-message';

export type { RunAction } from '@shared/kinds/actions';

export interface ActionContext {
  trigger: Trigger;
  run: TriggerRun;
  request: IncomingRequest;
}

/** Creates what the action launches and says what it created; throws when the launch fails. */
export type ActionLauncher = (action: RunAction, context: ActionContext) => Promise<RunResultEntry>;

/** What a launcher needs to create: an execution or a pipeline, answering with its id. */
export interface RunPorts {
  execution(action: RunExecutionAction, context: ActionContext): Promise<string>;
  pipeline(action: RunPipelineAction | CopyPipelineAction, context: ActionContext): Promise<string>;
}

type Launch<A> = (action: A, ports: RunPorts, context: ActionContext) => Promise<RunResultEntry>;

/** How each run action launches, keyed by the ids of shared/kinds/actions (role "run"). */
export const RUN_LAUNCHERS = {
  'run-execution': async (a, ports, context) => ({ action: 'run_execution', execution_step: a.step, execution_id: await ports.execution(a, context) }),
  'run-pipeline': async (a, ports, context) => ({ action: 'run_pipeline', pipeline_name: a.pipeline, pipeline_id: await ports.pipeline(a, context) }),
  'copy-pipeline': async (a, ports, context) => ({ action: 'copy_pipeline', pipeline_name: a.pipeline, pipeline_id: await ports.pipeline(a, context) }),
} as const satisfies { readonly [T in RunAction['type']]: Launch<ActionOf<T>> };

/** A launcher that creates through `ports`. */
export const launcherFor =
  (ports: RunPorts): ActionLauncher =>
  (action, context) =>
    (RUN_LAUNCHERS[action.type] as Launch<RunAction>)(action, ports, context);

export const idOnlyLauncher: ActionLauncher = launcherFor({ execution: async () => randomUUID(), pipeline: async () => randomUUID() });

/** "run-execution <step>", "run-pipeline <name>": how the trigger log names a failed action. */
const describeAction = (action: RunAction): string => actionKind(action)?.summary(action) ?? action.type;

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
    ...context.run,
    status: finalStatus(actions.length, result.length),
    result,
    updatedAt: at,
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
