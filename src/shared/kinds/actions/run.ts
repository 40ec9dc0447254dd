// run-execution, run-pipeline and copy-pipeline: what a launch starts after it answers. The
// summary is also how a failed launch names the action in the trigger log.
import { z } from 'zod';
import { LOCAL_RUN_MODES } from '../../trigger';
import { strictObject } from '../../schema/fields';
import type { ActionKind } from './types';

const mode = z
  .enum(LOCAL_RUN_MODES as readonly ['simulate', 'command'])
  .optional()
  .meta({ description: 'Hookbench extension: simulate or run the step command locally; absent: the project default' });

const pipelineInput = z
  .string()
  .optional()
  .superRefine((name, ctx) => {
    if (name !== undefined && name !== '' && !/^[^.]+\.[^.]+$/.test(name)) ctx.addIssue({ code: 'custom', message: 'must be "node.input" for pipelines' });
  })
  .meta({ description: '"node.input"' });

export const RunExecutionActionSchema = strictObject({
  type: z.literal('run-execution'),
  step: z.string().min(1),
  payloadInputName: z.string().optional(),
  mode,
});
export const RunPipelineActionSchema = strictObject({ type: z.literal('run-pipeline'), pipeline: z.string().min(1), payloadInputName: pipelineInput, mode });
export const CopyPipelineActionSchema = strictObject({ type: z.literal('copy-pipeline'), pipeline: z.string().min(1), payloadInputName: pipelineInput, mode });

export const runExecutionAction = {
  id: 'run-execution',
  label: 'Run an execution',
  role: 'run',
  schema: RunExecutionActionSchema,
  defaults: () => ({ type: 'run-execution', step: 'Batch feature extraction', payloadInputName: 'dataset' }),
  summary: (a) => `run-execution ${a.step}`,
  lint: () => [],
  secretFields: () => [],
} satisfies ActionKind<'run-execution'>;

export const runPipelineAction = {
  id: 'run-pipeline',
  label: 'Run a pipeline',
  role: 'run',
  schema: RunPipelineActionSchema,
  defaults: () => ({ type: 'run-pipeline', pipeline: 'train', payloadInputName: 'preprocess.dataset' }),
  summary: (a) => `run-pipeline ${a.pipeline}`,
  lint: () => [],
  secretFields: () => [],
} satisfies ActionKind<'run-pipeline'>;

export const copyPipelineAction = {
  id: 'copy-pipeline',
  label: 'Copy a pipeline',
  role: 'run',
  schema: CopyPipelineActionSchema,
  defaults: () => ({ type: 'copy-pipeline', pipeline: 'train', payloadInputName: 'preprocess.dataset' }),
  summary: (a) => `copy-pipeline ${a.pipeline}`,
  lint: () => [],
  secretFields: () => [],
} satisfies ActionKind<'copy-pipeline'>;
