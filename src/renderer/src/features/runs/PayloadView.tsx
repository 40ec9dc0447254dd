// The request body that started a run, shown with the Inbox's body viewers.
import { useMemo } from 'react';
import type { CaptureDetail } from '@shared/capture';
import { BodyViewer } from '../../components/body/BodyViewer';
import { base64ToBytes } from '../../lib/body';
import { useCaptureDetail } from '../captures';

export function PayloadView({ captureId }: { captureId: string }) {
  const state = useCaptureDetail(captureId);
  if (state.status === 'loading') return <p className="muted small">Loading the request…</p>;
  if (state.status === 'missing') return <p className="muted small">The request is no longer stored (retention); the input file still holds the body.</p>;
  if (state.status === 'error')
    return (
      <p className="field-error" role="alert">
        {state.message}
      </p>
    );
  return <Loaded detail={state.detail} />;
}

function Loaded({ detail }: { detail: CaptureDetail }) {
  const bytes = useMemo(() => base64ToBytes(detail.bodyBase64), [detail.bodyBase64]);
  return (
    <div data-testid="run-payload">
      <BodyViewer detail={detail} bytes={bytes} />
    </div>
  );
}
