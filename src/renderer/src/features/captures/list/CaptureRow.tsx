import { memo, useEffect, useRef } from 'react';
import type { CaptureSummary } from '@shared/capture';
import { MethodBadge } from '../../../components/MethodBadge';
import { StatusCode } from '../../../components/StatusCode';
import { formatBytes, formatExactTime, formatRelativeTime } from '../../../lib/format';
import { CaptureBadges } from './CaptureBadges';

interface Props {
  summary: CaptureSummary;
  /** the title of the trigger this request hit, when it still exists */
  triggerTitle?: string;
  top: number;
  selected: boolean;
  /** the one row Tab reaches (roving tabindex): the keyboard cursor, else the first row */
  tabStop: boolean;
  open: boolean;
  unread: boolean;
  now: number;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

export const CaptureRow = memo(function CaptureRow({ summary, triggerTitle, top, selected, tabStop, open, unread, now, onSelect, onOpen }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // focus follows the keyboard cursor while the list has focus (j/k, arrows)
  useEffect(() => {
    const active = document.activeElement;
    if (selected && ref.current && active !== ref.current && active instanceof HTMLElement && active.classList.contains('capture-row'))
      ref.current.focus({ preventScroll: true });
  }, [selected]);
  const classes = ['capture-row', selected && 'is-selected', open && 'is-open', unread && 'is-unread'].filter(Boolean).join(' ');
  return (
    <div
      ref={ref}
      className={classes}
      tabIndex={tabStop ? 0 : -1}
      onFocus={() => {
        if (!selected) onSelect(summary.id);
      }}
      style={{ transform: `translateY(${top}px)` }}
      role="option"
      aria-selected={selected}
      data-testid="capture-row"
      data-capture-id={summary.id}
      data-unread={unread ? 'true' : 'false'}
      onMouseDown={() => onSelect(summary.id)}
      onClick={() => onOpen(summary.id)}
    >
      <span className="capture-unread" data-testid={unread ? 'unread-dot' : undefined} aria-label={unread ? 'unread' : undefined} />
      <span>
        <MethodBadge method={summary.method} />
      </span>
      <span className="capture-path-cell">
        <span className="capture-path mono" title={summary.url}>
          {summary.url}
        </span>
        <span className="capture-badges">
          <CaptureBadges summary={summary} triggerTitle={triggerTitle} />
          {!summary.outcome && !summary.event && !summary.sentBy && summary.contentType && <span className="capture-type">{summary.contentType}</span>}
        </span>
      </span>
      <span>
        <StatusCode status={summary.status} />
      </span>
      <span className="align-right mono">{formatBytes(summary.bodySize)}</span>
      <span className="align-right" title={formatExactTime(summary.receivedAt)}>
        {formatRelativeTime(summary.receivedAt, now)}
      </span>
    </div>
  );
});
