import { lazy, Suspense } from 'react';
import { selectOpenId } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { useCaptureDetail } from './useCaptureDetail';

// the detail view (body viewers, trigger traces and the condition kinds they describe) is its own
// chunk: the inbox's first screen shows no detail, so it loads when a request is first opened
const CaptureDetailView = lazy(() => import('./CaptureDetailView').then((m) => ({ default: m.CaptureDetailView })));

export function CaptureDetailPane() {
  const openId = useAppStore(selectOpenId);
  return (
    <section className="detail" aria-label="Request detail">
      {openId ? (
        <LoadedDetail key={openId} id={openId} />
      ) : (
        <div className="detail-none muted">
          <p>Select a request to inspect it.</p>
          <p className="small">
            <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↑</kbd>/<kbd>↓</kbd> move · <kbd>Enter</kbd> opens · <kbd>Delete</kbd> deletes · <kbd>/</kbd> searches
          </p>
        </div>
      )}
    </section>
  );
}

function LoadedDetail({ id }: { id: string }) {
  const state = useCaptureDetail(id);
  if (state.status === 'loading') return <p className="detail-none muted">Loading…</p>;
  if (state.status === 'missing') return <p className="detail-none muted">This request no longer exists (deleted or removed by retention).</p>;
  if (state.status === 'error')
    return (
      <p className="detail-none banner banner-error" role="alert">
        Could not load the request: {state.message}
      </p>
    );
  return (
    <Suspense fallback={<p className="detail-none muted">Loading…</p>}>
      <CaptureDetailView detail={state.detail} />
    </Suspense>
  );
}
