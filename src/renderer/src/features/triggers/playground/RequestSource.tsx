import { selectCaptureItems } from '../../../store/selectors';
import { useAppStore } from '../../../store/store';
import { formatExactTime } from '../../../lib/format';
import type { PlaygroundForm } from './buildInput';
import { parseHeaderLines } from './parseHeaders';

/** The request to sign: one already captured, or headers and body pasted in. */
export function RequestSource({ form, onChange }: { form: PlaygroundForm; onChange(patch: Partial<PlaygroundForm>): void }) {
  const captures = useAppStore(selectCaptureItems);
  const bad = parseHeaderLines(form.headersText).badLines;
  return (
    <fieldset className="pg-request">
      <legend>Request</legend>
      <div className="segmented" role="radiogroup" aria-label="Request source">
        {(['capture', 'paste'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={form.source === s}
            className={`segmented-item${form.source === s ? ' is-active' : ''}`}
            onClick={() => onChange({ source: s })}
            data-testid={`pg-source-${s}`}
          >
            {s === 'capture' ? 'A captured request' : 'Paste headers and body'}
          </button>
        ))}
      </div>
      {form.source === 'capture' ? (
        captures.length === 0 ? (
          <p className="muted small" data-testid="pg-no-captures">
            No captured requests yet. Send one to the receiver, or paste headers and a body instead.
          </p>
        ) : (
          <select
            className="input pg-capture"
            aria-label="Captured request"
            data-testid="pg-capture"
            value={form.captureId}
            onChange={(e) => onChange({ captureId: e.target.value })}
          >
            <option value="">Pick a captured request…</option>
            {captures.slice(0, 200).map((c) => (
              <option key={c.id} value={c.id}>
                {c.method} {c.url} · {c.status} · {formatExactTime(c.receivedAt)}
              </option>
            ))}
          </select>
        )
      ) : (
        <>
          <div className="pg-line">
            <input
              className="input mono pg-method"
              aria-label="Method"
              value={form.method}
              onChange={(e) => onChange({ method: e.target.value.toUpperCase() })}
              data-testid="pg-method"
            />
            <input
              className="input mono pg-url"
              aria-label="URL (path and query)"
              value={form.url}
              onChange={(e) => onChange({ url: e.target.value })}
              data-testid="pg-url"
            />
          </div>
          <label className="pg-label" htmlFor="pg-headers">
            Headers <span className="muted small">one "Name: value" per line</span>
          </label>
          <textarea
            id="pg-headers"
            className="input textarea mono"
            rows={4}
            spellCheck={false}
            value={form.headersText}
            onChange={(e) => onChange({ headersText: e.target.value })}
            data-testid="pg-headers"
            aria-invalid={bad.length ? true : undefined}
          />
          {bad.length > 0 && (
            <p className="field-error" data-testid="pg-headers-error">
              Line{bad.length > 1 ? 's' : ''} {bad.join(', ')} {bad.length > 1 ? 'are' : 'is'} not "Name: value" and {bad.length > 1 ? 'are' : 'is'} ignored.
            </p>
          )}
          <label className="pg-label" htmlFor="pg-body">
            Body <span className="muted small">signed as UTF-8 bytes, exactly as typed (no trailing newline is added)</span>
          </label>
          <textarea
            id="pg-body"
            className="input textarea mono"
            rows={5}
            spellCheck={false}
            value={form.bodyText}
            onChange={(e) => onChange({ bodyText: e.target.value })}
            data-testid="pg-body"
          />
        </>
      )}
    </fieldset>
  );
}
