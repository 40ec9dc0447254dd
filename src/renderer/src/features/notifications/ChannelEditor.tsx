// Create or edit one channel: the common fields, then the fields of its type (channel-fields/registry.ts).
import { useState } from 'react';
import type { ComponentType } from 'react';
import type { ChannelType, NotificationChannel } from '@shared/notifications';
import { CHANNEL_KINDS, CHANNEL_TYPES, withChannelType } from '@shared/kinds/channels';
import { describeError } from '../../api/envelope';
import { saveChannel } from '../../store/notificationActions';
import { CHANNEL_EDITORS } from './channel-fields/registry';
import type { ChannelFieldsProps } from './channel-fields/types';

export function blankChannel(): NotificationChannel {
  return { id: `channel-${Math.random().toString(36).slice(2, 8)}`, name: '', type: 'custom', url: '', headers: [], signing: null };
}

/** The fields of the channel's own type (registry keyed by type; nothing for an unknown type). */
function TypeFields({ channel, onChange }: { channel: NotificationChannel; onChange(next: NotificationChannel): void }) {
  if (!Object.hasOwn(CHANNEL_EDITORS, channel.type)) return null;
  // the registry's entry for channel.type takes a channel of that type: the pairing TS cannot follow
  const Fields = CHANNEL_EDITORS[channel.type] as ComponentType<ChannelFieldsProps<ChannelType>>;
  return <Fields channel={channel} onChange={onChange} />;
}

export function ChannelEditor({ initial, isNew, onDone }: { initial: NotificationChannel; isNew: boolean; onDone(): void }) {
  const [c, setC] = useState<NotificationChannel>(initial);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      await saveChannel(c, isNew ? undefined : initial.id);
      onDone();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <form
      className="notify-form"
      data-testid="channel-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{isNew ? 'New channel' : `Edit ${initial.name}`}</h3>
      <label>
        Type
        <select
          className="input"
          value={c.type}
          data-testid="channel-type"
          onChange={(e) => setC(withChannelType(c, e.target.value as NotificationChannel['type']))}
        >
          {CHANNEL_TYPES.map((t) => (
            <option key={t} value={t}>
              {CHANNEL_KINDS[t].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input
          className="input"
          value={c.name}
          data-testid="channel-name"
          onChange={(e) => setC({ ...c, name: e.target.value })}
          placeholder="team-ml-alerts"
        />
      </label>
      <label>
        Id
        <input className="input" value={c.id} data-testid="channel-id" onChange={(e) => setC({ ...c, id: e.target.value })} />
      </label>
      <TypeFields channel={c} onChange={setC} />
      {error && (
        <p className="notify-error" role="alert" data-testid="channel-error">
          {error}
        </p>
      )}
      <div className="notify-actions">
        <button type="submit" className="button button-primary" data-testid="channel-save">
          Save channel
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
