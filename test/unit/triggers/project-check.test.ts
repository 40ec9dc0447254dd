import { expect, it } from 'vitest';
import type { ProjectSummary } from '@shared/project';
import type { Trigger } from '@shared/trigger';
import { lintRunActions } from '@shared/triggers/project-check';

const project: ProjectSummary = {
  linked: true,
  steps: [{ name: 'train', inputs: ['dataset'], parameters: [] }],
  pipelines: [{ name: 'flow', nodes: [{ name: 'prep', step: 'train', inputs: ['dataset'] }] }],
};
const trigger = (actions: Trigger['actions']): Trigger => ({ id: 't', title: 't', enabled: true, conditions: [], actions });

it('accepts actions that match the project', () => {
  expect(
    lintRunActions(
      trigger([
        { type: 'run-execution', step: 'train', payloadInputName: 'dataset' },
        { type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'prep.dataset' },
      ]),
      project,
    ),
  ).toEqual([]);
});

it('names the unknown step, input, pipeline and node at their paths', () => {
  const warnings = lintRunActions(
    trigger([
      { type: 'run-execution', step: 'tran' },
      { type: 'run-execution', step: 'train', payloadInputName: 'data' },
      { type: 'copy-pipeline', pipeline: 'nope' },
      { type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'preprocess.dataset' },
      { type: 'run-pipeline', pipeline: 'flow', payloadInputName: 'prep.payload' },
    ]),
    project,
  );
  expect(warnings.map((w) => [w.path, w.code])).toEqual([
    ['actions[0].step', 'unknown-step'],
    ['actions[1].payloadInputName', 'unknown-input'],
    ['actions[2].pipeline', 'unknown-pipeline'],
    ['actions[3].payloadInputName', 'unknown-node'],
    ['actions[4].payloadInputName', 'unknown-input'],
  ]);
  expect(warnings[1].message).toContain('(inputs: "dataset")');
});

it('says nothing without a linked project', () => {
  expect(lintRunActions(trigger([{ type: 'run-execution', step: 'x' }]), { ...project, linked: false })).toEqual([]);
  expect(lintRunActions(trigger([{ type: 'run-execution', step: 'x' }]), null)).toEqual([]);
});
