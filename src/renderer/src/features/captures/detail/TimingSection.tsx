import type { CaptureTimings } from '@shared/capture';
import { formatDuration } from '../../../lib/format';

export function TimingSection({ timings }: { timings: CaptureTimings }) {
  const total = Math.max(timings.bodyMs, timings.headersMs, 0.001);
  return (
    <section className="detail-section" data-testid="timing">
      <h3>Timing</h3>
      <div className="timing">
        <span className="timing-label">Headers</span>
        <span className="timing-bar">
          <span className="timing-fill timing-headers" style={{ width: `${(timings.headersMs / total) * 100}%` }} />
        </span>
        <span className="mono">{formatDuration(timings.headersMs)}</span>
        <span className="timing-label">Body complete</span>
        <span className="timing-bar">
          <span className="timing-fill timing-body" style={{ width: `${(timings.bodyMs / total) * 100}%` }} />
        </span>
        <span className="mono">{formatDuration(timings.bodyMs)}</span>
      </div>
    </section>
  );
}
