// Links from a run back to what started it: the captured request and the trigger log.
import { navigate } from '../../store/appActions';
import { openCapture } from '../../store/captureActions';
import { setTriggerLogFilter } from '../../store/triggerLogActions';

export function RunLinks({ captureId, triggerId, triggerRunId }: { captureId?: string; triggerId?: string; triggerRunId?: string }) {
  if (!captureId && !triggerId) return <span className="muted small">Started by hand</span>;
  return (
    <span className="runs-links small">
      {captureId && (
        <a
          href="#/inbox"
          data-testid="run-link-capture"
          onClick={(e) => {
            e.preventDefault();
            openCapture(captureId);
            navigate('inbox');
          }}
        >
          Request in Inbox
        </a>
      )}
      {triggerId && (
        <a
          href="#/trigger-log"
          data-testid="run-link-trigger-log"
          title={triggerRunId ? `trigger run ${triggerRunId}` : undefined}
          onClick={(e) => {
            e.preventDefault();
            void setTriggerLogFilter({ triggerId });
            navigate('trigger-log');
          }}
        >
          Trigger log of <code className="mono">{triggerId}</code>
        </a>
      )}
    </span>
  );
}
