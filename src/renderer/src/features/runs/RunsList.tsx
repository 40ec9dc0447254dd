// The list of top-level executions and pipelines, newest first, with live status badges.
import type { RunListItem } from '@shared/runs';
import { useNow } from '../../hooks/useNow';
import { openRun } from '../../store/runActions';
import { runItemId } from '../../store/runsSlice';
import { useAppStore } from '../../store/store';
import { formatExactTime, formatRelativeTime } from '../../lib/format';
import { StatusBadge } from './StatusBadge';
import { runDuration } from './runTime';

export function RunsList() {
  const items = useAppStore((s) => s.runs.items);
  const open = useAppStore((s) => s.runs.open);
  const status = useAppStore((s) => s.runs.status);
  const now = useNow(1000);
  if (status === 'ready' && !items.length) {
    return (
      <div className="runs-empty" data-testid="runs-empty">
        <p>No runs yet.</p>
        <p className="muted small">A trigger with a run-execution or run-pipeline action creates one when a webhook passes its conditions.</p>
      </div>
    );
  }
  return (
    <ul className="runs-list" data-testid="runs-list">
      {items.map((item) => (
        <Row key={runItemId(item)} item={item} isOpen={open?.id === runItemId(item)} now={now} />
      ))}
    </ul>
  );
}

function Row({ item, isOpen, now }: { item: RunListItem; isOpen: boolean; now: number }) {
  const r = item.kind === 'execution' ? item.execution : item.pipeline;
  const title = item.kind === 'execution' ? item.execution.step : item.pipeline.name;
  return (
    <li>
      <button
        type="button"
        className={`runs-row${isOpen ? ' is-open' : ''}`}
        data-testid="runs-row"
        data-kind={item.kind}
        data-id={r.id}
        onClick={() => openRun({ kind: item.kind, id: r.id })}
      >
        <span className="runs-row-kind muted small">
          {item.kind === 'execution' ? 'exec' : 'pipe'} #{r.counter}
        </span>
        <span className="runs-row-title">{title}</span>
        <StatusBadge status={r.status} />
        <span className="muted small runs-row-time" title={formatExactTime(r.createdAt)}>
          {formatRelativeTime(r.createdAt, now)}
        </span>
        <span className="muted small runs-row-duration">{runDuration(r.startedAt, r.endedAt, now)}</span>
      </button>
    </li>
  );
}
