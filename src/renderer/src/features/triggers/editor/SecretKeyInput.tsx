import { useState } from 'react';
import { describeError } from '../../../api/envelope';
import { defineSecret } from '../../../store/envActions';
import { ENV_CHANGED_EVENT } from '../../env';
import type { EnvVariable } from '@shared/trigger';
import { envReferences, maskSecret } from '@shared/triggers/secrets';
import { controlProps } from './EditorField';
import { useIssues } from './issuesContext';

/**
 * A secret key: masked while it is a literal, plain while it only references {env:…}
 * variables (a reference is not a secret). Public keys (RS/PS/ES/EdDSA) are shown as text.
 */
export function SecretKeyInput({
  value,
  path,
  env,
  publicKey,
  onChange,
  onEnvDefined,
}: {
  value: string;
  path: string;
  env: EnvVariable[] | null;
  publicKey: boolean;
  onChange(next: string): void;
  /** a missing variable was defined inline: the env list should reload */
  onEnvDefined?(): void;
}) {
  const { error } = useIssues(path);
  const [revealed, setRevealed] = useState(false);
  const refs = envReferences(value);
  const literal = refs.length === 0 && value.length > 0;
  const props = controlProps(path, error);
  return (
    <div className="secret-input">
      {publicKey ? (
        <textarea
          className="input textarea mono"
          rows={4}
          {...props}
          value={value}
          spellCheck={false}
          placeholder="{env:WEBHOOK_PUBLIC_KEY} or -----BEGIN PUBLIC KEY-----…"
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <div className="secret-row">
          <input
            className="input mono"
            type={literal && !revealed ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            {...props}
            value={value}
            placeholder="{env:WEBHOOK_TOKEN}"
            onChange={(e) => onChange(e.target.value)}
          />
          {literal && (
            <button type="button" className="button button-small" onClick={() => setRevealed((r) => !r)} data-testid={`reveal-${path}`}>
              {revealed ? 'Hide' : 'Show'}
            </button>
          )}
        </div>
      )}
      {literal && !publicKey && !revealed && (
        <p className="field-hint" data-testid={`masked-${path}`}>
          Literal secret: {maskSecret(value)}. It is written into exports only when you ask.
        </p>
      )}
      {refs.length > 0 && (
        <p className="field-hint">
          {refs.map((name) => {
            const variable = env?.find((v) => v.name === name);
            return (
              <span key={name} className={`env-ref${variable ? '' : ' is-missing'}`}>
                {`{env:${name}}`} {variable ? (variable.secret ? '→ secret variable' : `→ "${variable.value}"`) : '→ not defined'}
                {!variable && env && <DefineEnv name={name} onDefined={onEnvDefined} />}
              </span>
            );
          })}
        </p>
      )}
      <p className="field-hint">
        Use <code>{'{env:NAME}'}</code> to keep the secret in an environment variable
        {env && env.length > 0 && ': '}
        {env?.map((v) => (
          <button key={v.name} type="button" className="chip" onClick={() => onChange(`{env:${v.name}}`)} title={`Use {env:${v.name}}`}>
            {v.name}
          </button>
        ))}
      </p>
    </div>
  );
}

/** "Define it": set a missing {env:NAME} right here (saved as a secret variable, write-only). */
function DefineEnv({ name, onDefined }: { name: string; onDefined?(): void }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  if (!open) {
    return (
      <button type="button" className="button button-small define-env" onClick={() => setOpen(true)} data-testid={`define-env-${name}`}>
        Define it
      </button>
    );
  }
  const save = async () => {
    setState({ saving: true, error: null });
    try {
      await defineSecret(name, value);
      setOpen(false);
      onDefined?.();
      window.dispatchEvent(new Event(ENV_CHANGED_EVENT));
    } catch (e) {
      setState({ saving: false, error: describeError(e) });
    }
  };
  return (
    <span className="define-env-form" data-testid={`define-env-form-${name}`}>
      <input
        className="input mono"
        type="password"
        autoComplete="off"
        aria-label={`Value of ${name}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid={`define-env-value-${name}`}
      />
      <button
        type="button"
        className="button button-small button-primary"
        disabled={!value || state.saving}
        onClick={() => void save()}
        data-testid={`define-env-save-${name}`}
      >
        {state.saving ? 'Saving…' : 'Save secret'}
      </button>
      <button type="button" className="button button-small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {state.error && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </span>
  );
}
