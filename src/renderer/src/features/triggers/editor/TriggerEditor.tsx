import { useCallback, useMemo, useState } from 'react';
import type { Trigger } from '@shared/trigger';
import { useEnvList } from '../../env';
import { saveTrigger } from '../../../store/triggerActions';
import { selectTriggerItems } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { ConditionsSection, ActionsSection } from './CardSections';
import { EditorHeader } from './EditorHeader';
import { IssuesContext } from './issuesContext';
import { ProjectSummaryContext, useProjectSummary } from '../lib/useProjectSummary';
import { useEditorIssues } from './useEditorIssues';
import { useTriggerDraft } from './useTriggerDraft';
import { WhatIfPanel } from './WhatIfPanel';

/** Edits one trigger (saved, or a new draft) and saves it through triggers.save. */
export function TriggerEditor({ source, isNew }: { source: Trigger; isNew: boolean }) {
  const d = useTriggerDraft(source);
  const { env } = useEnvList();
  const items = useAppStore(selectTriggerItems);
  const takenIds = useMemo(() => items.map((t) => t.id).filter((id) => isNew || id !== source.id), [items, isNew, source.id]);
  const [serverError, setServerError] = useState<{ error: unknown; draft: Trigger } | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const project = useProjectSummary();
  const issues = useEditorIssues(d.draft, { takenIds, env, project, serverError: serverError?.draft === d.draft ? serverError.error : null });
  const problems = issues.count + Object.keys(localErrors).length;

  const onLocalError = useCallback((path: string, message: string | null) => {
    setLocalErrors((prev) => {
      if ((prev[path] ?? null) === message) return prev;
      const next = { ...prev };
      if (message) next[path] = message;
      else delete next[path];
      return next;
    });
  }, []);

  const save = async () => {
    setAttempted(true);
    if (problems > 0) return;
    setSaving(true);
    try {
      await saveTrigger(d.draft, isNew ? undefined : source.id, { fromEditor: true });
      setServerError(null);
      setSavedAt(Date.now());
    } catch (error) {
      setServerError({ error, draft: d.draft });
    } finally {
      setSaving(false);
    }
  };

  return (
    <ProjectSummaryContext.Provider value={project}>
      <IssuesContext.Provider value={issues}>
        <form
          className="editor"
          data-testid="trigger-editor"
          data-trigger-id={source.id}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <EditorHeader
            draft={d.draft}
            isNew={isNew}
            dirty={d.dirty}
            saving={saving}
            savedAt={d.dirty ? null : savedAt}
            onChange={d.setDraft}
            onRevert={d.revert}
            sourceId={source.id}
          />
          {issues.unplaced && (
            <div className="banner banner-error editor-banner" role="alert" data-testid="save-error">
              The engine refused to save: {issues.unplaced}
            </div>
          )}
          {attempted && problems > 0 && (
            <div className="banner banner-warn editor-banner" role="alert" data-testid="save-blocked">
              {problems === 1 ? 'One problem' : `${problems} problems`} marked below must be fixed before saving.
            </div>
          )}
          <ConditionsSection d={d} env={env} />
          <ActionsSection d={d} onLocalError={onLocalError} />
          <WhatIfPanel draft={d.draft} problems={problems} />
        </form>
      </IssuesContext.Provider>
    </ProjectSummaryContext.Provider>
  );
}
