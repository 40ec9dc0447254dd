// One pending delete with an undo window, for deletes outside the inbox (signing profiles…): the
// item leaves the UI at once, the delete reaches the engine when the window closes (or the page
// goes away), and Undo puts the item back. The inbox keeps its own (rows, deep window, totals).
import { create } from 'zustand';
import { describeError } from '../api/envelope';

export const UNDO_WINDOW_MS = 6_000;

export interface Undoable {
  /** "Deleted signing profile “GitHub”." */
  label: string;
  /** the real delete */
  commit(): Promise<void>;
  /** puts the item back in the UI (also called when the commit fails) */
  restore(): void;
}

interface Pending extends Undoable {
  timer: ReturnType<typeof setTimeout>;
}

export const useUndoable = create<{ pending: Pending | null; error: string | null }>(() => ({ pending: null, error: null }));

async function commit(p: Pending): Promise<void> {
  clearTimeout(p.timer);
  if (useUndoable.getState().pending === p) useUndoable.setState({ pending: null });
  try {
    await p.commit();
  } catch (error) {
    p.restore();
    useUndoable.setState({ error: `Could not delete: ${describeError(error)}` });
  }
}

/** The item is already gone from the UI; this schedules the real delete and offers Undo. */
export function deleteWithUndo(item: Undoable): void {
  const previous = useUndoable.getState().pending;
  if (previous) void commit(previous);
  const pending: Pending = { ...item, timer: setTimeout(() => void commit(pending), UNDO_WINDOW_MS) };
  useUndoable.setState({ pending, error: null });
}

export function undoPending(): void {
  const p = useUndoable.getState().pending;
  if (!p) return;
  clearTimeout(p.timer);
  useUndoable.setState({ pending: null });
  p.restore();
}

export function commitPending(): void {
  const p = useUndoable.getState().pending;
  if (p) void commit(p);
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', commitPending);
