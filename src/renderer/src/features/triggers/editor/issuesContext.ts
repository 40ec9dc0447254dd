// The editor's messages, by path, for any field below it without threading props through cards.
import { createContext, useContext } from 'react';
import type { TriggerWarning } from '@shared/triggers/lint';
import type { ErrorsByPath } from '../lib/fieldIssues';

export interface EditorIssues {
  errors: ErrorsByPath;
  warnings: Record<string, TriggerWarning[]>;
}

export const IssuesContext = createContext<EditorIssues>({ errors: {}, warnings: {} });

export function useIssues(path: string): { error?: string; warnings: TriggerWarning[] } {
  const issues = useContext(IssuesContext);
  return { error: issues.errors[path], warnings: issues.warnings[path] ?? [] };
}

/** "conditions[0].key" → "conditions-0-key": usable as an element id. */
export const fieldId = (path: string): string => `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
