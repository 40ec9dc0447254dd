// Deleting captures with undo: the rows leave the list at once, the delete reaches the engine
// only when the undo window closes (or the page goes away). Undo puts the rows back in place.
import { deleteCaptures } from '../../store/captureActions';
import { create } from 'zustand';
import type { CaptureSummary } from '@shared/capture';
import { describeError } from '../../api/envelope';
import { removeCaptures } from '../../store/applyEvents';
import { useAppStore } from '../../store/store';

export const UNDO_WINDOW_MS = 6_000;

interface Pending {
  ids: string[];
  rows: CaptureSummary[];
  timer: ReturnType<typeof setTimeout>;
}

interface UndoState {
  pending: Pending | null;
  error: string | null;
}

export const useUndoDelete = create<UndoState>(() => ({ pending: null, error: null }));

async function commit(p: Pending): Promise<void> {
  clearTimeout(p.timer);
  if (useUndoDelete.getState().pending === p) useUndoDelete.setState({ pending: null });
  try {
    await deleteCaptures(p.ids);
  } catch (error) {
    // the engine kept them: put them back and say so
    restore(p.rows);
    useUndoDelete.setState({ error: `Could not delete: ${describeError(error)}` });
  }
}

function restore(rows: CaptureSummary[]) {
  useAppStore.setState((state) => {
    const { items: loaded, total } = state.captures;
    const have = new Set(loaded.map((i) => i.id));
    const back = rows.filter((r) => !have.has(r.id));
    if (!back.length) return {};
    // rows within the loaded prefix go back in place (newest first, by seq); rows further down
    // come back with the next window fetch, since the engine still has them
    const oldest = loaded.length ? loaded[loaded.length - 1].seq : Infinity;
    const items = [...loaded, ...back.filter((r) => r.seq >= oldest)].sort((a, b) => b.seq - a.seq);
    return { captures: { ...state.captures, items, total: total + back.length } };
  });
}

/** Removes the rows now and deletes them for real after the undo window. */
export function deleteWithUndo(ids: string[]): void {
  if (!ids.length) return;
  const previous = useUndoDelete.getState().pending;
  if (previous) void commit(previous);
  const wanted = new Set(ids);
  const { items, deep } = useAppStore.getState().captures;
  const rows = [...items, ...(deep?.items ?? [])].filter((i) => wanted.has(i.id));
  useAppStore.setState((state) => ({ captures: removeCaptures(state.captures, ids) }));
  const pending: Pending = { ids, rows, timer: setTimeout(() => void commit(pending), UNDO_WINDOW_MS) };
  useUndoDelete.setState({ pending, error: null });
}

export function undoDelete(): void {
  const p = useUndoDelete.getState().pending;
  if (!p) return;
  clearTimeout(p.timer);
  useUndoDelete.setState({ pending: null });
  restore(p.rows);
}

export function deleteNow(): void {
  const p = useUndoDelete.getState().pending;
  if (p) void commit(p);
}

// leaving the page must not lose a delete the user meant
if (typeof window !== 'undefined') window.addEventListener('pagehide', deleteNow);
