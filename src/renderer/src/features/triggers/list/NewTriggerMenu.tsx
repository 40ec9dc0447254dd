import { TRIGGER_PRESETS } from '@shared/triggers/presets';
import { openDraft } from '../../../store/triggerActions';
import { useAppStore } from '../../../store/store';
import { blankTrigger, fromPreset } from '../lib/draftOps';

const takenIds = () => useAppStore.getState().triggers.items.map((t) => t.id);

export function newFromPreset(presetId: string) {
  const preset = TRIGGER_PRESETS.find((p) => p.id === presetId);
  if (preset) openDraft(fromPreset(preset.build(), takenIds()));
}

/** "New trigger" from scratch, or from a preset for a common sender. */
export function NewTriggerMenu() {
  return (
    <span className="new-trigger">
      <button type="button" className="button button-primary" onClick={() => openDraft(blankTrigger(takenIds()))} data-testid="new-trigger">
        New trigger
      </button>
      <select
        className="input"
        aria-label="New trigger from a preset"
        data-testid="new-from-preset"
        value=""
        onChange={(e) => e.target.value && newFromPreset(e.target.value)}
      >
        <option value="">From preset…</option>
        {TRIGGER_PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>
            {p.name}
          </option>
        ))}
      </select>
    </span>
  );
}
