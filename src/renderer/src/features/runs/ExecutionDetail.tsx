// One execution: status, timeline, parameters, files, the payload that started it and its live log.
import { useEffect, useState } from 'react';
import { describeError } from '../../api/envelope';
import { Tabs } from '../../components/Tabs';
import { useNow } from '../../hooks/useNow';
import { forgetLog, loadExecution, openRun, rerun, stopRun } from '../../store/runActions';
import { useAppStore } from '../../store/store';
import { isFinalExecutionStatus } from '@shared/runs';
import { LogView } from './LogView';
import { PayloadView } from './PayloadView';
import { RunFilesList } from './RunFilesList';
import { RunLinks } from './RunLinks';
import { RunTimeline } from './RunTimeline';
import { StatusBadge } from './StatusBadge';

type Tab = 'log' | 'files' | 'payload' | 'parameters';

export function ExecutionDetail({ id }: { id: string }) {
  const execution = useAppStore((s) => s.runs.executions[id]);
  const [tab, setTab] = useState<Tab>('log');
  const [error, setError] = useState<string | null>(null);
  const [logTotal, setLogTotal] = useState(0);
  const now = useNow(1000);
  useEffect(() => {
    setError(null);
    loadExecution(id).catch((e) => setError(describeError(e)));
    return () => forgetLog(id);
  }, [id]);
  const liveLines = useAppStore((s) => s.runs.logs[id]?.length ?? 0);
  useEffect(() => setLogTotal((t) => Math.max(t, liveLines)), [liveLines]);
  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!execution) return <p className="muted small">Loading…</p>;
  const running = !isFinalExecutionStatus(execution.status);
  const act = (task: () => Promise<void>) => task().catch((e) => setError(describeError(e)));
  return (
    <article className="runs-detail" data-testid="execution-detail" data-id={execution.id}>
      <header className="runs-detail-head">
        <div>
          <h3>
            <span className="muted">Execution #{execution.counter}</span> {execution.step} <StatusBadge status={execution.status} testId="execution-status" />
          </h3>
          <p className="muted small">
            {execution.mode === 'simulate' ? 'simulated' : 'command'} · {execution.statusReason ?? 'running'}
            {execution.exitCode !== undefined &&
              execution.exitCode !== null &&
              !execution.statusReason?.includes('exit code') &&
              ` · exit code ${execution.exitCode}`}
            {execution.pipelineId && (
              <>
                {' '}
                · node <b>{execution.nodeName}</b> of{' '}
                <a
                  href="#/runs"
                  data-testid="execution-pipeline-link"
                  onClick={(e) => {
                    e.preventDefault();
                    openRun({ kind: 'pipeline', id: execution.pipelineId! });
                  }}
                >
                  its pipeline
                </a>
              </>
            )}
          </p>
          <RunLinks captureId={execution.captureId} triggerId={execution.triggerId} triggerRunId={execution.triggerRunId} />
        </div>
        <div className="runs-actions">
          {running && (
            <button type="button" className="button button-small button-danger" data-testid="run-stop" onClick={() => act(() => stopRun(execution.id))}>
              Stop
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={running || Boolean(execution.pipelineId)}
            title={execution.pipelineId ? 'Re-run the pipeline instead' : undefined}
            data-testid="run-rerun"
            onClick={() => act(() => rerun(execution.id))}
          >
            Re-run
          </button>
        </div>
      </header>
      <RunTimeline createdAt={execution.createdAt} queuedAt={execution.queuedAt} startedAt={execution.startedAt} endedAt={execution.endedAt} now={now} />
      {execution.command && (
        <pre className="runs-command mono small" data-testid="run-command">
          {execution.command.map((c) => `$ ${c}`).join('\n')}
        </pre>
      )}
      <Tabs<Tab>
        label="Execution"
        value={tab}
        onChange={setTab}
        items={[
          { id: 'log', label: 'Log' },
          { id: 'files', label: 'Files' },
          { id: 'payload', label: 'Payload' },
          { id: 'parameters', label: 'Parameters' },
        ]}
      />
      {tab === 'log' && <LogView executionId={execution.id} total={logTotal} />}
      {tab === 'files' && <RunFilesList executionId={execution.id} refreshKey={`${execution.status}:${execution.outputs.length}`} />}
      {tab === 'payload' &&
        (execution.captureId ? (
          <>
            {execution.payloadInputName && (
              <p className="muted small">
                Written as input <code className="mono">{execution.payloadInputName}</code>.
              </p>
            )}
            <PayloadView captureId={execution.captureId} />
          </>
        ) : (
          <p className="muted small">Not started by a webhook.</p>
        ))}
      {tab === 'parameters' &&
        (Object.keys(execution.parameters).length === 0 ? (
          <p className="muted small">No parameters.</p>
        ) : (
          <table className="grid-table" data-testid="run-parameters">
            <thead>
              <tr>
                <th>Name</th>
                <th>Value</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(execution.parameters).map(([k, v]) => (
                <tr key={k}>
                  <td className="mono">{k}</td>
                  <td className="mono">{JSON.stringify(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </article>
  );
}
