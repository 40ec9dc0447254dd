import type { ReactNode } from 'react';
import type { TriggerLogEntry } from '@shared/trigger-log';
import { navigate } from '../../../store/appActions';
import { selectTriggerTitle } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { openLogEntry } from '../../../store/triggerLogActions';
import { openTrigger } from '../../../store/triggerActions';
import { ConditionResultRow } from './ConditionResultRow';
import { OutcomeBadge } from './OutcomeBadge';

/** A trigger evaluation: the verdict, then every condition with its reason. */
export function TraceView({ entry, showCaptureLink }: { entry: TriggerLogEntry; showCaptureLink?: ReactNode }) {
  const failed = entry.conditions.filter((c) => !c.passed).length;
  const title = useAppStore(selectTriggerTitle(entry.triggerId));
  return (
    <div className="trace" data-testid="trace" data-outcome={entry.outcome}>
      <div className="trace-verdict" data-testid="trace-verdict">
        <OutcomeBadge outcome={entry.outcome} />
        <span className="mono">→ {entry.status}</span>
        <span>
          trigger{' '}
          <a
            href="#/triggers"
            onClick={(e) => {
              e.preventDefault();
              navigate('triggers');
              openTrigger(entry.triggerId);
            }}
            data-testid="trace-trigger-link"
            title={`Trigger id ${entry.triggerId}`}
          >
            {title}
          </a>
        </span>
        {entry.runId && (
          <span>
            run{' '}
            <a
              href="#/trigger-log"
              className="mono"
              data-testid="trace-run-link"
              onClick={(e) => {
                e.preventDefault();
                openLogEntry(entry.id);
                navigate('trigger-log');
              }}
            >
              {entry.runId}
            </a>
          </span>
        )}
        {entry.conditions.length > 0 && (
          <span className="muted small">
            {failed
              ? `${failed} of ${entry.conditions.length} conditions failed`
              : entry.conditions.length === 1
                ? 'the condition passed'
                : `all ${entry.conditions.length} conditions passed`}
          </span>
        )}
        {showCaptureLink}
      </div>
      {entry.note && (
        <p className="trace-note" data-testid="trace-note">
          {entry.note}
        </p>
      )}
      {entry.conditions.length === 0 && !entry.note && <p className="muted small">This trigger has no conditions: every request launches it.</p>}
      <ol className="cond-results">
        {entry.conditions.map((c) => (
          <ConditionResultRow key={c.index} result={c} captureId={entry.captureId} triggerId={entry.triggerId} />
        ))}
      </ol>
    </div>
  );
}
