// The simulator: any event type with realistic, editable data, previewed as the exact
// outgoing request, sent to a channel or any URL.
import { notificationExample, previewNotification, sendNotification } from '../../store/notificationActions';
import { useEffect, useState } from 'react';
import {
  NOTIFICATION_EVENT_TYPES,
  type HeaderRow,
  type NotificationEventType,
  type NotificationPayload,
  type OutgoingRequestPreview,
  type SendTarget,
} from '@shared/notifications';
import { describeError } from '../../api/envelope';
import { openDelivery, setNotificationsTab } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';
import { HeadersEditor } from './HeadersEditor';
import { errorMessage } from '@shared/error-message';

function parse(text: string): { payload: NotificationPayload | null; error: string | null } {
  try {
    const value = JSON.parse(text) as NotificationPayload;
    return typeof value === 'object' && value !== null ? { payload: value, error: null } : { payload: null, error: 'the payload must be a JSON object' };
  } catch (e) {
    return { payload: null, error: errorMessage(e) };
  }
}

export function SimulatorPanel() {
  const channels = useAppStore((s) => s.notifications.view?.channels ?? []);
  const receiverUrl = useAppStore((s) => s.ui.engine?.receiverUrl ?? '');
  const [type, setType] = useState<NotificationEventType>('execution_completed');
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'url' | 'channel'>('url');
  const [url, setUrl] = useState(receiverUrl ? `${receiverUrl}/notify` : '');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [channelId, setChannelId] = useState('');
  const [preview, setPreview] = useState<OutgoingRequestPreview | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { payload, error: jsonError } = parse(text);
  const target: SendTarget = mode === 'url' ? { url, headers } : { channelId };

  useEffect(() => {
    notificationExample({ eventType: type }).then(
      (p) => setText(JSON.stringify(p, null, 2)),
      (e) => setNote(describeError(e)),
    );
  }, [type]);
  useEffect(() => {
    if (!payload) return setPreview(null);
    const timer = setTimeout(() => {
      previewNotification({ target, payload }).then(setPreview, (e) =>
        setPreview({ method: 'POST', url: '', headers: [], body: '', problem: describeError(e), schemaProblems: [] }),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [text, mode, url, JSON.stringify(headers), channelId]);

  async function send() {
    if (!payload) return;
    try {
      const d = await sendNotification({ target, payload });
      setNote(`Sent as delivery ${d.id}`);
      openDelivery(d.id);
    } catch (e) {
      setNote(describeError(e));
    }
  }

  return (
    <div className="notify-split">
      <div className="notify-pad notify-form">
        <label>
          Event type
          <select className="input" value={type} data-testid="sim-event" onChange={(e) => setType(e.target.value as NotificationEventType)}>
            {NOTIFICATION_EVENT_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Payload (JSON, editable)
          <textarea
            className="textarea mono sim-json"
            spellCheck={false}
            value={text}
            data-testid="sim-payload"
            aria-invalid={!!jsonError}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {jsonError && (
          <p className="notify-error small" data-testid="sim-json-error">
            {jsonError}
          </p>
        )}
        <fieldset>
          <legend>Send to</legend>
          <label className="inline">
            <input type="radio" checked={mode === 'url'} onChange={() => setMode('url')} data-testid="sim-mode-url" /> URL
          </label>
          <label className="inline">
            <input type="radio" checked={mode === 'channel'} onChange={() => setMode('channel')} data-testid="sim-mode-channel" /> Channel
          </label>
          {mode === 'url' ? (
            <>
              <input className="input" value={url} data-testid="sim-url" onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:8080/hooks" />
              <HeadersEditor rows={headers} onChange={setHeaders} testId="sim-headers" />
            </>
          ) : (
            <select className="input" value={channelId} data-testid="sim-channel" onChange={(e) => setChannelId(e.target.value)}>
              <option value="">Choose a channel…</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <div className="notify-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="sim-send"
            disabled={!payload || (mode === 'url' ? !url : !channelId)}
            onClick={() => void send()}
          >
            Send
          </button>
          {note && (
            <span className="small muted" data-testid="sim-note">
              {note}{' '}
              {note.startsWith('Sent') && (
                <button type="button" className="button button-small" onClick={() => setNotificationsTab('log')}>
                  Open in log
                </button>
              )}
            </span>
          )}
        </div>
      </div>
      <div className="notify-pad notify-side" data-testid="sim-preview">
        <h3>Outgoing request</h3>
        {!preview && <p className="muted small">Fix the JSON to see the request.</p>}
        {preview && (
          <>
            {preview.schemaProblems.length > 0 && (
              <div className="notify-warn small" data-testid="sim-schema-problems">
                <strong>Differs from the documented {payload?.type} schema:</strong>
                <ul>
                  {preview.schemaProblems.slice(0, 8).map((p) => (
                    <li key={p} className="mono">
                      {p}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.problem && (
              <p className="notify-error small" data-testid="sim-preview-problem">
                {preview.problem}
              </p>
            )}
            <pre
              className="code-block"
              data-testid="sim-preview-request"
            >{`${preview.method} ${preview.url}\n${preview.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${preview.body}`}</pre>
          </>
        )}
      </div>
    </div>
  );
}
