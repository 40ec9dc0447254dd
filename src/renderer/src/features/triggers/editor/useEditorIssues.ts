// Everything the editor says about a draft, merged by path: validation, duplicate ids, lint
// warnings, and the engine's refusal of the last save (until the draft changes).
import { useMemo } from 'react';
import { ApiError } from '@shared/contract';
import type { ProjectSummary } from '@shared/project';
import type { EnvVariable, Trigger } from '@shared/trigger';
import { relativePath, validationErrors, warningsByPath } from '../lib/fieldIssues';
import type { EditorIssues } from './issuesContext';
import { errorMessage } from '@shared/error-message';

export function useEditorIssues(
  draft: Trigger,
  opts: { takenIds: string[]; env: EnvVariable[] | null; project: ProjectSummary | null; serverError: unknown },
): EditorIssues & { count: number; /** the engine's refusal as one line, for the banner */ unplaced: string | null } {
  const { takenIds, env, project, serverError } = opts;
  return useMemo(() => {
    const errors = validationErrors(draft);
    if (!errors.id && takenIds.includes(draft.id)) errors.id = `another trigger already has the id ${JSON.stringify(draft.id)}`;
    let unplaced: string | null = null;
    if (serverError) {
      const path = serverError instanceof ApiError ? relativePath(serverError.path) : '';
      const raw = errorMessage(serverError);
      const ownPath = serverError instanceof ApiError ? serverError.path : undefined;
      const message = ownPath && raw.startsWith(`${ownPath}: `) ? raw.slice(ownPath.length + 2) : raw;
      if (path) errors[path] ??= message;
      unplaced = path ? `${message} (at ${path})` : message;
    }
    const warnings = warningsByPath(draft, env ?? undefined, project);
    return { errors, warnings, count: Object.keys(errors).length, unplaced };
  }, [draft, takenIds, env, project, serverError]);
}
