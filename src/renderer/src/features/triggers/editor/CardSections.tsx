import type { ActionType, ConditionType, EnvVariable } from '@shared/trigger';
import { useContext } from 'react';
import { ACTION_TYPES, CONDITION_TYPES } from '../lib/draftOps';
import { ActionCard } from './ActionCard';
import { ConditionCard } from './ConditionCard';
import { IssuesContext } from './issuesContext';
import type { useTriggerDraft } from './useTriggerDraft';

type Draft = ReturnType<typeof useTriggerDraft>;

function AddSelect<T extends string>({ label, options, onAdd, testId }: { label: string; options: readonly T[]; onAdd(type: T): void; testId: string }) {
  return (
    <select className="input add-select" aria-label={label} data-testid={testId} value="" onChange={(e) => e.target.value && onAdd(e.target.value as T)}>
      <option value="">{label}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

export function ConditionsSection({ d, env }: { d: Draft; env: EnvVariable[] | null }) {
  const { warnings } = useContext(IssuesContext);
  const { conditions } = d.draft;
  return (
    <section className="editor-section" aria-label="Conditions">
      <header className="editor-section-head">
        <h3>
          Conditions <span className="muted small">all must pass; every one is evaluated and traced</span>
        </h3>
        <AddSelect<ConditionType> label="+ Add condition…" options={CONDITION_TYPES} onAdd={d.conditions.add} testId="add-condition" />
      </header>
      {(warnings.conditions ?? []).map((w) => (
        <p key={w.code} className="field-warning" data-testid="warning-conditions">
          {w.message}
        </p>
      ))}
      {conditions.length === 0 && <p className="muted small editor-none">No conditions. Add web-auth so only your sender can launch this trigger.</p>}
      {conditions.map((c, i) => (
        <ConditionCard
          key={d.conditionKeys[i]}
          value={c}
          index={i}
          count={conditions.length}
          env={env}
          onChange={(next) => d.conditions.change(i, next)}
          onMove={(delta) => d.conditions.move(i, delta)}
          onRemove={() => d.conditions.remove(i)}
        />
      ))}
    </section>
  );
}

export function ActionsSection({ d, onLocalError }: { d: Draft; onLocalError(path: string, message: string | null): void }) {
  const { actions } = d.draft;
  return (
    <section className="editor-section" aria-label="Actions">
      <header className="editor-section-head">
        <h3>
          Actions <span className="muted small">when every condition passes</span>
        </h3>
        <AddSelect<ActionType> label="+ Add action…" options={ACTION_TYPES} onAdd={d.actions.add} testId="add-action" />
      </header>
      {actions.length === 0 && <p className="muted small editor-none">No actions: a passing request gets "ok" and a run with no actions.</p>}
      {actions.map((a, i) => (
        <ActionCard
          key={d.actionKeys[i]}
          value={a}
          index={i}
          count={actions.length}
          onChange={(next) => d.actions.change(i, next)}
          onMove={(delta) => d.actions.move(i, delta)}
          onRemove={() => d.actions.remove(i)}
          onLocalError={onLocalError}
        />
      ))}
    </section>
  );
}
