// What a trigger's run actions do locally: create executions and pipelines and answer with their
// ids for the run-info body. The launch resolves once the records exist, not when they finish.
import type { RunResultEntry } from '../../../shared/trigger-log';
import type { ActionLauncher } from '../triggers/run-actions';
import type { RunService } from './run-service';

export function createRunActionLauncher(runs: () => RunService): ActionLauncher {
  return async (action, { run, request }): Promise<RunResultEntry> => {
    const origin = { triggerId: run.triggerId, triggerRunId: run.id, captureId: run.captureId || request.id };
    const payload = action.payloadInputName ? { inputName: action.payloadInputName, bytes: request.body } : null;
    if (action.type === 'run-execution') {
      const { execution } = await runs().launchExecution(action.step, payload, origin, action.mode);
      return { action: 'run_execution', execution_step: action.step, execution_id: execution.id };
    }
    const { pipeline } = await runs().launchPipeline(action.pipeline, payload, origin, action.mode);
    return action.type === 'run-pipeline'
      ? { action: 'run_pipeline', pipeline_name: action.pipeline, pipeline_id: pipeline.id }
      : { action: 'copy_pipeline', pipeline_name: action.pipeline, pipeline_id: pipeline.id };
  };
}
