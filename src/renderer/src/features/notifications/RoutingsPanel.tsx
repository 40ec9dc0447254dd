// Routings: event type → channels, with optional project / step / status filters.
import { useState } from 'react';
import { NOTIFICATION_EVENT_TYPES, type NotificationEventType, type NotificationRouting } from '@shared/notifications';
import { describeError } from '../../api/envelope';
import { ConfirmButton } from '../../components/ConfirmButton';
import { deleteRouting, saveRouting } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';

const blank = (): NotificationRouting => ({
  id: `routing-${Math.random().toString(36).slice(2, 8)}`,
  event: 'execution_completed',
  channelIds: [],
  filters: {},
  enabled: true,
});

export function RoutingsPanel() {
  const view = useAppStore((s) => s.notifications.view);
  const [draft, setDraft] = useState<NotificationRouting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const channels = view?.channels ?? [];
  const name = (id: string) => channels.find((c) => c.id === id)?.name ?? id;

  async function save() {
    if (!draft) return;
    try {
      await saveRouting(draft);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }
  const toggle = (id: string) =>
    draft && setDraft({ ...draft, channelIds: draft.channelIds.includes(id) ? draft.channelIds.filter((c) => c !== id) : [...draft.channelIds, id] });
  const filter = (key: 'project' | 'step' | 'status', value: string) =>
    draft && setDraft({ ...draft, filters: { ...draft.filters, [key]: value || undefined } });

  return (
    <div className="notify-split">
      <div className="notify-pad">
        <button type="button" className="button button-primary" data-testid="routing-new" disabled={!channels.length} onClick={() => setDraft(blank())}>
          New routing
        </button>
        {!channels.length && <p className="muted small">Create a channel first.</p>}
        <table className="pairs notify-table" data-testid="routing-list">
          <thead>
            <tr>
              <th>Event</th>
              <th>Channels</th>
              <th>Filters</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(view?.section.routings ?? []).map((r) => (
              <tr key={r.id} data-testid="routing-row" className={r.enabled ? '' : 'muted'}>
                <td className="mono">{r.event}</td>
                <td>{r.channelIds.map(name).join(', ')}</td>
                <td className="small">
                  {Object.entries(r.filters)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(' · ') || 'any'}
                </td>
                <td className="notify-row-actions">
                  <button type="button" className="button button-small" onClick={() => setDraft(structuredClone(r))}>
                    Edit
                  </button>
                  <ConfirmButton label="Delete" confirmLabel="Delete routing" onConfirm={() => void deleteRouting(r.id)} testId="routing-delete" small />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="notify-pad notify-side">
        {draft ? (
          <form
            className="notify-form"
            data-testid="routing-editor"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <h3>Routing</h3>
            <label>
              Event
              <select
                className="input"
                value={draft.event}
                data-testid="routing-event"
                onChange={(e) => setDraft({ ...draft, event: e.target.value as NotificationEventType })}
              >
                {NOTIFICATION_EVENT_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>Channels</legend>
              {channels.map((c) => (
                <label key={c.id} className="inline">
                  <input type="checkbox" checked={draft.channelIds.includes(c.id)} data-testid={`routing-channel-${c.id}`} onChange={() => toggle(c.id)} />{' '}
                  {c.name}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Only when (empty: any)</legend>
              <label>
                Project name
                <input
                  className="input"
                  value={draft.filters.project ?? ''}
                  onChange={(e) => filter('project', e.target.value)}
                  placeholder="local/hookbench"
                />
              </label>
              <label>
                Step or pipeline
                <input className="input" value={draft.filters.step ?? ''} data-testid="routing-filter-step" onChange={(e) => filter('step', e.target.value)} />
              </label>
              <label>
                Status
                <input
                  className="input"
                  value={draft.filters.status ?? ''}
                  onChange={(e) => filter('status', e.target.value)}
                  placeholder="complete, error, stopped…"
                />
              </label>
            </fieldset>
            <label className="inline">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} /> Enabled
            </label>
            {error && (
              <p className="notify-error" role="alert">
                {error}
              </p>
            )}
            <div className="notify-actions">
              <button type="submit" className="button button-primary" data-testid="routing-save">
                Save routing
              </button>
              <button type="button" className="button" onClick={() => setDraft(null)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <p className="muted small">Routings decide which events go to which channels.</p>
        )}
      </div>
    </div>
  );
}
