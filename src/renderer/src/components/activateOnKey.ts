import type { KeyboardEvent } from 'react';

/** Enter or Space on a focusable non-button row does what a click does (keyboard users reach rows with Tab). */
export function activateOnKey(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}
