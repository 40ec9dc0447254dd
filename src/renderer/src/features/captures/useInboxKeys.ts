// Inbox keyboard navigation: j/k or arrows move the selection, Home/End jump to the newest/the
// oldest, Enter opens it, Delete removes it, "/" jumps to the search box, Escape leaves it.
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useAppStore } from '../../store/store';
import { jumpToNewestCapture, jumpToOldestCapture, openCapture, selectCapture } from '../../store/captureActions';
import { indexOfCapture, listLength, rowAt } from '../../store/captureWindow';
import { deleteWithUndo } from './undoDelete';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useInboxKeys(searchRef: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape' && event.target === searchRef.current) searchRef.current?.blur();
        return;
      }
      const captures = useAppStore.getState().captures;
      const { selectedId } = captures;
      const index = indexOfCapture(captures, selectedId);
      const move = (delta: number) => {
        const length = listLength(captures);
        if (!length) return;
        const next = rowAt(captures, index < 0 ? 0 : Math.min(length - 1, Math.max(0, index + delta)));
        if (next) selectCapture(next.id); // a row not loaded yet: it will be in a moment
      };
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          move(-1);
          break;
        case 'End':
          void jumpToOldestCapture();
          break;
        case 'Home':
          jumpToNewestCapture();
          break;
        case 'Enter':
          if (selectedId) openCapture(selectedId);
          break;
        case 'Delete':
          if (selectedId) deleteWithUndo([selectedId]);
          break;
        case '/':
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [searchRef]);
}
