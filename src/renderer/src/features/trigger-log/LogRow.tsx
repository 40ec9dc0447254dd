import { memo } from 'react';
import type { TriggerLogEntry } from '@shared/trigger-log';
import { formatExactTime, formatRelativeTime } from '../../lib/format';
import { activateOnKey } from '../../components/activateOnKey';
import { OutcomeBadge } from '../triggers';

export const LOG_ROW_HEIGHT = 32;

export const LogRow = memo(function LogRow({
  entry,
  title,
  top,
  open,
  now,
  onOpen,
}: {
  entry: TriggerLogEntry;
  title: string;
  top: number;
  open: boolean;
  now: number;
  onOpen(id: string): void;
}) {
  const failed = entry.conditions.find((c) => !c.passed);
  return (
    <div
      className={`log-row${open ? ' is-open' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      role="option"
      aria-selected={open}
      data-testid="log-row"
      data-entry-id={entry.id}
      data-outcome={entry.outcome}
      tabIndex={0}
      onClick={() => onOpen(entry.id)}
      onKeyDown={activateOnKey(() => onOpen(entry.id))}
    >
      <span title={formatExactTime(entry.at)} className="nowrap">
        {formatRelativeTime(entry.at, now)}
      </span>
      <span className="ellipsis" title={`Trigger id ${entry.triggerId}`} data-testid="log-trigger">
        {title}
      </span>
      <span>
        <OutcomeBadge outcome={entry.outcome} />
      </span>
      <span className="mono">{entry.status}</span>
      <span className="ellipsis" title={failed ? failed.reason : (entry.note ?? '')}>
        {failed ? (
          <>
            <span className="mono">{failed.type}</span> <span className="muted">{failed.reason}</span>
          </>
        ) : entry.note ? (
          <span className="muted">{entry.note}</span>
        ) : entry.runId ? (
          <span className="mono muted" data-testid="log-run-id">
            run {entry.runId}
          </span>
        ) : null}
      </span>
    </div>
  );
});
