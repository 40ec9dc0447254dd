import type { Trigger } from '@shared/trigger';
import { controlProps, EditorField } from './EditorField';
import { useIssues } from './issuesContext';
import { LaunchUrls } from '../list/LaunchUrls';
import { TriggerActionsMenu } from './TriggerActionsMenu';

export function EditorHeader({
  draft,
  sourceId,
  isNew,
  dirty,
  saving,
  savedAt,
  onChange,
  onRevert,
}: {
  draft: Trigger;
  sourceId: string;
  isNew: boolean;
  dirty: boolean;
  saving: boolean;
  savedAt: number | null;
  onChange(patch: Partial<Trigger>): void;
  onRevert(): void;
}) {
  const idIssues = useIssues('id');
  return (
    <header className="editor-head">
      <div className="editor-titlebar">
        <input
          className="input editor-title"
          aria-label="Title"
          data-testid="input-title"
          value={draft.title}
          placeholder="Title"
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <label className="switch" title={draft.enabled ? 'Enabled: requests are evaluated' : 'Disabled: the launch URL answers 404'}>
          <input type="checkbox" data-testid="input-enabled" checked={draft.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} />
          <span className="switch-track" aria-hidden="true" />
          {draft.enabled ? 'Enabled' : 'Disabled'}
        </label>
        <span className="editor-state small" data-testid="editor-state">
          {isNew ? (
            <span className="badge badge-new">not saved yet</span>
          ) : dirty ? (
            <span className="badge badge-dirty">unsaved changes</span>
          ) : savedAt ? (
            <span className="ok-text" data-testid="trigger-saved">
              Saved
            </span>
          ) : null}
        </span>
        <span className="toolbar-spacer" />
        {(dirty || isNew) && !isNew && (
          <button type="button" className="button" onClick={onRevert} data-testid="revert-trigger">
            Revert
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={saving || (!dirty && !isNew)} data-testid="save-trigger">
          {saving ? 'Saving…' : isNew ? 'Create trigger' : 'Save'}
        </button>
        {!isNew && <TriggerActionsMenu triggerId={sourceId} />}
      </div>
      <EditorField
        label="Id"
        path="id"
        hint={!isNew && draft.id !== sourceId ? `Renaming from "${sourceId}": the launch URL changes.` : 'Part of the launch URL: letters, digits, _ and -.'}
      >
        <input
          className="input mono editor-id"
          {...controlProps('id', idIssues.error)}
          value={draft.id}
          spellCheck={false}
          onChange={(e) => onChange({ id: e.target.value })}
        />
      </EditorField>
      <LaunchUrls triggerId={isNew ? draft.id : sourceId} realId={isNew ? 'none' : 'show'} />
    </header>
  );
}
