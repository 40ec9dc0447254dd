// A tracked run's status changes over time, with the executions and pipelines it created.
import type { TrackedRun } from '../../../../shared/signing/types';
import { api } from '../../api';

export function TrackTimeline({ track }: { track: TrackedRun }) {
  return (
    <section className="sender-track" data-testid="track-timeline" data-state={track.state} data-status={track.status ?? ''}>
      <h4>
        Run <code>{track.runId}</code> · <span data-testid="track-state">{track.state}</span>
        {track.state === 'polling' && <button type="button" className="button button-small" onClick={() => void api['sender.stopTrack']({ id: track.id })}>Stop</button>}
      </h4>
      <ol className="sender-timeline">
        {track.timeline.map((e, i) => (
          <li key={i} data-testid="timeline-entry" data-status={e.status}>
            <span className={`sender-status sender-status-${e.status}`}>{e.status}</span>
            <span className="muted mono small">{new Date(e.at).toLocaleTimeString()}</span>
            {e.result.map((r, j) => (
              <span key={j} className="mono small">{'execution_id' in r ? `execution ${r.execution_id.slice(0, 8)} (${r.execution_step})` : `pipeline ${r.pipeline_id.slice(0, 8)} (${r.pipeline_name})`}</span>
            ))}
            {e.note && <span className="muted small">{e.note}</span>}
          </li>
        ))}
        {track.state === 'polling' && track.nextPollAt && <li className="muted small">next poll in {Math.max(0, Math.round((track.nextPollAt - Date.now()) / 1000))} s</li>}
      </ol>
    </section>
  );
}
