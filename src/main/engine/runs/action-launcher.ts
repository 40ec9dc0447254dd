// What a trigger's run actions do locally: create executions and pipelines and answer with their
// ids for the run-info body. The launch resolves once the records exist, not when they finish.
import { launcherFor, type ActionContext, type ActionLauncher } from '../triggers/run-actions';
import type { RunService } from './run-service';

const origin = ({ run, request }: ActionContext) => ({ triggerId: run.triggerId, triggerRunId: run.id, captureId: run.captureId || request.id });
const payload = (inputName: string | undefined, { request }: ActionContext) => (inputName ? { inputName, bytes: request.body } : null);

export function createRunActionLauncher(runs: () => RunService): ActionLauncher {
  return launcherFor({
    execution: async (action, context) =>
      (await runs().launchExecution(action.step, payload(action.payloadInputName, context), origin(context), action.mode)).execution.id,
    pipeline: async (action, context) =>
      (await runs().launchPipeline(action.pipeline, payload(action.payloadInputName, context), origin(context), action.mode)).pipeline.id,
  });
}
