// A pipeline: its nodes in graph order and as a Gantt timeline coloured by status; a node opens its execution.
import { useEffect, useState } from 'react';
import type { LocalPipeline, PipelineNodeState } from '@shared/runs';
import { describeError } from '../../api/envelope';
import { useNow } from '../../hooks/useNow';
import { loadPipeline, openRun, rerun, stopRun } from '../../store/runActions';
import { useAppStore } from '../../store/store';
import { formatDuration } from '../../lib/format';
import { RunLinks } from './RunLinks';
import { StatusBadge } from './StatusBadge';
import { clockTime, graphLevels, runDuration } from './runTime';

export function PipelineDetail({ id }: { id: string }) {
  const pipeline = useAppStore((s) => s.runs.pipelines[id]);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(500);
  useEffect(() => {
    setError(null);
    loadPipeline(id).catch((e) => setError(describeError(e)));
  }, [id]);
  if (error)
    return (
      <p className="field-error" role="alert">
        {error}
      </p>
    );
  if (!pipeline) return <p className="muted small">Loading…</p>;
  const running = pipeline.status === 'started';
  const act = (task: () => Promise<void>) => task().catch((e) => setError(describeError(e)));
  return (
    <article className="runs-detail" data-testid="pipeline-detail" data-id={pipeline.id}>
      <header className="runs-detail-head">
        <div>
          <h3>
            <span className="muted">Pipeline #{pipeline.counter}</span> {pipeline.name} <StatusBadge status={pipeline.status} testId="pipeline-status" />
          </h3>
          <p className="muted small">
            {pipeline.mode === 'command' ? 'command' : 'simulated'} · {pipeline.statusReason ?? 'running'} · started {clockTime(pipeline.startedAt)} ·{' '}
            {runDuration(pipeline.startedAt, pipeline.endedAt, now)}
            {pipeline.payloadInputName && (
              <>
                {' '}
                · payload → <code className="mono">{pipeline.payloadInputName}</code>
              </>
            )}
          </p>
          <RunLinks captureId={pipeline.captureId} triggerId={pipeline.triggerId} triggerRunId={pipeline.triggerRunId} />
        </div>
        <div className="runs-actions">
          {running && (
            <button type="button" className="button button-small button-danger" data-testid="run-stop" onClick={() => act(() => stopRun(pipeline.id))}>
              Stop
            </button>
          )}
          <button type="button" className="button button-small" disabled={running} data-testid="run-rerun" onClick={() => act(() => rerun(pipeline.id))}>
            Re-run
          </button>
        </div>
      </header>
      <GraphOrder pipeline={pipeline} />
      <Gantt pipeline={pipeline} now={now} />
    </article>
  );
}

function GraphOrder({ pipeline }: { pipeline: LocalPipeline }) {
  const levels = graphLevels(pipeline.nodes);
  const byName = new Map(pipeline.nodes.map((n) => [n.name, n]));
  return (
    <div className="runs-graph" data-testid="pipeline-graph" aria-label="Graph order">
      {levels.map((names, i) => (
        <div key={i} className="runs-graph-level">
          {names.map((name) => (
            <NodeChip key={name} node={byName.get(name)!} />
          ))}
        </div>
      ))}
    </div>
  );
}

function NodeChip({ node }: { node: PipelineNodeState }) {
  const open = () => node.executionId && openRun({ kind: 'execution', id: node.executionId });
  return (
    <button
      type="button"
      className={`runs-node runs-node-${node.status}`}
      data-testid="pipeline-node"
      data-node={node.name}
      data-status={node.status}
      disabled={!node.executionId}
      onClick={open}
      title={node.reason ?? (node.dependsOn?.length ? `after ${node.dependsOn.join(', ')}` : 'no upstream nodes')}
    >
      <b>{node.name}</b> <span className="small">{node.step}</span> <StatusBadge status={node.status} testId="pipeline-node-status" />
    </button>
  );
}

function Gantt({ pipeline, now }: { pipeline: LocalPipeline; now: number }) {
  const start = pipeline.startedAt ?? pipeline.createdAt;
  const end = Math.max(pipeline.endedAt ?? now, start + 1, ...pipeline.nodes.map((n) => n.endedAt ?? 0));
  const span = end - start;
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`;
  return (
    <div className="runs-gantt" data-testid="pipeline-gantt" aria-label="Timeline">
      {pipeline.nodes.map((node) => {
        const s = node.startedAt;
        const e = node.endedAt ?? (s && pipeline.status === 'started' ? now : s);
        return (
          <div key={node.name} className="runs-gantt-row">
            <span className="runs-gantt-name mono small">{node.name}</span>
            <div className="runs-gantt-track">
              {s && e !== undefined && (
                <div
                  className={`runs-gantt-bar runs-node-${node.status}`}
                  data-testid="gantt-bar"
                  data-node={node.name}
                  style={{ left: pct(s), width: `max(3px, calc(${pct(e)} - ${pct(s)}))` }}
                  title={`${node.name}: ${node.status}, ${clockTime(s)}–${clockTime(node.endedAt)} (${formatDuration(e - s)})`}
                />
              )}
              {!s && <span className="muted small runs-gantt-note">{node.reason ?? node.status}</span>}
            </div>
          </div>
        );
      })}
      <div className="runs-gantt-axis muted small">
        <span>{clockTime(start)}</span>
        <span>{formatDuration(span)}</span>
      </div>
    </div>
  );
}
