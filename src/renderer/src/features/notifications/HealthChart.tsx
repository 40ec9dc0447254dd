// A per-channel sparkline: one bar per recent attempt, its height the duration, red when it failed.
import type { ChannelHealth } from '@shared/notifications';
import { formatClock } from '../../lib/format';

export function HealthChart({ health, width = 120, height = 28 }: { health: ChannelHealth | undefined; width?: number; height?: number }) {
  const points = health?.recent ?? [];
  if (!points.length)
    return (
      <span className="muted small" data-testid="health-empty">
        no deliveries yet
      </span>
    );
  const max = Math.max(...points.map((p) => p.durationMs), 1);
  const slot = width / Math.max(points.length, 10);
  return (
    <svg
      className="health-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      data-testid="health-chart"
      aria-label={`${points.filter((p) => p.ok).length} of ${points.length} recent attempts succeeded`}
    >
      <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="health-axis" />
      {points.map((p, i) => {
        const h = Math.max(3, (p.durationMs / max) * (height - 2));
        return (
          <rect key={i} x={i * slot + 1} y={height - h} width={Math.max(1, slot - 2)} height={h} className={p.ok ? 'health-ok' : 'health-fail'}>
            <title>{`${formatClock(p.at)} · ${p.ok ? 'ok' : 'failed'} · ${Math.round(p.durationMs)} ms`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

export function successRateText(health: ChannelHealth | undefined): string {
  if (!health || health.successRate === null) return '—';
  return `${Math.round(health.successRate * 100)}% of ${health.succeeded + health.failed}`;
}
