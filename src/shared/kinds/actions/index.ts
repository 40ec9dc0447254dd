// The action types, one module each. `Action` is the union of their schemas; the registry must
// have one entry per type, and so must the engine's runners (engine/triggers/actions.ts) and the
// editor's fields (triggers/editor/registry.ts).
import { z } from 'zod';
import type { Action, ActionType } from '../../trigger';
import type { ActionKind, ActionOf } from './types';
import { copyPipelineAction, CopyPipelineActionSchema, runExecutionAction, RunExecutionActionSchema, runPipelineAction, RunPipelineActionSchema } from './run';
import { webResponseJsonAction, WebResponseJsonActionSchema, webResponseTextAction, WebResponseTextActionSchema } from './web-response';

export type { ActionKind, ActionOf } from './types';

export const ActionSchema = z
  .discriminatedUnion('type', [
    WebResponseTextActionSchema,
    WebResponseJsonActionSchema,
    RunExecutionActionSchema,
    RunPipelineActionSchema,
    CopyPipelineActionSchema,
  ])
  .meta({ id: 'Action' });

export const ACTION_KINDS = {
  'web-response-text': webResponseTextAction,
  'web-response-json': webResponseJsonAction,
  'run-execution': runExecutionAction,
  'run-pipeline': runPipelineAction,
  'copy-pipeline': copyPipelineAction,
} as const satisfies { readonly [T in ActionType]: ActionKind<T> };

/** In the order the editor offers them. */
export const ACTION_TYPES = Object.keys(ACTION_KINDS) as ActionType[];

export const isActionType = (value: unknown): value is ActionType => typeof value === 'string' && Object.hasOwn(ACTION_KINDS, value);

/** The definition of an action's type (undefined only for malformed data). */
export const actionKind = (a: Pick<Action, 'type'>): ActionKind<ActionType> | undefined =>
  isActionType(a.type) ? (ACTION_KINDS[a.type] as unknown as ActionKind<ActionType>) : undefined;

export type RunActionType = { [T in ActionType]: (typeof ACTION_KINDS)[T]['role'] extends 'run' ? T : never }[ActionType];
export type RunAction = ActionOf<RunActionType>;
export type ResponseAction = Exclude<Action, RunAction>;

/** Run actions launch work after the answer; the rest are responses. */
export const isRunAction = (a: Action): a is RunAction => actionKind(a)?.role === 'run';
export const isResponseAction = (a: Action): a is ResponseAction => actionKind(a)?.role === 'response';
