import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { copyText } from './copyText';

export function CopyButton({ text, label = 'Copy', children, testId }: { text: string | (() => string); label?: string; children?: ReactNode; testId?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="button button-small"
      title={label}
      aria-label={label}
      data-testid={testId}
      onClick={async () => setState((await copyText(typeof text === 'function' ? text() : text)) ? 'copied' : 'failed')}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children ?? 'Copy'}
    </button>
  );
}
