import { useState } from 'react';
import type { ThemePreference } from '@shared/settings';
import { describeError } from '../../api/envelope';
import { updateSettings } from '../../store/appActions';

const OPTIONS: { id: ThemePreference; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

/** Saves on click: a theme is easier to judge applied than described. */
export function ThemePicker({ value }: { value: ThemePreference }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <div className="segmented" role="radiogroup" aria-label="Theme">
        {OPTIONS.map((option) => (
          <button
            key={option.id}
            type="button"
            role="radio"
            aria-checked={value === option.id}
            className={`segmented-item${value === option.id ? ' is-active' : ''}`}
            data-testid={`theme-${option.id}`}
            onClick={() =>
              updateSettings({ theme: option.id }).then(
                () => setError(null),
                (e) => setError(describeError(e)),
              )
            }
          >
            {option.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
