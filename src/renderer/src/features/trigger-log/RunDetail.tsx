import { useEffect, useState } from 'react';
import type { RunResultEntry, TriggerRunStatus } from '@shared/trigger-log';
import { describeError } from '../../api/envelope';
import { selectTriggerRun } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { loadRun } from '../../store/triggerLogActions';
import { formatClock } from '../../lib/format';

/** What the status means, said once (the badge already shows the status word). */
function statusText(status: TriggerRunStatus, launched: number): string {
  switch (status) {
    case 'pending':
      return 'the run actions are still being launched';
    case 'completed':
      return launched ? 'every run action launched' : 'the trigger has no run actions: nothing to launch';
    case 'error':
      return 'every run action failed to launch';
    case 'complete_with_error':
      return 'some run actions failed to launch';
  }
}

/** A trigger run as run-info would report it; run.status events keep it current. */
export function RunDetail({ runId }: { runId: string }) {
  const run = useAppStore(selectTriggerRun(runId));
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setError(null);
    loadRun(runId).then(
      () => setMissing(!useAppStore.getState().triggerLog.runs[runId]),
      (e) => setError(describeError(e)),
    );
  }, [runId]);
  return (
    <section className="run-detail" data-testid="run-detail" data-run-id={runId}>
      <h4>
        Run <code>{runId}</code>
      </h4>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {!run && !error && <p className="muted small">{missing ? 'This run is no longer stored.' : 'Loading…'}</p>}
      {run && (
        <>
          <p>
            <span className={`run-status run-${run.status}`} data-testid="run-status" data-status={run.status}>
              {run.status}
            </span>{' '}
            <span className="muted small" data-testid="run-status-text">
              {statusText(run.status, run.result.length)} · updated {formatClock(run.updatedAt)}
            </span>
          </p>
          {run.errors?.length ? (
            <ul className="run-errors" data-testid="run-errors">
              {run.errors.map((e, i) => (
                <li key={i}>
                  <span className="mono">{e.action}</span>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          {run.result.length === 0 ? (
            <p className="muted small">
              {run.status === 'pending' ? 'No results yet.' : run.errors?.length ? 'Nothing was launched.' : 'No executions or pipelines.'}
            </p>
          ) : (
            <table className="grid-table" data-testid="run-results">
              <thead>
                <tr>
                  <th>Action</th>
                  <th>Name</th>
                  <th>Id</th>
                </tr>
              </thead>
              <tbody>
                {run.result.map((r, i) => (
                  <ResultRow key={i} r={r} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function ResultRow({ r }: { r: RunResultEntry }) {
  const name = r.action === 'run_execution' ? r.execution_step : r.pipeline_name;
  const id = r.action === 'run_execution' ? r.execution_id : r.pipeline_id;
  return (
    <tr>
      <td className="mono">{r.action}</td>
      <td>{name}</td>
      <td className="mono">{id}</td>
    </tr>
  );
}
