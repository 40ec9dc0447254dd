import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { copyText } from './copyText';

export function CopyButton({
  text,
  label = 'Copy',
  children,
  testId,
  size = 'small',
}: {
  text: string | (() => string);
  label?: string;
  children?: ReactNode;
  testId?: string;
  /** 'normal' next to full-size buttons */
  size?: 'small' | 'normal';
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={size === 'small' ? 'button button-small' : 'button'}
      title={label}
      aria-label={label}
      data-testid={testId}
      onClick={async () => setState((await copyText(typeof text === 'function' ? text() : text)) ? 'copied' : 'failed')}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : (children ?? 'Copy')}
    </button>
  );
}
