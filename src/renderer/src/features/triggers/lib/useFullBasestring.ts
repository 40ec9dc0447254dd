// The whole basestring of a traced request, rebuilt in the UI from the stored capture with the
// same shared renderer the engine signs with (the trace itself keeps only previews).
import { useMemo } from 'react';
import type { HmacTrace } from '@shared/trigger-log';
import { renderBasestring } from '@shared/triggers/basestring';
import { fromBase64 } from '@shared/triggers/bytes';
import type { RequestView } from '@shared/triggers/lookup';
import { useCaptureDetail } from '../../captures';

export type FullBasestring = { status: 'ready'; bytes: Uint8Array; request: RequestView } | { status: 'loading' } | { status: 'unavailable'; reason: string };

export function useFullBasestring(captureId: string, trace: Pick<HmacTrace, 'format' | 'basestringLength'>): FullBasestring {
  const detail = useCaptureDetail(captureId);
  return useMemo<FullBasestring>(() => {
    if (detail.status === 'loading') return { status: 'loading' };
    if (detail.status === 'missing') return { status: 'unavailable', reason: 'the request is no longer stored (retention)' };
    if (detail.status === 'error') return { status: 'unavailable', reason: detail.message };
    const d = detail.detail;
    if (d.bodyTruncated) return { status: 'unavailable', reason: 'only the start of this body is stored' };
    const body = fromBase64(d.bodyBase64) ?? new Uint8Array();
    const request: RequestView = { method: d.method, url: d.url, rawHeaders: d.rawHeaders, body };
    const bytes = renderBasestring(trace.format, request).bytes;
    if (bytes.length !== trace.basestringLength) return { status: 'unavailable', reason: 'the stored request does not render to the evaluated length' };
    return { status: 'ready', bytes, request };
  }, [detail, trace.format, trace.basestringLength]);
}
