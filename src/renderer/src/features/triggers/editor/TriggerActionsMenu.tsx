import { useState } from 'react';
import { describeError } from '../../../api/envelope';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { deleteTrigger, openDraft } from '../../../store/triggerActions';
import { useAppStore } from '../../../store/store';
import { duplicateTrigger } from '../lib/draftOps';

/** Duplicate and delete for a saved trigger (delete asks once, inline). */
export function TriggerActionsMenu({ triggerId }: { triggerId: string }) {
  const [error, setError] = useState<string | null>(null);
  const duplicate = () => {
    const { items } = useAppStore.getState().triggers;
    const source = items.find((t) => t.id === triggerId);
    if (source)
      openDraft(
        duplicateTrigger(
          source,
          items.map((t) => t.id),
        ),
      );
  };
  return (
    <span className="trigger-actions">
      <button type="button" className="button" onClick={duplicate} data-testid="duplicate-trigger">
        Duplicate
      </button>
      <ConfirmButton
        label="Delete"
        confirmLabel="Delete trigger"
        testId="delete-trigger"
        onConfirm={() => deleteTrigger(triggerId).catch((e) => setError(describeError(e)))}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
