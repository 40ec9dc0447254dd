// The Runs page: the project link, the list of executions and pipelines, and the open one.
import { useEffect } from 'react';
import { loadProject, loadRuns } from '../../store/runActions';
import { useAppStore } from '../../store/store';
import { ExecutionDetail } from './ExecutionDetail';
import { PipelineDetail } from './PipelineDetail';
import { ProjectPanel } from './ProjectPanel';
import { RunsFilters } from './RunsFilters';
import { RunsList } from './RunsList';
import './runs.css';

export function RunsPage() {
  const open = useAppStore((s) => s.runs.open);
  const error = useAppStore((s) => s.runs.error);
  useEffect(() => {
    void loadRuns();
    void loadProject();
  }, []);
  return (
    <div className="runs-page" data-testid="page-runs">
      <h1 className="page-title runs-title">Runs</h1>
      <ProjectPanel />
      <RunsFilters />
      {error && (
        <div className="banner banner-error" role="alert" data-testid="runs-error">
          Could not load runs: {error}{' '}
          <button type="button" className="button button-small" onClick={() => void loadRuns()}>
            Retry
          </button>
        </div>
      )}
      <div className="runs-split">
        <section className="runs-list-pane" aria-label="Runs">
          <RunsList />
        </section>
        <section className="runs-detail-pane" aria-label="Run">
          {!open && <p className="muted small runs-placeholder">Select a run to see its status, log and files.</p>}
          {open?.kind === 'execution' && <ExecutionDetail key={open.id} id={open.id} />}
          {open?.kind === 'pipeline' && <PipelineDetail key={open.id} id={open.id} />}
        </section>
      </div>
    </div>
  );
}
