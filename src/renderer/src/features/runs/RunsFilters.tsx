// Filters of the runs list: status, kind, trigger and step.
import type { ExecutionStatus } from '@shared/runs';
import { setRunsFilter } from '../../store/runActions';
import { useAppStore } from '../../store/store';

const STATUSES: ExecutionStatus[] = ['queued', 'started', 'completed', 'error', 'stopped'];

export function RunsFilters() {
  const filter = useAppStore((s) => s.runs.filter);
  const total = useAppStore((s) => s.runs.total);
  const triggers = useAppStore((s) => s.triggers.items);
  const summary = useAppStore((s) => s.runs.project?.definition);
  const set = (patch: Partial<typeof filter>) => void setRunsFilter(clean({ ...filter, ...patch }));
  return (
    <div className="runs-filters" data-testid="runs-filters">
      <select
        className="input input-small"
        aria-label="Status"
        data-testid="runs-filter-status"
        value={filter.status ?? ''}
        onChange={(e) => set({ status: (e.target.value || undefined) as ExecutionStatus | undefined })}
      >
        <option value="">Any status</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select
        className="input input-small"
        aria-label="Kind"
        data-testid="runs-filter-kind"
        value={filter.kind ?? ''}
        onChange={(e) => set({ kind: (e.target.value || undefined) as 'execution' | 'pipeline' | undefined })}
      >
        <option value="">Executions and pipelines</option>
        <option value="execution">Executions</option>
        <option value="pipeline">Pipelines</option>
      </select>
      <select
        className="input input-small"
        aria-label="Trigger"
        data-testid="runs-filter-trigger"
        value={filter.triggerId ?? ''}
        onChange={(e) => set({ triggerId: e.target.value || undefined })}
      >
        <option value="">Any trigger</option>
        {triggers.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title || t.id}
          </option>
        ))}
      </select>
      <input
        className="input input-small"
        aria-label="Step"
        placeholder="Step"
        list="runs-step-names"
        data-testid="runs-filter-step"
        value={filter.step ?? ''}
        onChange={(e) => set({ step: e.target.value || undefined })}
      />
      <datalist id="runs-step-names">
        {summary?.steps.map((s) => (
          <option key={s.name} value={s.name} />
        ))}
      </datalist>
      <span className="muted small">
        {total} {total === 1 ? 'run' : 'runs'}
      </span>
    </div>
  );
}

function clean<T extends object>(f: T): T {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as T;
}
