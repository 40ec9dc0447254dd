// Channels with their health, the editor, "send test", and which triggers are notification triggers.
import { testChannel } from '../../store/notificationActions';
import { useState } from 'react';
import type { NotificationChannel } from '@shared/notifications';
import { CHANNEL_KINDS, channelTarget } from '@shared/kinds/channels';
import { describeError } from '../../api/envelope';
import { ConfirmButton } from '../../components/ConfirmButton';
import { deleteChannel, setDeliveryFilter, setNotificationTrigger, setNotificationsTab } from '../../store/notificationActions';
import { useAppStore } from '../../store/store';
import { blankChannel, ChannelEditor } from './ChannelEditor';
import { HealthChart, successRateText } from './HealthChart';

const target = channelTarget;

export function ChannelsPanel() {
  const view = useAppStore((s) => s.notifications.view);
  const health = useAppStore((s) => s.notifications.health);
  const triggers = useAppStore((s) => s.triggers.items);
  const [editing, setEditing] = useState<{ channel: NotificationChannel; isNew: boolean } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const channels = view?.channels ?? [];

  async function sendTest(id: string) {
    try {
      const d = await testChannel(id);
      setNote(`Test sent: ${d.title}`);
    } catch (e) {
      setNote(describeError(e));
    }
  }

  return (
    <div className="notify-split">
      <div className="notify-pad">
        <div className="notify-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="channel-new"
            onClick={() => setEditing({ channel: blankChannel(), isNew: true })}
          >
            New channel
          </button>
          {note && (
            <span className="muted small" data-testid="channel-note">
              {note}
            </span>
          )}
        </div>
        {!channels.length && (
          <p className="muted" data-testid="channels-empty">
            No channels yet. A channel is where notifications go: a Slack incoming webhook, any URL, or a local trigger.
          </p>
        )}
        <ul className="notify-list" data-testid="channel-list">
          {channels.map((c) => {
            const h = health.find((x) => x.channelId === c.id);
            return (
              <li key={c.id} className="notify-card" data-testid="channel-row" data-channel-id={c.id}>
                <div className="notify-card-main">
                  <strong>{c.name}</strong> <span className="chip">{CHANNEL_KINDS[c.type].shortLabel}</span>
                  {c.managed && (
                    <span className="chip" title="follows its notification trigger">
                      managed
                    </span>
                  )}
                  <div className="muted small mono ellipsis" title={target(c)}>
                    {target(c)}
                  </div>
                  {h?.lastError && (
                    <div className="small notify-bad ellipsis" data-testid="channel-last-error" title={h.lastError}>
                      Last error: {h.lastError}
                    </div>
                  )}
                </div>
                <div className="notify-card-health">
                  <HealthChart health={h} />
                  <span className="small muted" data-testid="channel-success-rate">
                    {successRateText(h)}
                  </span>
                </div>
                <div className="notify-card-actions">
                  <button type="button" className="button button-small" data-testid="channel-test" onClick={() => void sendTest(c.id)}>
                    Send test
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="channel-log"
                    onClick={() => {
                      void setDeliveryFilter({ channelId: c.id });
                      setNotificationsTab('log');
                    }}
                  >
                    Log
                  </button>
                  {!c.managed && (
                    <button type="button" className="button button-small" data-testid="channel-edit" onClick={() => setEditing({ channel: c, isNew: false })}>
                      Edit
                    </button>
                  )}
                  {!c.managed && (
                    <ConfirmButton label="Delete" confirmLabel="Delete channel" onConfirm={() => void deleteChannel(c.id)} testId="channel-delete" small />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <h3>Notification triggers</h3>
        <p className="muted small">
          A notification trigger gets a managed Trigger channel: notifications routed to it launch the trigger locally, through its conditions.
        </p>
        {!triggers.length && <p className="muted small">No triggers yet.</p>}
        <ul className="notify-plain">
          {triggers.map((t) => (
            <li key={t.id}>
              <label className="inline">
                <input
                  type="checkbox"
                  data-testid={`notification-trigger-${t.id}`}
                  checked={view?.section.notificationTriggers.includes(t.id) ?? false}
                  onChange={(e) => void setNotificationTrigger(t.id, e.target.checked).catch((err) => setNote(describeError(err)))}
                />
                <span>
                  {t.title || t.id} <span className="muted mono small">{t.id}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <div className="notify-pad notify-side">
        {editing ? (
          <ChannelEditor key={editing.channel.id + editing.isNew} initial={editing.channel} isNew={editing.isNew} onDone={() => setEditing(null)} />
        ) : (
          <p className="muted small">Choose a channel to edit, or create one.</p>
        )}
      </div>
    </div>
  );
}
