import type { RateLimitPicture } from './rateLimitSeries';
import { formatPeriod } from '../triggers';

const W = 640;
const H = 150;
const PAD = { left: 34, right: 12, top: 12, bottom: 24 };

/** Launches counted in the sliding window over the last period (steps) against the quota (dashed). */
export function RateLimitChart({ picture, quota, period }: { picture: RateLimitPicture; quota: number; period: number }) {
  const top = Math.max(quota, picture.peak, 1) + 1;
  const x = (t: number) => PAD.left + ((t - picture.from) / Math.max(1, picture.to - picture.from)) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / top) * (H - PAD.top - PAD.bottom);
  let d = '';
  picture.steps.forEach((s, i) => {
    d += i === 0 ? `M${x(s.at)},${y(s.count)}` : `H${x(s.at)}V${y(s.count)}`;
  });
  d += `H${x(picture.to)}`;
  const area = `${d}V${y(0)}H${x(picture.from)}Z`;
  const over = picture.peak > quota;
  return (
    <svg
      className="rl-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Launches in the last ${formatPeriod(period)}: ${picture.current} of ${quota}`}
      data-testid="rate-limit-chart"
    >
      <line className="rl-axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      {[0, Math.ceil(top / 2), top].map((n) => (
        <text key={n} className="rl-label" x={PAD.left - 6} y={y(n) + 4} textAnchor="end">
          {n}
        </text>
      ))}
      <path className="rl-area" d={area} />
      <path className={`rl-line${over ? ' is-over' : ''}`} d={d} data-testid="rate-limit-steps" />
      <line className="rl-quota" x1={PAD.left} x2={W - PAD.right} y1={y(quota)} y2={y(quota)} data-testid="rate-limit-quota" />
      <text className="rl-quota-label" x={W - PAD.right} y={y(quota) - 4} textAnchor="end">
        quota {quota}
      </text>
      {picture.launches.map((t, i) => (
        <line key={i} className="rl-tick" x1={x(t)} x2={x(t)} y1={y(0)} y2={y(0) + 5} />
      ))}
      <text className="rl-label" x={PAD.left} y={H - 6}>
        −{formatPeriod(period)}
      </text>
      <text className="rl-label" x={W - PAD.right} y={H - 6} textAnchor="end">
        now
      </text>
    </svg>
  );
}
