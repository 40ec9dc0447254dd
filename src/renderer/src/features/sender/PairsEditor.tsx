import type { HeaderTuple } from '@shared/capture';

/** Editable name/value rows (headers, form fields); an empty last row adds one. */
export function PairsEditor({
  pairs,
  onChange,
  testId,
  nameLabel,
}: {
  pairs: HeaderTuple[];
  onChange(p: HeaderTuple[]): void;
  testId: string;
  nameLabel: string;
}) {
  const rows: HeaderTuple[] = [...pairs, ['', '']];
  const set = (i: number, k: 0 | 1, v: string) => {
    const next = rows.map((r) => [...r] as HeaderTuple);
    next[i][k] = v;
    onChange(next.filter(([n, val], j) => j < next.length - 1 || n !== '' || val !== ''));
  };
  return (
    <table className="pairs-editor" data-testid={testId}>
      <tbody>
        {rows.map(([n, v], i) => (
          <tr key={i}>
            <td>
              <input
                className="input mono"
                aria-label={`${nameLabel} ${i + 1}`}
                placeholder={nameLabel}
                value={n}
                onChange={(e) => set(i, 0, e.target.value)}
              />
            </td>
            <td>
              <input className="input mono" aria-label={`value ${i + 1}`} placeholder="value" value={v} onChange={(e) => set(i, 1, e.target.value)} />
            </td>
            <td>
              {i < rows.length - 1 && (
                <button type="button" className="button button-small" aria-label="Remove" onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
