import { deleteNow, undoDelete, useUndoDelete } from './undoDelete';

/** "Deleted 1 request · Undo": the undo window of a capture delete. */
export function UndoToast() {
  const { pending, error } = useUndoDelete();
  if (!pending && !error) return null;
  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      {pending ? (
        <>
          <span>Deleted {pending.ids.length === 1 ? '1 request' : `${pending.ids.length} requests`}.</span>
          <button type="button" className="button button-small button-primary" onClick={undoDelete} data-testid="undo-delete">
            Undo
          </button>
          <button type="button" className="button button-small" onClick={deleteNow}>
            Dismiss
          </button>
        </>
      ) : (
        <>
          <span className="field-error">{error}</span>
          <button type="button" className="button button-small" onClick={() => useUndoDelete.setState({ error: null })}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
