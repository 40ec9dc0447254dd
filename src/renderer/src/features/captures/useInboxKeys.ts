// Inbox keyboard navigation: j/k or arrows move the selection, Enter opens it, Delete removes
// it, "/" jumps to the search box, Escape leaves it.
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useAppStore } from '../../store/store';
import { deleteCaptures, openCapture, selectCapture } from '../../store/captureActions';

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
      const { items, selectedId } = useAppStore.getState().captures;
      const index = selectedId ? items.findIndex((item) => item.id === selectedId) : -1;
      const move = (delta: number) => {
        if (!items.length) return;
        const next = index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + delta));
        selectCapture(items[next].id);
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
        case 'Enter':
          if (selectedId) openCapture(selectedId);
          break;
        case 'Delete':
          if (selectedId) void deleteCaptures([selectedId]);
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
