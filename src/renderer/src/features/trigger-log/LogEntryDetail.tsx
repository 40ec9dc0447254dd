import { selectTriggerLog } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { showCaptureInInbox } from '../../store/triggerActions';
import { formatExactTime } from '../../lib/format';
import { TraceView } from '../triggers';
import { RunDetail } from './RunDetail';

export function LogEntryDetail() {
  const { entries, openEntryId } = useAppStore(selectTriggerLog);
  const entry = entries.find((e) => e.id === openEntryId);
  if (!entry) {
    return <div className="log-detail muted pad">Select an entry to see each condition's verdict, the request and the run it started.</div>;
  }
  return (
    <div className="log-detail" data-testid="log-detail" data-entry-id={entry.id}>
      <p className="small">
        {formatExactTime(entry.at)} ·{' '}
        <a
          href="#/inbox"
          data-testid="log-capture-link"
          onClick={(e) => {
            e.preventDefault();
            showCaptureInInbox(entry.captureId);
          }}
        >
          open the request in the Inbox
        </a>
      </p>
      <TraceView entry={entry} />
      {entry.runId && <RunDetail key={entry.runId} runId={entry.runId} />}
    </div>
  );
}
