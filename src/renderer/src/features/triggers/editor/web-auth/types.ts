import type { WebAuthCondition } from '@shared/trigger';

/** What an auth type's own fields get: the condition, its JSON path and a way to change it. */
export interface WebAuthFieldsProps {
  value: WebAuthCondition;
  path: string;
  onChange(next: WebAuthCondition): void;
}
