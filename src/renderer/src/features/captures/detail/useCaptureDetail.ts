// Loads the full capture for the detail pane. Captures never change once stored, so recent
// ones are kept in a small cache and flipping back and forth costs no round trip.
import { fetchCaptureDetail } from '../../../store/captureActions';
import { useEffect, useState } from 'react';
import type { CaptureDetail } from '@shared/capture';
import { describeError } from '../../../api/envelope';

const CACHE_SIZE = 20;
const cache = new Map<string, CaptureDetail>();

function remember(detail: CaptureDetail) {
  cache.delete(detail.id);
  cache.set(detail.id, detail);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export type DetailState = { status: 'loading' } | { status: 'ready'; detail: CaptureDetail } | { status: 'missing' } | { status: 'error'; message: string };

export function useCaptureDetail(id: string): DetailState {
  const [state, setState] = useState<DetailState>(() => {
    const cached = cache.get(id);
    return cached ? { status: 'ready', detail: cached } : { status: 'loading' };
  });
  useEffect(() => {
    const cached = cache.get(id);
    if (cached) {
      setState({ status: 'ready', detail: cached });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    fetchCaptureDetail(id).then(
      (detail) => {
        if (!live) return;
        if (!detail) return setState({ status: 'missing' });
        remember(detail);
        setState({ status: 'ready', detail });
      },
      (error) => live && setState({ status: 'error', message: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}
