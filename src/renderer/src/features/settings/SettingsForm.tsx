import type { InputHTMLAttributes } from 'react';
import { selectReceiverUrl } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { formatBytes } from '../../lib/format';
import { Field } from './Field';
import { isLoopbackHost } from './settingsForm';
import type { DraftField, FieldErrors, SettingsDraft } from './settingsForm';
import { parseSize } from './sizeInput';

interface Props {
  draft: SettingsDraft;
  errors: FieldErrors;
  onChange(field: DraftField, value: string): void;
}

export function SettingsForm({ draft, errors, onChange }: Props) {
  const input = (field: DraftField, extra: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <input
      id={field}
      className="input"
      data-testid={`setting-${field}`}
      value={draft[field]}
      aria-invalid={Boolean(errors[field])}
      onChange={(event) => onChange(field, event.target.value)}
      {...extra}
    />
  );
  const runningPort = useRunningPort();
  const sizeHint = (text: string) => {
    const bytes = parseSize(text);
    return bytes !== null ? `${bytes.toLocaleString()} bytes (${formatBytes(bytes)})` : undefined;
  };
  return (
    <>
      <section className="settings-section">
        <h2>Receiver</h2>
        <p className="muted small">Where webhooks are received. Saving a new host or port restarts the receiver; the URL in the header follows.</p>
        <Field
          label="Host"
          htmlFor="host"
          error={errors.host}
          warning={
            !isLoopbackHost(draft.host) && draft.host.trim()
              ? 'Listening on an address other than 127.0.0.1 exposes the receiver (and every captured request) to your network.'
              : undefined
          }
          hint="127.0.0.1 keeps it on this machine; use a tunnel to receive from the internet."
        >
          {input('host', { autoComplete: 'off', spellCheck: false })}
        </Field>
        <Field
          label="Port"
          htmlFor="port"
          error={errors.port}
          hint={
            runningPort && runningPort !== draft.port.trim()
              ? `This launch listens on port ${runningPort} (chosen on the command line); the saved port applies to later launches and when you save here.`
              : undefined
          }
        >
          {input('port', { inputMode: 'numeric', className: 'input input-short' })}
        </Field>
        <Field
          label="Max connections"
          htmlFor="maxConnections"
          error={errors.maxConnections}
          hint="Open connections at once; more are closed at connect, so slow clients cannot crowd out this UI."
        >
          {input('maxConnections', { inputMode: 'numeric', className: 'input input-short' })}
        </Field>
        <Field
          label="Body limit"
          htmlFor="bodyLimit"
          error={errors.bodyLimit}
          hint={sizeHint(draft.bodyLimit) ?? 'Larger requests are answered 413 and not stored.'}
        >
          {input('bodyLimit', { className: 'input input-short' })}
        </Field>
      </section>

      <section className="settings-section">
        <h2>Retention</h2>
        <p className="muted small">
          The oldest requests are removed once either limit is passed. The trigger log, runs, deliveries and sent requests keep the same number of newest
          entries.
        </p>
        <Field label="Keep at most" htmlFor="maxCaptures" error={errors.maxCaptures} hint="requests">
          {input('maxCaptures', { inputMode: 'numeric', className: 'input input-short' })}
        </Field>
        <Field label="Total size" htmlFor="maxBytes" error={errors.maxBytes} hint={sizeHint(draft.maxBytes)}>
          {input('maxBytes', { className: 'input input-short' })}
        </Field>
      </section>

      <section className="settings-section">
        <h2>Default inbox response</h2>
        <p className="muted small">What requests to any path that is not a trigger URL are answered with.</p>
        <Field label="Status" htmlFor="status" error={errors.status}>
          {input('status', { inputMode: 'numeric', className: 'input input-short' })}
        </Field>
        <Field label="Content type" htmlFor="contentType" error={errors.contentType}>
          {input('contentType', { spellCheck: false })}
        </Field>
        <Field label="Body" htmlFor="body" error={errors.body}>
          <textarea
            id="body"
            className="input textarea mono"
            data-testid="setting-body"
            rows={4}
            spellCheck={false}
            value={draft.body}
            onChange={(event) => onChange('body', event.target.value)}
          />
        </Field>
      </section>
    </>
  );
}

/** The port the receiver really listens on, which a CLI --port may have overridden. */
function useRunningPort(): string | null {
  const url = useAppStore(selectReceiverUrl);
  if (!url) return null;
  try {
    return new URL(url).port || null;
  } catch {
    return null;
  }
}
