import { useAppStore } from '../../../store/store';
import type { ChannelFieldsProps } from './types';

export function TriggerChannelFields({ channel: c, onChange }: ChannelFieldsProps<'trigger'>) {
  const triggers = useAppStore((s) => s.triggers.items);
  return (
    <label>
      Trigger
      <select className="input" value={c.triggerId} data-testid="channel-trigger" onChange={(e) => onChange({ ...c, triggerId: e.target.value })}>
        <option value="">Choose a trigger…</option>
        {triggers.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title || t.id}
          </option>
        ))}
      </select>
    </label>
  );
}
