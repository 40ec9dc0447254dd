// Run actions checked against the linked valohai.yaml: the step or pipeline must exist and the
// payload input must be declared there (`input` for steps, `node.input` for pipelines).
import type { ProjectSummary } from '../project';
import type { Trigger } from '../trigger';
import type { TriggerWarning } from './lint';

const list = (names: string[]): string => (names.length ? names.map((n) => JSON.stringify(n)).join(', ') : 'none');

export function lintRunActions(trigger: Trigger, project: ProjectSummary | null): TriggerWarning[] {
  if (!project?.linked) return [];
  const out: TriggerWarning[] = [];
  const warn = (path: string, code: string, message: string): void => {
    out.push({ path, severity: 'warning', code, message });
  };
  trigger.actions.forEach((action, i) => {
    const at = `actions[${i}]`;
    if (action.type === 'run-execution') {
      const step = project.steps.find((s) => s.name === action.step);
      if (!step)
        return warn(
          `${at}.step`,
          'unknown-step',
          `valohai.yaml declares no step ${JSON.stringify(action.step)} (steps: ${list(project.steps.map((s) => s.name))})`,
        );
      if (action.payloadInputName && !step.inputs.includes(action.payloadInputName)) {
        warn(
          `${at}.payloadInputName`,
          'unknown-input',
          `step ${JSON.stringify(step.name)} declares no input ${JSON.stringify(action.payloadInputName)} (inputs: ${list(step.inputs)})`,
        );
      }
      return;
    }
    if (action.type !== 'run-pipeline' && action.type !== 'copy-pipeline') return;
    const pipeline = project.pipelines.find((p) => p.name === action.pipeline);
    if (!pipeline)
      return warn(
        `${at}.pipeline`,
        'unknown-pipeline',
        `valohai.yaml declares no pipeline ${JSON.stringify(action.pipeline)} (pipelines: ${list(project.pipelines.map((p) => p.name))})`,
      );
    if (!action.payloadInputName) return;
    const [nodeName, inputName] = action.payloadInputName.split('.', 2);
    const node = pipeline.nodes.find((n) => n.name === nodeName);
    if (!node) {
      warn(
        `${at}.payloadInputName`,
        'unknown-node',
        `pipeline ${JSON.stringify(pipeline.name)} has no node ${JSON.stringify(nodeName)} (nodes: ${list(pipeline.nodes.map((n) => n.name))})`,
      );
    } else if (inputName && !node.inputs.includes(inputName)) {
      warn(
        `${at}.payloadInputName`,
        'unknown-input',
        `node ${JSON.stringify(node.name)} (step ${JSON.stringify(node.step)}) declares no input ${JSON.stringify(inputName)} (inputs: ${list(node.inputs)})`,
      );
    }
  });
  return out;
}
