// The linked project's steps and pipelines, for suggestions and checks in the trigger editor.
// Fetched when an editor opens; a failed call just means no suggestions.
import { projectSummary } from '../../../store/triggerActions';
import { createContext, useEffect, useState } from 'react';
import type { ProjectSummary } from '@shared/project';

export function useProjectSummary(): ProjectSummary | null {
  const [summary, setSummary] = useState<ProjectSummary | null>(null);
  useEffect(() => {
    let live = true;
    projectSummary().then(
      (s) => live && setSummary(s),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return summary;
}

/** The editor's project summary, for the action cards' suggestions. */
export const ProjectSummaryContext = createContext<ProjectSummary | null>(null);
