// A tracked run's status changes over time, and the executions and pipelines it launched
// followed to their own end: run-info says "completed" when the launch actions are done, not
// when the launched work is.
import { stopTracking } from '../../store/senderActions';
import { useEffect } from 'react';
import type { TrackedRun } from '@shared/signing/types';
import { isFinalExecutionStatus } from '@shared/runs';
import { Time } from '../../components/Time';
import { loadExecution, loadPipeline } from '../../store/runActions';
import { useAppStore } from '../../store/store';

type Launched = { kind: 'execution' | 'pipeline'; id: string; label: string };

function launchedWork(track: TrackedRun): Launched[] {
  const seen = new Map<string, Launched>();
  for (const entry of track.timeline) {
    for (const r of entry.result) {
      if ('execution_id' in r) seen.set(r.execution_id, { kind: 'execution', id: r.execution_id, label: r.execution_step });
      else seen.set(r.pipeline_id, { kind: 'pipeline', id: r.pipeline_id, label: r.pipeline_name });
    }
  }
  return [...seen.values()];
}

const FINAL_PIPELINE = new Set(['completed', 'error', 'stopped']);

export function TrackTimeline({ track }: { track: TrackedRun }) {
  const work = launchedWork(track);
  // one string from the store (a fresh array each time would re-render forever)
  const statusKey = useAppStore((s) =>
    work.map((w) => (w.kind === 'execution' ? s.runs.executions[w.id]?.status : s.runs.pipelines[w.id]?.status) ?? '').join(','),
  );
  const statuses = statusKey ? statusKey.split(',').map((s) => s || undefined) : work.map(() => undefined);
  const ids = work.map((w) => w.id).join(',');
  useEffect(() => {
    // local runs are pushed by events once known; fetch the ones not seen yet
    const state = useAppStore.getState().runs;
    for (const w of work) {
      if (w.kind === 'execution' && !state.executions[w.id]) void loadExecution(w.id).catch(() => undefined);
      if (w.kind === 'pipeline' && !state.pipelines[w.id]) void loadPipeline(w.id).catch(() => undefined);
    }
  }, [ids]);
  const known = statuses.filter((s): s is NonNullable<typeof s> => s !== undefined);
  const running = work.filter((w, i) => {
    const s = statuses[i];
    return s !== undefined && !(w.kind === 'execution' ? isFinalExecutionStatus(s as never) : FINAL_PIPELINE.has(s));
  }).length;
  const workState = work.length === 0 ? 'none' : known.length < work.length ? 'unknown' : running > 0 ? 'running' : 'finished';
  const summary =
    track.state === 'polling'
      ? 'following the run…'
      : track.state !== 'settled'
        ? track.state
        : workState === 'running'
          ? `run ${track.status}; ${running} of ${work.length} launched ${work.length === 1 ? 'job is' : 'jobs are'} still running`
          : workState === 'finished'
            ? `run ${track.status}; everything it launched has finished`
            : workState === 'unknown'
              ? `run ${track.status}; what it launched runs elsewhere (not a local run)`
              : `run ${track.status}; it launched nothing`;
  return (
    <section className="sender-track" data-testid="track-timeline" data-state={track.state} data-status={track.status ?? ''} data-work={workState}>
      <h4>
        Run <code>{track.runId}</code> · <span data-testid="track-state">{summary}</span>
        {track.state === 'polling' && (
          <button type="button" className="button button-small" onClick={() => void stopTracking(track.id)}>
            Stop
          </button>
        )}
      </h4>
      <ol className="sender-timeline">
        {track.timeline.map((e, i) => (
          <li key={i} data-testid="timeline-entry" data-status={e.status}>
            <span className={`sender-status sender-status-${e.status}`}>{e.status}</span>
            <Time at={e.at} />
            {e.note && <span className="muted small">{e.note}</span>}
          </li>
        ))}
        {track.state === 'polling' && track.nextPollAt && (
          <li className="muted small">next poll in {Math.max(0, Math.round((track.nextPollAt - Date.now()) / 1000))} s</li>
        )}
      </ol>
      {work.length > 0 && (
        <ul className="sender-work" aria-label="Launched executions and pipelines">
          {work.map((w, i) => (
            <li key={w.id} data-testid="launched-work" data-status={statuses[i] ?? 'unknown'}>
              <span className="mono small">
                {w.kind} {w.id.slice(0, 8)}
              </span>{' '}
              <span>{w.label}</span> <span className={`sender-status sender-status-${statuses[i] ?? 'unknown'}`}>{statuses[i] ?? 'not a local run'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
