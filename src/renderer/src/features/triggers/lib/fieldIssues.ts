// Editor messages by JSON path ("conditions[1].hmacFormat"): validation errors for every card
// at once (the shared validator stops at the first), lint warnings, and the engine's answer.
import type { ProjectSummary } from '@shared/project';
import type { Trigger } from '@shared/trigger';
import type { EnvSource } from '@shared/triggers/secrets';
import { lintTrigger, type TriggerWarning } from '@shared/triggers/lint';
import { lintRunActions } from '@shared/triggers/project-check';
import { validateAction, validateCondition, validateTrigger } from '@shared/triggers/validate-trigger';
import { WorkspaceValidationError } from '@shared/triggers/validate-helpers';

export type ErrorsByPath = Record<string, string>;

/** The validator's message without the "path: " it starts with (the field already says where). */
export function problemOf(error: WorkspaceValidationError): string {
  const prefix = `${error.path}: `;
  return error.path && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

function collect(out: ErrorsByPath, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof WorkspaceValidationError)) throw error;
    // the number fields hand NaN over for text that is not a number
    const problem = problemOf(error).replace(/^must be a number, got a number$/, 'must be a number');
    out[error.path ?? ''] ??= problem;
  }
}

export function validationErrors(trigger: Trigger): ErrorsByPath {
  const out: ErrorsByPath = {};
  if (!trigger.id) out.id = 'is required (1–64 characters of A-Z, a-z, 0-9, _ and -)';
  trigger.conditions.forEach((c, i) => collect(out, () => validateCondition(c, `conditions[${i}]`)));
  trigger.actions.forEach((a, i) => collect(out, () => validateAction(a, `actions[${i}]`)));
  if (!Object.keys(out).length) collect(out, () => validateTrigger(trigger));
  return out;
}

export function warningsByPath(trigger: Trigger, env?: EnvSource, project?: ProjectSummary | null): Record<string, TriggerWarning[]> {
  const out: Record<string, TriggerWarning[]> = {};
  for (const warning of [...lintTrigger(trigger, env), ...lintRunActions(trigger, project ?? null)]) (out[warning.path] ??= []).push(warning);
  return out;
}

/** The engine may report "trigger.conditions[0].key" or "triggers[3].id": make it relative to the trigger. */
export function relativePath(path: string | undefined): string {
  if (!path) return '';
  return path.replace(/^triggers\[\d+\]\.?/, '').replace(/^trigger\.?/, '');
}

/** Messages about a card as a whole or one of its fields that the card does not show on its own. */
export function issuesUnder<T>(byPath: Record<string, T>, prefix: string): [string, T][] {
  return Object.entries(byPath).filter(([path]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
}
