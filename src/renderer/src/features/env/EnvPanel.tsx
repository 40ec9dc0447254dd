import { useEffect, useState } from 'react';
import { saveEnv } from '../../store/envActions';
import { SECRET_PLACEHOLDER } from '@shared/trigger';
import { describeError } from '../../api/envelope';
import { newRow, rowProblems, rowsFromEnv, rowsToEnv, type EnvRow } from './envRows';
import { useEnvList } from './useEnvList';

/** Workspace env variables, referenced from secret keys as {env:NAME}. Secrets are never fetched in full. */
export function EnvPanel() {
  const { env, error: loadError, reload } = useEnvList();
  const [rows, setRows] = useState<EnvRow[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ saving?: boolean; error?: string; saved?: boolean }>({});
  useEffect(() => {
    if (env && !dirty) setRows(rowsFromEnv(env));
  }, [env, dirty]);
  const problems = rows ? rowProblems(rows) : {};
  const change = (key: number, patch: Partial<EnvRow>) => {
    setDirty(true);
    setStatus({});
    setRows((rs) => rs!.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const save = async () => {
    if (!rows || Object.keys(problems).length) return;
    setStatus({ saving: true });
    try {
      const saved = await saveEnv(rowsToEnv(rows));
      setRows(rowsFromEnv(saved));
      setDirty(false);
      setStatus({ saved: true });
      reload();
    } catch (e) {
      setStatus({ error: describeError(e) });
    }
  };
  return (
    <div className="panel" data-testid="env-panel">
      <h2>Environment variables</h2>
      <p className="muted">
        Reference them in secret keys as <code>{'{env:NAME}'}</code>. Secret values are write-only here: they show as {SECRET_PLACEHOLDER}, and leaving that
        unchanged keeps the stored value.
      </p>
      {loadError && (
        <div className="banner banner-error" role="alert">
          Could not load variables: {loadError}
        </div>
      )}
      {!rows && !loadError && <p className="muted">Loading…</p>}
      {rows && rows.length === 0 && (
        <p className="muted" data-testid="env-empty">
          No variables yet. Add WEBHOOK_TOKEN with your sender's signing secret to use the presets as they are.
        </p>
      )}
      {rows && rows.length > 0 && (
        <table className="grid-table env-table" data-testid="env-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Secret</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key} data-testid="env-row">
                <td>
                  <input
                    className="input mono"
                    aria-label="Name"
                    data-testid={`env-name-${i}`}
                    aria-invalid={problems[row.key] ? true : undefined}
                    value={row.name}
                    placeholder="WEBHOOK_TOKEN"
                    spellCheck={false}
                    onChange={(e) => change(row.key, { name: e.target.value })}
                  />
                  {problems[row.key] && (
                    <p className="field-error" role="alert" data-testid={`env-error-${i}`}>
                      {problems[row.key]}
                    </p>
                  )}
                </td>
                <td>
                  <input
                    className="input mono env-value"
                    aria-label="Value"
                    data-testid={`env-value-${i}`}
                    type={row.secret ? 'password' : 'text'}
                    autoComplete="off"
                    value={row.value}
                    placeholder={row.secret ? 'secret value' : 'value'}
                    onFocus={(e) => row.stored && row.value === SECRET_PLACEHOLDER && e.target.select()}
                    onChange={(e) => change(row.key, { value: e.target.value, stored: false })}
                  />
                  {row.stored && row.value === SECRET_PLACEHOLDER && <p className="field-hint">stored; type to replace</p>}
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label="Secret"
                    data-testid={`env-secret-${i}`}
                    checked={row.secret}
                    onChange={(e) => change(row.key, { secret: e.target.checked })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    data-testid={`env-remove-${i}`}
                    onClick={() => {
                      setDirty(true);
                      setRows((rs) => rs!.filter((r) => r.key !== row.key));
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="button"
          disabled={!rows}
          onClick={() => {
            setDirty(true);
            setRows((rs) => [...(rs ?? []), newRow()]);
          }}
          data-testid="env-add"
        >
          Add variable
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!dirty || status.saving || Object.keys(problems).length > 0}
          onClick={save}
          data-testid="env-save"
        >
          {status.saving ? 'Saving…' : 'Save variables'}
        </button>
        {dirty && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDirty(false);
              setStatus({});
              if (env) setRows(rowsFromEnv(env));
            }}
          >
            Discard
          </button>
        )}
        {status.saved && (
          <span className="ok-text" data-testid="env-saved">
            Saved
          </span>
        )}
        {status.error && (
          <span className="field-error" role="alert" data-testid="env-save-error">
            {status.error}
          </span>
        )}
      </div>
    </div>
  );
}
