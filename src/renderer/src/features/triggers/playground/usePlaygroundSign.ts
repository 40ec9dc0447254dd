// Signs as the user types: one playground.sign call ~150 ms after the last change, and only
// the answer to the newest input is ever shown.
import { signPlayground } from '../../../store/triggerActions';
import { useEffect, useRef, useState } from 'react';
import type { PlaygroundInput, PlaygroundOutput } from '@shared/trigger-log';
import { describeError } from '../../../api/envelope';

export const SIGN_DEBOUNCE_MS = 150;

export interface SignState {
  output: PlaygroundOutput | null;
  pending: boolean;
  callError: string | null;
}

export function usePlaygroundSign(input: PlaygroundInput | null): SignState {
  const [state, setState] = useState<SignState>({ output: null, pending: false, callError: null });
  const sequence = useRef(0);
  const key = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!input) return;
    const mine = ++sequence.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      signPlayground(input).then(
        (output) => mine === sequence.current && setState({ output, pending: false, callError: null }),
        (e) => mine === sequence.current && setState((s) => ({ ...s, pending: false, callError: describeError(e) })),
      );
    }, SIGN_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // the input object is rebuilt each render; its content is what matters
  }, [key]);
  return state;
}
