// Editable header rows; values may hold {env:NAME}, resolved only when sending.
import type { HeaderRow } from '@shared/notifications';

export function HeadersEditor({ rows, onChange, testId }: { rows: HeaderRow[]; onChange(rows: HeaderRow[]): void; testId: string }) {
  const set = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="headers-editor" data-testid={testId}>
      {rows.map((row, i) => (
        <div className="headers-row" key={i}>
          <input
            className="input"
            aria-label="Header name"
            placeholder="Authorization"
            value={row.name}
            data-testid={`${testId}-name`}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            className="input"
            aria-label="Header value"
            placeholder="Bearer {env:TOKEN}"
            value={row.value}
            data-testid={`${testId}-value`}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="button button-small button-danger-quiet"
            aria-label="Remove header"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" data-testid={`${testId}-add`} onClick={() => onChange([...rows, { name: '', value: '' }])}>
        Add header
      </button>
    </div>
  );
}
