import { TRIGGER_PRESETS } from '@shared/triggers/presets';
import { selectTriggers } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { newFromPreset } from './NewTriggerMenu';
import { TriggerListItem } from './TriggerListItem';

export function TriggerList() {
  const { items, status, openId } = useAppStore(selectTriggers);
  if (status === 'loading' && items.length === 0)
    return (
      <div className="trigger-list">
        <p className="muted pad">Loading triggers…</p>
      </div>
    );
  if (items.length === 0 && status === 'ready') {
    return (
      <div className="trigger-list trigger-list-empty" data-testid="triggers-empty">
        <h2>No triggers yet</h2>
        <p>
          A trigger is a launch URL on the receiver. Requests to it are checked against its conditions (signatures, tokens, timestamps…) and, when they pass,
          launch its actions — exactly as the real service would decide.
        </p>
        <p>Start from the sender you have:</p>
        <div className="preset-grid">
          {TRIGGER_PRESETS.slice(0, 8).map((p) => (
            <button key={p.id} type="button" className="preset-card" title={p.description} onClick={() => newFromPreset(p.id)} data-testid={`preset-${p.id}`}>
              <strong>{p.name}</strong>
              <span className="muted small">{p.description}</span>
            </button>
          ))}
        </div>
        <p className="muted small">…or choose "New trigger" above to start from scratch, or import a hookbench.json workspace.</p>
      </div>
    );
  }
  return (
    <ul className="trigger-list" data-testid="trigger-list" aria-label="Triggers">
      {items.map((t) => (
        <TriggerListItem key={t.id} trigger={t} open={t.id === openId} />
      ))}
    </ul>
  );
}
