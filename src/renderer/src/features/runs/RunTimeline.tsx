// Created → queued → started → ended, with timestamps and the time spent in each.
import { formatDuration } from '../../lib/format';
import { clockTime } from './runTime';

export function RunTimeline({
  createdAt,
  queuedAt,
  startedAt,
  endedAt,
  now,
}: {
  createdAt: number;
  queuedAt?: number;
  startedAt?: number;
  endedAt?: number;
  now: number;
}) {
  const steps: [string, number | undefined][] = [
    ['created', createdAt],
    ['queued', queuedAt],
    ['started', startedAt],
    ['ended', endedAt],
  ];
  return (
    <ol className="runs-timeline" data-testid="run-timeline">
      {steps.map(([label, at], i) => {
        const next = steps.slice(i + 1).find(([, t]) => t)?.[1] ?? (at && !endedAt ? now : undefined);
        return (
          <li key={label} className={at ? 'is-done' : ''} data-testid={`run-time-${label}`}>
            <span className="runs-timeline-label">{label}</span>
            <span className="mono small">{clockTime(at)}</span>
            {at && next && label !== 'ended' && <span className="muted small">+{formatDuration(next - at)}</span>}
          </li>
        );
      })}
      <li className="runs-timeline-total">
        <span className="runs-timeline-label">duration</span>
        <span className="mono small" data-testid="run-duration">
          {startedAt ? formatDuration((endedAt ?? now) - startedAt) : '—'}
        </span>
      </li>
    </ol>
  );
}
