// web-response-text and web-response-json: what the trigger URL answers a launch with ({run_id}
// is replaced by the run's id). Only the first response action of a trigger answers.
import { z } from 'zod';
import type { Trigger } from '../../trigger';
import { strictObject } from '../../schema/fields';
import type { LintContext, TriggerWarning } from '../types';
import type { ActionKind } from './types';

export const WebResponseTextActionSchema = strictObject({ type: z.literal('web-response-text'), text: z.string() });
export const WebResponseJsonActionSchema = strictObject({ type: z.literal('web-response-json'), json: z.unknown() }).superRefine((a, ctx) => {
  if (a.json === undefined) ctx.addIssue({ code: 'custom', path: ['json'], message: 'is required' });
});

/** A response after the first never answers. */
function lintResponse(_a: unknown, { path, index, whole }: LintContext<Trigger>): TriggerWarning[] {
  const earlier = whole.actions.slice(0, index).some((a) => a.type === 'web-response-text' || a.type === 'web-response-json');
  return earlier
    ? [{ path, severity: 'warning', code: 'unused-response', message: 'Only the first web-response action answers; this one is never used.' }]
    : [];
}

export const webResponseTextAction = {
  id: 'web-response-text',
  label: 'Respond with text',
  role: 'response',
  schema: WebResponseTextActionSchema,
  defaults: () => ({ type: 'web-response-text', text: 'ok' }),
  summary: (a) => `respond with text ${JSON.stringify(a.text)}`,
  lint: lintResponse,
  secretFields: () => [],
} satisfies ActionKind<'web-response-text'>;

export const webResponseJsonAction = {
  id: 'web-response-json',
  label: 'Respond with JSON',
  role: 'response',
  schema: WebResponseJsonActionSchema,
  defaults: () => ({ type: 'web-response-json', json: { run: { id: '{run_id}' } } }),
  summary: (a) => `respond with JSON ${JSON.stringify(a.json)}`,
  lint: lintResponse,
  secretFields: () => [],
} satisfies ActionKind<'web-response-json'>;
