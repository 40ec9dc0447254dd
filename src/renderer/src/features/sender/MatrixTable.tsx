import type { MatrixRow } from '@shared/signing/types';

export function MatrixTable({ rows }: { rows: MatrixRow[] }) {
  return (
    <table className="pairs sender-matrix" data-testid="matrix-table">
      <thead>
        <tr>
          <th>Variant</th>
          <th>Expected</th>
          <th>Actual</th>
          <th>Status</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.variant} data-testid="matrix-row" data-pass={r.pass}>
            <td>
              <strong>{r.variant}</strong>
              <div className="muted small">{r.description}</div>
            </td>
            <td>{r.expected}</td>
            <td>
              {r.actual}
              {r.error ? <div className="small muted">{r.error}</div> : null}
            </td>
            <td className="mono">{r.status ?? '—'}</td>
            <td>{r.pass ? '✓' : '✗'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
