import { memo } from 'react';
import type { CaptureSummary } from '../../../../../shared/capture';
import { MethodBadge } from '../../../components/MethodBadge';
import { StatusCode } from '../../../components/StatusCode';
import { formatBytes, formatExactTime, formatRelativeTime } from '../lib/format';

interface Props {
  summary: CaptureSummary;
  top: number;
  selected: boolean;
  open: boolean;
  unread: boolean;
  now: number;
  onSelect(id: string): void;
  onOpen(id: string): void;
}

export const CaptureRow = memo(function CaptureRow({ summary, top, selected, open, unread, now, onSelect, onOpen }: Props) {
  const classes = ['capture-row', selected && 'is-selected', open && 'is-open', unread && 'is-unread'].filter(Boolean).join(' ');
  return (
    <div
      className={classes}
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
      <span><MethodBadge method={summary.method} /></span>
      <span className="capture-path mono" title={summary.url}>{summary.url}</span>
      <span><StatusCode status={summary.status} /></span>
      <span className="align-right mono">{formatBytes(summary.bodySize)}</span>
      <span className="align-right" title={formatExactTime(summary.receivedAt)}>{formatRelativeTime(summary.receivedAt, now)}</span>
    </div>
  );
});
