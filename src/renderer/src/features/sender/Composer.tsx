// Compose a request: URL (trigger URLs offered), method, headers, body modes, profile; a live
// preview of the exact request; send, matrix and export.
import { previewSend, runNegativeMatrix, sendDraft } from '../../store/senderActions';
import { useEffect, useMemo, useState } from 'react';
import type { MatrixRow, SendPreview } from '@shared/signing/types';
import { fromBase64, decodeUtf8Lenient } from '@shared/triggers/bytes';
import { describeError } from '../../api/envelope';
import { selectReceiverUrl } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { bodyBase64, toDraft, type BodyMode, type ComposerState } from './draft';
import { BodyEditor } from './BodyEditor';
import { ExportMenu } from './ExportMenu';
import { MatrixTable } from './MatrixTable';
import { PairsEditor } from './PairsEditor';
import { ProfileEditor } from './ProfileEditor';
import { triggerUrls } from './targets';
import { TrackControl, trackingOn } from './TrackControl';

const METHODS = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'];

export function Composer({ state, setState }: { state: ComposerState; setState(s: ComposerState): void }) {
  const receiverUrl = useAppStore(selectReceiverUrl);
  const triggers = useAppStore((s) => s.triggers.items);
  const shownId = useAppStore((s) => s.sender.shownId);
  const [preview, setPreview] = useState<SendPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'send' | 'matrix' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [matrix, setMatrix] = useState<MatrixRow[] | null>(null);
  const set = (patch: Partial<ComposerState>) => setState({ ...state, ...patch });
  const draft = useMemo(() => toDraft(state), [state]);

  useEffect(() => {
    if (!draft.url) return setPreview(null);
    const timer = setTimeout(() => {
      previewSend(draft).then(
        (p) => {
          setPreview(p);
          setPreviewError(null);
        },
        (e) => {
          setPreview(null);
          setPreviewError(describeError(e));
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [draft]);

  const send = async () => {
    setBusy('send');
    setError(null);
    try {
      const on = trackingOn(state.track, state.url);
      const track = on && state.runIdPath.trim() ? { jsonPath: state.runIdPath.trim() } : on;
      await sendDraft({ draft, track });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  const runMatrix = async () => {
    setBusy('matrix');
    setError(null);
    try {
      setMatrix(await runNegativeMatrix(draft));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(null);
    }
  };
  const readFile = (file: File) =>
    void file.arrayBuffer().then((buf) => {
      const bytes = new Uint8Array(buf);
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      set({ fileBase64: btoa(bin), fileName: file.name });
    });

  return (
    <section className="sender-composer" data-testid="composer">
      <div className="sender-row">
        <select className="input" aria-label="Method" value={state.method} onChange={(e) => set({ method: e.target.value })} data-testid="composer-method">
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          className="input mono sender-url"
          list="composer-targets"
          aria-label="URL"
          placeholder="https://app.valohai.com/api/v0/launch/<trigger-id>/ or a local trigger URL"
          value={state.url}
          onChange={(e) => set({ url: e.target.value })}
          data-testid="composer-url"
        />
        <datalist id="composer-targets">
          {triggerUrls(receiverUrl, triggers).map((t) => (
            <option key={t.url} value={t.url}>
              {t.label}
            </option>
          ))}
        </datalist>
      </div>
      <h4>Headers</h4>
      <PairsEditor pairs={state.headers} onChange={(headers) => set({ headers })} testId="composer-headers" nameLabel="header" />
      <h4>Body</h4>
      <div className="sender-row" role="radiogroup" aria-label="Body mode">
        {(['raw', 'json', 'form', 'file'] as BodyMode[]).map((m) => (
          <label key={m} className="sender-check small">
            <input type="radio" name="body-mode" checked={state.bodyMode === m} onChange={() => set({ bodyMode: m })} data-testid={`body-mode-${m}`} /> {m}
          </label>
        ))}
      </div>
      {(state.bodyMode === 'raw' || state.bodyMode === 'json') && (
        <BodyEditor value={state.raw} onChange={(raw) => set({ raw })} isJson={state.bodyMode === 'json'} />
      )}
      {state.bodyMode === 'form' && <PairsEditor pairs={state.form} onChange={(form) => set({ form })} testId="composer-form" nameLabel="field" />}
      {state.bodyMode === 'file' && (
        <div className="sender-row">
          <input type="file" onChange={(e) => e.target.files?.[0] && readFile(e.target.files[0])} data-testid="composer-file" />
          {state.fileName && (
            <span className="small muted">
              {state.fileName} · {(fromBase64(state.fileBase64)?.length ?? 0).toLocaleString()} bytes
            </span>
          )}
        </div>
      )}
      <ProfileEditor profile={state.profile} onChange={(profile) => set({ profile })} />
      <div className="sender-row">
        <TrackControl url={state.url} choice={state.track} onChange={(track) => set({ track })} testId="composer-track" />
        {trackingOn(state.track, state.url) && (
          <input
            className="input mono sender-runid-path"
            value={state.runIdPath}
            spellCheck={false}
            placeholder="run id at (JSON path, e.g. run.id; empty: find it)"
            title="Where the response names the run: a dotted JSON path. Empty: any run-id-like string in the response."
            onChange={(e) => set({ runIdPath: e.target.value })}
            data-testid="composer-runid-path"
          />
        )}
        <button type="button" className="button button-primary" disabled={!state.url || busy !== null} onClick={() => void send()} data-testid="composer-send">
          {busy === 'send' ? 'Sending…' : 'Send'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!state.url || !state.profile || busy !== null}
          onClick={() => void runMatrix()}
          data-testid="composer-matrix"
        >
          {busy === 'matrix' ? 'Running…' : 'Negative matrix'}
        </button>
      </div>
      {error && (
        <p className="banner banner-error small" role="alert" data-testid="composer-error">
          {error}
        </p>
      )}
      <ExportMenu draft={draft} sentId={shownId} />
      {matrix && <MatrixTable rows={matrix} />}

      <details className="sender-preview" open data-testid="composer-preview">
        <summary>Preview: the exact request</summary>
        {previewError && <p className="banner banner-warn small">{previewError}</p>}
        {preview && (
          <>
            <pre className="mono small sender-code" data-testid="preview-request">
              {`${preview.method} ${preview.url}\n${preview.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${decodeUtf8Lenient(fromBase64(preview.bodyBase64) ?? new Uint8Array()).slice(0, 4000)}`}
            </pre>
            {preview.basestring && (
              <>
                <p className="small">
                  <strong>Basestring</strong> ({preview.basestring.byteLength.toLocaleString()} bytes
                  {preview.basestring.text.length > 2000 ? ', first 2,000 characters' : ''})
                </p>
                <pre className="mono small sender-code" data-testid="preview-basestring">
                  {preview.basestring.text.slice(0, 2000)}
                </pre>
              </>
            )}
            {preview.notes.map((n) => (
              <p key={n} className="small muted">
                {n}
              </p>
            ))}
          </>
        )}
        <p className="small muted">Body: {(fromBase64(bodyBase64(state))?.length ?? 0).toLocaleString()} bytes</p>
      </details>
    </section>
  );
}
