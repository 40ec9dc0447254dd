import { useState } from 'react';
import { exportWorkspace, importWorkspace } from '../../store/envActions';
import type { ImportResult } from '@shared/contract';
import { parseWorkspaceJson } from '@shared/triggers/workspace';
import { describeError } from '../../api/envelope';
import { CopyButton } from '../../components/CopyButton';
import { loadTriggers } from '../../store/triggerActions';
import { downloadText } from './download';
import { errorMessage } from '@shared/error-message';

/** hookbench.json out (secrets only when asked) and in (pasted or from a file, checked before sending). */
export function WorkspaceTransfer() {
  return (
    <div className="panel" data-testid="workspace-panel">
      <ExportSection />
      <ImportSection />
    </div>
  );
}

function ExportSection() {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [state, setState] = useState<{ json?: string; error?: string; busy?: boolean }>({});
  const exportNow = async () => {
    setState({ busy: true });
    try {
      const { json } = await exportWorkspace(includeSecrets);
      downloadText('hookbench.json', json);
      setState({ json });
    } catch (e) {
      setState({ error: describeError(e) });
    }
  };
  return (
    <section className="panel-section">
      <h2>Export</h2>
      <p className="muted">
        The whole workspace (triggers and env variables) as hookbench.json, the file <code>hookbench serve --config</code> loads.
      </p>
      <label className="check">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} data-testid="export-include-secrets" />
        Include secrets (secret variable values and literal secret keys). Off: they are exported empty.
      </label>
      <div className="panel-actions">
        <button type="button" className="button button-primary" disabled={state.busy} onClick={exportNow} data-testid="export-workspace">
          Download hookbench.json
        </button>
        {state.json && (
          <CopyButton text={state.json} label="Copy the exported JSON" testId="copy-export">
            Copy JSON
          </CopyButton>
        )}
        {state.error && (
          <span className="field-error" role="alert">
            {state.error}
          </span>
        )}
      </div>
      {state.json && (
        <pre className="code-block export-preview" data-testid="export-preview">
          {state.json}
        </pre>
      )}
    </section>
  );
}

function ImportSection() {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [state, setState] = useState<{ result?: ImportResult; error?: string; busy?: boolean }>({});
  let localError: string | null = null;
  if (text.trim()) {
    try {
      parseWorkspaceJson(text);
    } catch (e) {
      // the validator's message already starts with the JSON path
      localError = errorMessage(e);
    }
  }
  const importNow = async () => {
    setState({ busy: true });
    try {
      const result = await importWorkspace({ json: text, mode });
      setState({ result });
      void loadTriggers();
    } catch (e) {
      setState({ error: describeError(e) });
    }
  };
  return (
    <section className="panel-section">
      <h2>Import</h2>
      <p className="muted">Paste a hookbench.json or pick the file. Empty secrets in the file keep the values you already have.</p>
      <input
        type="file"
        accept=".json,application/json"
        data-testid="import-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) setText(await f.text());
        }}
      />
      <textarea
        className="input textarea mono import-text"
        rows={8}
        value={text}
        placeholder='{ "version": 2, "env": [], "triggers": [] }'
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setState({});
        }}
        data-testid="import-text"
        aria-invalid={localError ? true : undefined}
      />
      {localError && (
        <p className="field-error" role="alert" data-testid="import-local-error">
          {localError}
        </p>
      )}
      <div className="panel-actions">
        <span className="segmented" role="radiogroup" aria-label="Import mode">
          {(['merge', 'replace'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`segmented-item${mode === m ? ' is-active' : ''}`}
              onClick={() => setMode(m)}
              data-testid={`import-mode-${m}`}
            >
              {m === 'merge' ? 'Merge (same ids are replaced)' : 'Replace everything'}
            </button>
          ))}
        </span>
        <button
          type="button"
          className="button button-primary"
          disabled={!text.trim() || !!localError || state.busy}
          onClick={importNow}
          data-testid="import-workspace"
        >
          Import
        </button>
      </div>
      {state.result && (
        <p className="ok-text" data-testid="import-result">
          Imported {state.result.triggers} trigger{state.result.triggers === 1 ? '' : 's'} and {state.result.env} variable{state.result.env === 1 ? '' : 's'}.
        </p>
      )}
      {state.result?.warnings.length ? (
        <ul className="field-warning" data-testid="import-warnings">
          {state.result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {state.error && (
        <p className="field-error" role="alert" data-testid="import-error">
          {state.error}
        </p>
      )}
    </section>
  );
}
