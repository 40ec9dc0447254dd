// The trigger log: every evaluated request, live, with filters; an entry's trace and run on the
// right; the rate-limit picture when one trigger with rate limits is selected.
import { selectTriggerItems, selectTriggerLog } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { loadTriggerLog } from '../../store/triggerLogActions';
import { LogEntryDetail } from './LogEntryDetail';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { RateLimitPanel } from './RateLimitPanel';
import '../triggers/triggers.css';
import '../triggers/trace/trace.css';
import '../triggers/panels.css';
import './log.css';

export function TriggerLogPage() {
  const { filter, status, error } = useAppStore(selectTriggerLog);
  const triggers = useAppStore(selectTriggerItems);
  const trigger = filter.triggerId ? triggers.find((t) => t.id === filter.triggerId) : undefined;
  return (
    <div className="log-page" data-testid="page-trigger-log">
      <LogFilters />
      {status === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="log-error">
          Could not load the log: {error}{' '}
          <button type="button" className="button button-small" onClick={() => void loadTriggerLog()}>
            Retry
          </button>
        </div>
      )}
      {trigger && <RateLimitPanel key={trigger.id} trigger={trigger} />}
      <div className="log-split">
        <LogList />
        <section className="log-detail-pane" aria-label="Log entry">
          <LogEntryDetail />
        </section>
      </div>
    </div>
  );
}
