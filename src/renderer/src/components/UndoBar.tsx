import { commitPending, undoPending, useUndoable } from '../lib/undoable';

/** "Deleted signing profile “X”. Undo": the undo window of a delete outside the inbox. */
export function UndoBar() {
  const { pending, error } = useUndoable();
  if (!pending && !error) return null;
  return (
    <div className="undo-toast undo-bar" role="status" data-testid="undo-bar">
      {pending ? (
        <>
          <span>{pending.label}</span>
          <button type="button" className="button button-small button-primary" onClick={undoPending} data-testid="undo-bar-undo">
            Undo
          </button>
          <button type="button" className="button button-small" onClick={commitPending}>
            Dismiss
          </button>
        </>
      ) : (
        <>
          <span className="field-error">{error}</span>
          <button type="button" className="button button-small" onClick={() => useUndoable.setState({ error: null })}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
