import type { TriggerOutcome } from '@shared/capture';
import { CONDITION_TYPES } from '@shared/kinds/conditions';
import { selectTriggerItems, selectTriggerLog } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { loadTriggerLog, setTriggerLogFilter } from '../../store/triggerLogActions';

const OUTCOMES: TriggerOutcome[] = ['launched', 'rejected', 'run-info', 'not-found', 'method-not-allowed', 'too-large'];

export function LogFilters() {
  const { filter, entries, status } = useAppStore(selectTriggerLog);
  const triggers = useAppStore(selectTriggerItems);
  const set = (patch: Partial<typeof filter>) => {
    const next = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (!next[k]) delete next[k];
    void setTriggerLogFilter(next);
  };
  return (
    <div className="toolbar-row log-filters">
      <h1 className="page-title">Trigger log</h1>
      <label className="toolbar-field">
        Trigger
        <select
          className="input"
          value={filter.triggerId ?? ''}
          onChange={(e) => set({ triggerId: e.target.value || undefined })}
          data-testid="log-filter-trigger"
        >
          <option value="">All triggers</option>
          {triggers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title} ({t.id})
            </option>
          ))}
          {filter.triggerId && !triggers.some((t) => t.id === filter.triggerId) && <option value={filter.triggerId}>{filter.triggerId}</option>}
        </select>
      </label>
      <label className="toolbar-field">
        Outcome
        <select
          className="input"
          value={filter.outcome ?? ''}
          onChange={(e) => set({ outcome: (e.target.value || undefined) as TriggerOutcome | undefined })}
          data-testid="log-filter-outcome"
        >
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar-field">
        Failed condition
        <select
          className="input"
          value={filter.failedConditionType ?? ''}
          onChange={(e) => set({ failedConditionType: e.target.value || undefined })}
          data-testid="log-filter-failed"
        >
          <option value="">Any</option>
          {CONDITION_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-spacer" />
      <span className="toolbar-count" data-testid="log-count">
        {status === 'loading' ? 'Loading…' : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`}
      </span>
      <button type="button" className="button" onClick={() => void loadTriggerLog()}>
        Refresh
      </button>
    </div>
  );
}
