import { useEffect, useState } from 'react';
import { logEntriesForCapture } from '../../../store/triggerLogActions';
import type { CaptureSummary } from '@shared/capture';
import type { TriggerLogEntry } from '@shared/trigger-log';
import { describeError } from '../../../api/envelope';
import { selectLogEntryForCapture } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { TraceView } from './TraceView';
import '../panels.css';
import './trace.css';

type State = { status: 'loading' } | { status: 'ready'; entry: TriggerLogEntry | null } | { status: 'error'; message: string };

/** The "Trace" section of a launch or run-info request in the capture detail. */
export function TraceSection({ capture }: { capture: Pick<CaptureSummary, 'id' | 'kind'> }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // an evaluation that arrives after the detail opened shows up without a refetch
  const live = useAppStore(selectLogEntryForCapture(capture.id));
  useEffect(() => {
    if (capture.kind === 'inbox') return;
    let current = true;
    setState({ status: 'loading' });
    logEntriesForCapture(capture.id).then(
      (entry) => current && setState({ status: 'ready', entry }),
      (e) => current && setState({ status: 'error', message: describeError(e) }),
    );
    return () => {
      current = false;
    };
  }, [capture.id, capture.kind, attempt]);
  if (capture.kind === 'inbox') return null;
  const entry = (state.status === 'ready' ? state.entry : null) ?? live ?? null;
  return (
    <section className="detail-section trace-section" data-testid="trace-section">
      <h3>Trace</h3>
      {entry ? (
        <TraceView entry={entry} />
      ) : state.status === 'loading' ? (
        <p className="muted small">Loading the evaluation…</p>
      ) : state.status === 'error' ? (
        <p className="field-error" role="alert">
          Could not load the trace: {state.message}{' '}
          <button type="button" className="button button-small" onClick={() => setAttempt((a) => a + 1)}>
            Retry
          </button>
        </p>
      ) : (
        <p className="muted small" data-testid="trace-none">
          No evaluation was recorded for this request (it may have been removed by retention).
        </p>
      )}
    </section>
  );
}
