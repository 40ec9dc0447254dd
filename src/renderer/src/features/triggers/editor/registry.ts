// The editor's fields for every condition type and action type, keyed by the same ids as the
// definitions in shared/kinds. A kind without its fields here is a compile error.
import type { ComponentType } from 'react';
import type { ActionOf } from '@shared/kinds/actions';
import type { ConditionOf } from '@shared/kinds/conditions';
import type { ActionType, ConditionType, EnvVariable } from '@shared/trigger';
import { JsonResponseField, PipelineFields, RunExecutionFields, TextResponseFields, type ActionFieldsProps } from './ActionFields';
import { PayloadFilterFields } from './PayloadFilterFields';
import { RateLimitFields } from './RateLimitFields';
import { TimestampFields } from './TimestampFields';
import { WebAuthFields } from './WebAuthFields';

/** What a condition type's fields get: the condition, its JSON path, the variables and a way to change it. */
export interface ConditionFieldsProps<C> {
  value: C;
  path: string;
  env: EnvVariable[] | null;
  onChange(next: C): void;
}

export const CONDITION_EDITORS = {
  'web-auth': WebAuthFields,
  'web-timestamp': TimestampFields,
  'rate-limit': RateLimitFields,
  'payload-filter': PayloadFilterFields,
} as const satisfies { readonly [T in ConditionType]: ComponentType<ConditionFieldsProps<ConditionOf<T>>> };

export const ACTION_EDITORS = {
  'web-response-text': TextResponseFields,
  'web-response-json': JsonResponseField,
  'run-execution': RunExecutionFields,
  'run-pipeline': PipelineFields<ActionOf<'run-pipeline'>>,
  'copy-pipeline': PipelineFields<ActionOf<'copy-pipeline'>>,
} as const satisfies { readonly [T in ActionType]: ComponentType<ActionFieldsProps<ActionOf<T>>> };
