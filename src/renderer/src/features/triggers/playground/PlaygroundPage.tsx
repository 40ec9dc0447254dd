// The basestring playground: type a format and a secret, pick or paste a request, and see
// exactly what would be signed and the signature, live.
import { useState } from 'react';
import { HMAC_ALGORITHMS } from '@shared/trigger';
import { CopyButton } from '../../../components/CopyButton';
import { FormatInput } from '../editor/FormatInput';
import { BasestringVisualiser } from '../trace/BasestringVisualiser';
import { buildInput, INITIAL_FORM, type PlaygroundForm } from './buildInput';
import { FromTriggerSelect } from './FromTriggerSelect';
import { RequestSource } from './RequestSource';
import { usePlaygroundSign } from './usePlaygroundSign';
import '../triggers.css';
import '../trace/trace.css';
import './playground.css';
import '../panels.css';

export function PlaygroundPage() {
  const [form, setForm] = useState<PlaygroundForm>(INITIAL_FORM);
  const change = (patch: Partial<PlaygroundForm>) => setForm((f) => ({ ...f, ...patch }));
  const { output, pending, callError } = usePlaygroundSign(buildInput(form));
  return (
    <div className="playground" data-testid="page-playground">
      <div className="toolbar-row">
        <h1 className="page-title">Basestring playground</h1>
        <span className="muted small">Sign a request the way a trigger's HMAC condition would, as you type.</span>
        <span className="toolbar-spacer" />
        <FromTriggerSelect onPick={change} />
      </div>
      <div className="pg-split">
        <div className="pg-inputs">
          <label className="pg-label" htmlFor="pg-format">
            Format
          </label>
          <FormatInput value={form.format} onChange={(format) => change({ format })} id="pg-format" testId="pg-format" />
          <label className="pg-label" htmlFor="pg-secret">
            Secret <span className="muted small">may reference {'{env:NAME}'}; resolved by the engine, never shown</span>
          </label>
          <input
            id="pg-secret"
            className="input mono"
            type={/\{env:[^}]*\}/.test(form.secretKey) ? 'text' : 'password'}
            autoComplete="off"
            value={form.secretKey}
            onChange={(e) => change({ secretKey: e.target.value })}
            data-testid="pg-secret"
          />
          <div className="pg-line">
            <label className="pg-inline">
              Algorithm
              <select className="input" value={form.algorithm} onChange={(e) => change({ algorithm: e.target.value })} data-testid="pg-algorithm">
                {HMAC_ALGORITHMS.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </label>
            <label className="pg-inline">
              Encoding
              <select
                className="input"
                value={form.encoding}
                onChange={(e) => change({ encoding: e.target.value as 'hex' | 'base64' })}
                data-testid="pg-encoding"
              >
                <option value="hex">hex</option>
                <option value="base64">base64</option>
              </select>
            </label>
          </div>
          <RequestSource form={form} onChange={change} />
        </div>
        <div className="pg-output" data-testid="pg-output" aria-busy={pending}>
          <div className="pg-signature">
            <h3>Signature {pending && <span className="muted small">signing…</span>}</h3>
            {output?.signature ? (
              <div className="pg-sig-line">
                <code className="sig" data-testid="pg-signature">
                  {output.signature}
                </code>
                <CopyButton text={output.signature} label="Copy signature" testId="pg-copy-signature" />
              </div>
            ) : (
              <p className="muted small">{form.source === 'capture' && !form.captureId ? 'Pick a captured request to sign.' : 'Nothing signed yet.'}</p>
            )}
          </div>
          {callError && (
            <p className="banner banner-error" role="alert" data-testid="pg-call-error">
              {callError}
            </p>
          )}
          {output?.error && (
            <p className="field-error" role="alert" data-testid="pg-error">
              {output.error}
            </p>
          )}
          {output?.trace && <BasestringVisualiser trace={output.trace} />}
        </div>
      </div>
    </div>
  );
}
